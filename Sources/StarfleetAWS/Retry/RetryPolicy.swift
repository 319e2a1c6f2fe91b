import Foundation

/// When and how long to wait before trying a request again.
///
/// Retries throttling codes, transient service codes, the retryable HTTP statuses (5xx, 429) and,
/// by default, transport failures (timeouts, refused connections). Delays use exponential backoff
/// with full jitter: a random wait in `0...min(maxDelay, baseDelay × 2^(retry−1))`.
public struct RetryPolicy: Sendable, Equatable {
    /// Total attempts including the first; 1 disables retries.
    public var maxAttempts: Int
    public var baseDelay: TimeInterval
    public var maxDelay: TimeInterval
    public var retryableErrorCodes: Set<String>
    public var retryableStatusCodes: Set<Int>
    /// Whether timeouts and connection failures are retried.
    public var retriesTransportErrors: Bool

    public static let throttlingErrorCodes: Set<String> = [
        "Throttling", "ThrottlingException", "ThrottledException", "RequestThrottledException",
        "TooManyRequestsException", "ProvisionedThroughputExceededException", "TransactionInProgressException",
        "RequestLimitExceeded", "BandwidthLimitExceeded", "LimitExceededException", "RequestThrottled",
        "SlowDown", "PriorRequestNotComplete", "EC2ThrottledException",
    ]

    public static let transientErrorCodes: Set<String> = [
        "RequestTimeout", "RequestTimeoutException", "InternalError", "InternalFailure", "ServiceUnavailable",
        "ServiceUnavailableException", "IDPCommunicationError",
    ]

    public init(
        maxAttempts: Int = 3, baseDelay: TimeInterval = 0.5, maxDelay: TimeInterval = 20,
        retryableErrorCodes: Set<String> = RetryPolicy.throttlingErrorCodes.union(RetryPolicy.transientErrorCodes),
        retryableStatusCodes: Set<Int> = [429, 500, 502, 503, 504], retriesTransportErrors: Bool = true
    ) {
        self.maxAttempts = max(1, maxAttempts)
        self.baseDelay = max(0, baseDelay)
        self.maxDelay = max(0, maxDelay)
        self.retryableErrorCodes = retryableErrorCodes
        self.retryableStatusCodes = retryableStatusCodes
        self.retriesTransportErrors = retriesTransportErrors
    }

    public static let `default` = RetryPolicy()
    public static let none = RetryPolicy(maxAttempts: 1)

    /// Whether a failed attempt may be retried (attempt count aside).
    public func isRetryable(_ error: AWSError) -> Bool {
        switch error.kind {
        case .service:
            if retryableErrorCodes.contains(error.code) { return true }
            return error.httpStatus.map(retryableStatusCodes.contains) ?? false
        case .malformedResponse:
            return error.httpStatus.map(retryableStatusCodes.contains) ?? false
        case .timeout, .unreachableEndpoint:
            return retriesTransportErrors
        case .credentials, .configuration:
            return false
        }
    }

    /// The upper bound of the wait before retry number `retry` (1 for the first retry).
    public func delayCeiling(beforeRetry retry: Int) -> TimeInterval {
        let exponent = Double(max(0, retry - 1))
        return min(maxDelay, baseDelay * pow(2, exponent))
    }

    /// A full-jitter wait before retry number `retry`.
    public func delay(beforeRetry retry: Int) -> TimeInterval {
        var generator = SystemRandomNumberGenerator()
        return delay(beforeRetry: retry, using: &generator)
    }

    public func delay<G: RandomNumberGenerator>(beforeRetry retry: Int, using generator: inout G) -> TimeInterval {
        let ceiling = delayCeiling(beforeRetry: retry)
        return ceiling > 0 ? Double.random(in: 0...ceiling, using: &generator) : 0
    }
}
