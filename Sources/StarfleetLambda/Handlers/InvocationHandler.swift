import Foundation
import Logging

/// Handles one invocation's event and returns the response body.
public protocol InvocationHandler: Sendable {
    func handle(_ invocation: Invocation, logger: Logger) async throws(InvocationError) -> Data
}

/// Why an invocation failed as a whole (reported to the Runtime API's error endpoint). SQS
/// handlers report single records as batch item failures instead.
public enum InvocationError: Error, Sendable, Equatable, CustomStringConvertible {
    case invalidEvent(String)
    case failed(String)

    public var description: String {
        switch self {
        case .invalidEvent(let detail): return "invalid event: \(detail)"
        case .failed(let detail): return detail
        }
    }

    public var errorType: String {
        switch self {
        case .invalidEvent: return "Starfleet.InvalidEvent"
        case .failed: return "Starfleet.HandlerFailed"
        }
    }
}
