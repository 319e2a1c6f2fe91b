import Foundation

/// Why a request got no HTTP response at all.
public enum TransportError: Error, Sendable, Equatable, CustomStringConvertible {
    /// No complete response within the timeout (seconds).
    case timedOut(TimeInterval)
    /// The connection could not be made (refused, unknown host, TLS failure…).
    case cannotConnect(String)
    /// The connection dropped before a complete response arrived.
    case connectionLost(String)
    /// The request could not be turned into a URL request.
    case invalidRequest(String)
    /// Anything else the HTTP stack reported.
    case other(String)

    public var description: String {
        switch self {
        case .timedOut(let seconds):
            return "no response within \(Self.format(seconds)) s"
        case .cannotConnect(let detail):
            return "cannot connect (\(detail))"
        case .connectionLost(let detail):
            return "connection closed before a complete response (\(detail))"
        case .invalidRequest(let detail):
            return "invalid request (\(detail))"
        case .other(let detail):
            return detail
        }
    }

    static func format(_ seconds: TimeInterval) -> String {
        seconds == seconds.rounded() ? String(Int(seconds)) : String(format: "%.2f", seconds)
    }
}
