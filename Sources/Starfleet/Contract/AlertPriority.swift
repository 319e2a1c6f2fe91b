/// Alert priorities, lowest to highest verbosity. A ship configured at priority p sends
/// a message of priority m only when p ≥ m > NONE.
public enum AlertPriority: Int, Sendable, CaseIterable, Comparable {
    case none = 0
    case problem = 1
    case important = 2
    case success = 3
    case informational = 4

    public var name: String {
        switch self {
        case .none: return "NONE"
        case .problem: return "PROBLEM"
        case .important: return "IMPORTANT"
        case .success: return "SUCCESS"
        case .informational: return "INFORMATIONAL"
        }
    }

    public init?(name: String) {
        guard let match = Self.allCases.first(where: { $0.name == name }) else { return nil }
        self = match
    }

    public var emoji: String {
        switch self {
        case .none: return ""
        case .problem: return "🚨"
        case .important: return "📣"
        case .success: return "✅"
        case .informational: return "ℹ️"
        }
    }

    public static func < (lhs: AlertPriority, rhs: AlertPriority) -> Bool { lhs.rawValue < rhs.rawValue }

    /// The `send_alert` threshold rule.
    public static func shouldSend(_ message: AlertPriority, configured: AlertPriority) -> Bool {
        message != .none && configured >= message
    }
}
