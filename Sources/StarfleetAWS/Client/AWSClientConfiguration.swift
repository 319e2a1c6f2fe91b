import Foundation

/// Per-client knobs: retries, the per-request timeout and the user agent.
public struct AWSClientConfiguration: Sendable, Equatable {
    public var retryPolicy: RetryPolicy
    /// Seconds one attempt may take (connect + response).
    public var timeout: TimeInterval
    public var userAgent: String

    public init(retryPolicy: RetryPolicy = .default, timeout: TimeInterval = 30, userAgent: String = "starfleet-swift/1.0") {
        self.retryPolicy = retryPolicy
        self.timeout = timeout
        self.userAgent = userAgent
    }
}
