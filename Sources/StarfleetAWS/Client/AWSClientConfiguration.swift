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

    /// The defaults with the environment's overrides: `AWS_MAX_ATTEMPTS` (the SDKs' variable:
    /// attempts including the first) and `STARFLEET_AWS_TIMEOUT` (seconds per attempt). A value
    /// that is not a positive number is ignored (the default stays).
    public init(environment: [String: String]) {
        self.init()
        if let text = environment["AWS_MAX_ATTEMPTS"], let attempts = Int(text.trimmingCharacters(in: .whitespaces)),
           attempts >= 1 {
            retryPolicy.maxAttempts = attempts
        }
        if let text = environment["STARFLEET_AWS_TIMEOUT"],
           let seconds = TimeInterval(text.trimmingCharacters(in: .whitespaces)), seconds > 0, seconds.isFinite {
            timeout = seconds
        }
    }
}
