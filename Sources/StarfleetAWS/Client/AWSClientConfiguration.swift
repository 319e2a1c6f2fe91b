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
    /// that is not a positive number keeps the default and is reported through `warn`.
    public init(environment: [String: String], warn: (String) -> Void = { _ in }) {
        self.init()
        if let text = environment["AWS_MAX_ATTEMPTS"] {
            if let attempts = Int(text.trimmingCharacters(in: .whitespaces)), attempts >= 1 {
                retryPolicy.maxAttempts = attempts
            } else {
                warn("AWS_MAX_ATTEMPTS='\(text)' is not a whole number of at least 1; using \(retryPolicy.maxAttempts)")
            }
        }
        if let text = environment["STARFLEET_AWS_TIMEOUT"] {
            if let seconds = TimeInterval(text.trimmingCharacters(in: .whitespaces)), seconds > 0, seconds.isFinite {
                timeout = seconds
            } else {
                warn("STARFLEET_AWS_TIMEOUT='\(text)' is not a positive number of seconds; using \(Int(timeout))")
            }
        }
    }
}
