import Foundation

/// An error from an AWS call, carrying an operator-facing message.
///
/// Every case names the service, the operation and (where there is one) the endpoint, so a
/// message read in a log tells the operator what was attempted and where. Secrets never appear:
/// text coming back from a server is passed through ``Redactor`` before it is stored here.
public struct AWSError: Error, CustomStringConvertible, Sendable, Equatable {
    /// What kind of failure this is.
    public enum Kind: String, Sendable, Equatable {
        /// The service answered with an AWS error (`code` and `message` are the service's).
        case service
        /// No answer arrived within the per-request timeout.
        case timeout
        /// The endpoint could not be reached (connection refused, unknown host, TLS failure…).
        case unreachableEndpoint
        /// The service answered with something that is neither a valid result nor an AWS error.
        case malformedResponse
        /// No credentials could be found, or the credential configuration is unusable.
        case credentials
        /// The client was configured with something unusable (bad endpoint URL, bad region…).
        case configuration
    }

    public var kind: Kind
    /// Display name of the service, e.g. `Organizations`.
    public var service: String
    /// Operation name, e.g. `ListAccounts`.
    public var operation: String
    /// The endpoint the request went to, when one was resolved.
    public var endpoint: String?
    /// AWS error code (`AccessDeniedException`, `NoSuchKey`…), or a synthetic code for the
    /// transport kinds (`RequestTimeout`, `EndpointUnreachable`, `MalformedResponse`,
    /// `NoCredentials`, `InvalidConfiguration`).
    public var code: String
    /// Human-readable detail (the service's message for ``Kind/service``).
    public var message: String
    public var httpStatus: Int?
    public var requestId: String?
    /// How many attempts were made before giving up (1 when not retried).
    public var attempts: Int

    public init(
        kind: Kind, service: String, operation: String, endpoint: String? = nil, code: String,
        message: String, httpStatus: Int? = nil, requestId: String? = nil, attempts: Int = 1
    ) {
        self.kind = kind
        self.service = service
        self.operation = operation
        self.endpoint = endpoint
        self.code = code
        self.message = message
        self.httpStatus = httpStatus
        self.requestId = requestId
        self.attempts = attempts
    }

    public var description: String {
        let call = "AWS \(service) \(operation)"
        let at = endpoint.map { " at \($0)" } ?? ""
        let tries = attempts > 1 ? " after \(attempts) attempts" : ""
        switch kind {
        case .service:
            var details: [String] = []
            if let httpStatus { details.append("HTTP \(httpStatus)") }
            if let requestId, !requestId.isEmpty { details.append("request id \(requestId)") }
            let detailText = details.isEmpty ? "" : " (\(details.joined(separator: ", ")))"
            let text = message.isEmpty ? "" : ": \(message)"
            return "\(call) failed\(tries)\(at): \(code)\(text)\(detailText)"
        case .timeout:
            return "\(call) timed out\(tries)\(at): \(message)"
        case .unreachableEndpoint:
            return "\(call) could not reach the endpoint\(tries)\(at): \(message)"
        case .malformedResponse:
            let status = httpStatus.map { " (HTTP \($0))" } ?? ""
            return "\(call) got a malformed or unexpected response\(tries)\(at)\(status): \(message)"
        case .credentials, .configuration:
            return "\(call): \(message)"
        }
    }

    /// Whether the code is one of the throttling codes AWS services use.
    public var isThrottling: Bool { RetryPolicy.throttlingErrorCodes.contains(code) }

    // MARK: - Builders for the non-service kinds

    static func noCredentials(searched: [String], hint: String? = nil) -> AWSError {
        var message = "no AWS credentials found. Looked for: " + searched.joined(separator: "; ") + "."
        if let hint { message += " " + hint }
        return AWSError(kind: .credentials, service: "credentials", operation: "resolve", code: "NoCredentials", message: message)
    }

    static func credentials(_ message: String) -> AWSError {
        AWSError(kind: .credentials, service: "credentials", operation: "resolve", code: "InvalidCredentials", message: message)
    }

    static func configuration(service: String, operation: String, _ message: String) -> AWSError {
        AWSError(kind: .configuration, service: service, operation: operation, code: "InvalidConfiguration", message: message)
    }
}
