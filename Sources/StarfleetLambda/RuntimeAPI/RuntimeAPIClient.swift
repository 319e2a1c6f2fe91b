import Foundation
import StarfleetAWS

/// The Lambda Runtime API (`AWS_LAMBDA_RUNTIME_API`, version 2018-06-01) over the project's HTTP
/// transport (AsyncHTTPClient).
public struct RuntimeAPIClient: Sendable {
    static let version = "2018-06-01"
    /// `next` blocks until an event arrives, which may be hours on a quiet function.
    static let nextTimeout: TimeInterval = 365 * 86_400
    static let postTimeout: TimeInterval = 30

    public let host: String
    public let port: Int?
    public let transport: any HTTPTransport

    /// - Parameter address: `host:port`, as Lambda sets `AWS_LAMBDA_RUNTIME_API`.
    public init?(address: String, transport: any HTTPTransport = AsyncHTTPClientTransport.shared) {
        let parts = address.split(separator: ":", omittingEmptySubsequences: false)
        guard let first = parts.first, !first.isEmpty, parts.count <= 2 else { return nil }
        if parts.count == 2 {
            guard let port = Int(parts[1]), (1...65535).contains(port) else { return nil }
            self.port = port
        } else {
            self.port = nil
        }
        self.host = String(first)
        self.transport = transport
    }

    public func next() async throws -> Invocation {
        let response = try await call("next", method: "GET", path: "invocation/next", body: Data(), timeout: Self.nextTimeout)
        guard let requestId = response.headers["Lambda-Runtime-Aws-Request-Id"], !requestId.isEmpty else {
            throw RuntimeAPIError(call: "next", detail: "the answer has no Lambda-Runtime-Aws-Request-Id header")
        }
        return Invocation(
            requestId: requestId, deadlineMilliseconds: response.headers["Lambda-Runtime-Deadline-Ms"].flatMap { Int64($0) },
            functionARN: response.headers["Lambda-Runtime-Invoked-Function-Arn"],
            traceId: response.headers["Lambda-Runtime-Trace-Id"], event: response.body)
    }

    public func respond(requestId: String, body: Data) async throws {
        _ = try await call("response", method: "POST", path: "invocation/\(requestId)/response", body: body, timeout: Self.postTimeout)
    }

    public func fail(requestId: String, _ report: LambdaErrorReport) async throws {
        _ = try await call("error", method: "POST", path: "invocation/\(requestId)/error", body: report.json,
                           timeout: Self.postTimeout, errorType: report.errorType)
    }

    public func initializationFailed(_ report: LambdaErrorReport) async throws {
        _ = try await call("init error", method: "POST", path: "init/error", body: report.json,
                           timeout: Self.postTimeout, errorType: report.errorType)
    }

    private func call(_ name: String, method: String, path: String, body: Data, timeout: TimeInterval,
                      errorType: String? = nil) async throws -> AWSHTTPResponse {
        var request = AWSHTTPRequest(method: method, scheme: "http", host: host, port: port,
                                     path: "/\(Self.version)/runtime/\(path)", body: body)
        if let errorType {
            request.headers.add(name: "Content-Type", value: "application/json")
            request.headers.add(name: "Lambda-Runtime-Function-Error-Type", value: errorType)
        }
        let response: AWSHTTPResponse
        do {
            response = try await transport.send(request, timeout: timeout)
        } catch {
            throw RuntimeAPIError(call: name, detail: "\(error)")
        }
        guard response.isSuccess else {
            throw RuntimeAPIError(call: name, detail: "HTTP \(response.statusCode): \(response.bodySnippet(limit: 200))")
        }
        return response
    }
}
