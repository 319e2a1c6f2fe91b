import Foundation
import Testing

@testable import StarfleetAWS

/// A deterministic generator (SplitMix64) for jitter tests.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

@Suite("Retry policy and pagination")
struct RetryPolicyTests {
    @Test func exponentialCeilingWithCap() {
        let policy = RetryPolicy(maxAttempts: 10, baseDelay: 0.5, maxDelay: 3)
        #expect(policy.delayCeiling(beforeRetry: 1) == 0.5)
        #expect(policy.delayCeiling(beforeRetry: 2) == 1)
        #expect(policy.delayCeiling(beforeRetry: 3) == 2)
        #expect(policy.delayCeiling(beforeRetry: 4) == 3)
        #expect(policy.delayCeiling(beforeRetry: 9) == 3)
    }

    @Test func fullJitterStaysWithinBoundsAndVaries() {
        let policy = RetryPolicy(baseDelay: 1, maxDelay: 20)
        var generator = SeededGenerator(state: 42)
        let delays = (0..<200).map { _ in policy.delay(beforeRetry: 3, using: &generator) }
        #expect(delays.allSatisfy { $0 >= 0 && $0 <= 4 })
        #expect(Set(delays).count > 150)
        #expect(delays.min() ?? 4 < 1)
        #expect(delays.max() ?? 0 > 3)
    }

    @Test func classification() {
        let policy = RetryPolicy.default
        func error(_ kind: AWSError.Kind, _ code: String, _ status: Int?) -> AWSError {
            AWSError(kind: kind, service: "S", operation: "O", code: code, message: "", httpStatus: status)
        }
        for code in ["Throttling", "ThrottlingException", "TooManyRequestsException", "RequestLimitExceeded", "SlowDown"] {
            #expect(policy.isRetryable(error(.service, code, 400)), "\(code)")
            #expect(error(.service, code, 400).isThrottling)
        }
        #expect(policy.isRetryable(error(.service, "InternalFailure", 500)))
        #expect(policy.isRetryable(error(.service, "Whatever", 503)))
        #expect(policy.isRetryable(error(.malformedResponse, "MalformedResponse", 500)))
        #expect(!policy.isRetryable(error(.malformedResponse, "MalformedResponse", 200)))
        #expect(!policy.isRetryable(error(.service, "AccessDeniedException", 400)))
        #expect(!policy.isRetryable(error(.service, "NoSuchKey", 404)))
        #expect(policy.isRetryable(error(.timeout, "RequestTimeout", nil)))
        #expect(policy.isRetryable(error(.unreachableEndpoint, "EndpointUnreachable", nil)))
        #expect(!RetryPolicy(retriesTransportErrors: false).isRetryable(error(.timeout, "RequestTimeout", nil)))
        #expect(!policy.isRetryable(error(.credentials, "NoCredentials", nil)))
        #expect(RetryPolicy(maxAttempts: 0).maxAttempts == 1)
    }

    @Test func paginatorFollowsTokens() async throws {
        let pages: [String?: ([Int], String?)] = [nil: ([1, 2], "a"), "a": ([3], "b"), "b": ([4, 5], nil)]
        let items = try await Paginator.collectAll(service: "S", operation: "O") { token in
            let page = pages[token] ?? ([], nil)
            return (page.0, page.1)
        }
        #expect(items == [1, 2, 3, 4, 5])
    }

    @Test func paginatorStopsOnARepeatedToken() async throws {
        let error = try await #require(throws: AWSError.self) {
            _ = try await Paginator.collectAll(service: "Organizations", operation: "ListAccounts") { _ in ([1], "same") }
        }
        #expect(error.code == "PaginationLoop")
        #expect(error.description.contains("Organizations ListAccounts"))
    }
}
