import Foundation

/// Sends one HTTP request and returns the whole response. No retries, no signing: those are
/// the client's job. Implementations throw ``TransportError``.
public protocol HTTPTransport: Sendable {
    func send(_ request: AWSHTTPRequest, timeout: TimeInterval) async throws -> AWSHTTPResponse
}
