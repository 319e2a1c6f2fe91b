import Foundation

/// Sends a signed request for one service and returns a successful response, or throws
/// ``AWSError``. ``AWSClient`` is the implementation; typed service clients are built on it.
public protocol AWSRequestSender: Sendable {
    var service: AWSService { get }
    var region: String { get }
    var endpoint: ResolvedEndpoint { get }
    /// A request to the service's endpoint with `path` (wire form, under any base path of the endpoint).
    func makeRequest(method: String, path: String, query: [QueryItem], headers: HTTPHeaders, body: Data) -> AWSHTTPRequest
    /// Signs, sends and retries `request`; returns the 2xx response.
    func send(operation: String, request: AWSHTTPRequest) async throws -> AWSHTTPResponse
}
