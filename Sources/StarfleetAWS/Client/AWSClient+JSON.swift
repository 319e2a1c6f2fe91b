import Foundation

extension AWSClient {
    /// Calls a JSON-protocol operation (Organizations, Config) and decodes the answer.
    public func json<Input: Encodable, Output: Decodable>(
        _ operation: String, input: Input, as output: Output.Type = Output.self
    ) async throws -> Output {
        guard case .json(let targetPrefix, let version) = service.wireProtocol else {
            throw AWSError.configuration(
                service: service.displayName, operation: operation, "\(service.displayName) does not use the JSON protocol")
        }
        let body: Data
        do {
            body = try JSONEncoder().encode(input)
        } catch {
            throw AWSError.configuration(service: service.displayName, operation: operation, "cannot encode the request: \(error)")
        }
        let request = makeRequest(
            method: "POST", path: "/",
            headers: [
                "Content-Type": "application/x-amz-json-\(version)",
                "X-Amz-Target": "\(targetPrefix).\(operation)",
            ],
            body: body)
        let response = try await send(operation: operation, request: request)
        let data = response.body.isEmpty ? Data("{}".utf8) : response.body
        do {
            return try JSONDecoder().decode(Output.self, from: data)
        } catch {
            throw malformed(
                operation, status: response.statusCode,
                "cannot decode the answer (\(Self.describe(error))): \"\(AWSErrorParser.excerpt(of: response))\"")
        }
    }

    static func describe(_ error: any Error) -> String {
        switch error {
        case DecodingError.keyNotFound(let key, let context):
            return "missing \(pathText(context.codingPath + [key]))"
        case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context):
            return "unexpected value at \(pathText(context.codingPath)): \(context.debugDescription)"
        case DecodingError.dataCorrupted(let context):
            return "not valid JSON at \(pathText(context.codingPath))"
        default:
            return String(describing: error)
        }
    }

    private static func pathText(_ path: [any CodingKey]) -> String {
        path.isEmpty ? "the top level" : path.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
    }
}
