import Foundation

extension AWSClient {
    /// Calls a Query-protocol action (STS, IAM, EC2) and returns the root element of the answer.
    ///
    /// `parameters` are sent as given after `Action` and `Version`; use the flattened names
    /// (`Filter.1.Name`) the API documents.
    public func query(_ action: String, _ parameters: [QueryItem] = []) async throws -> XMLNode {
        let items = [QueryItem("Action", action), QueryItem("Version", service.apiVersion ?? "")] + parameters
        let body = items.map { "\(AWSURIEncoding.encode($0.name))=\(AWSURIEncoding.encode($0.value))" }
            .joined(separator: "&")
        let request = makeRequest(
            method: "POST", path: "/",
            headers: ["Content-Type": "application/x-www-form-urlencoded; charset=utf-8"], body: Data(body.utf8))
        let response = try await send(operation: action, request: request)
        do {
            return try XMLNode.parse(response.body)
        } catch {
            throw malformed(action, status: response.statusCode, "the answer is not XML (\(error)): \"\(AWSErrorParser.excerpt(of: response))\"")
        }
    }
}
