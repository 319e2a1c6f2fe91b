import Starfleet

/// What a ship would change (dry run) or changed (commit), printed in the style of a plan:
///
/// ```
/// + create role StarfleetAuditor
///       path: "/"
/// ~ update role settings
///       description: "old" → "new"
/// - delete inline policy legacy
/// Plan: 1 to add, 1 to change, 1 to destroy.
/// ```
public struct ChangePlan: Sendable, Equatable {
    public enum Action: String, Sendable, Equatable {
        case create, update, delete

        public var symbol: String {
            switch self {
            case .create: return "+"
            case .update: return "~"
            case .delete: return "-"
            }
        }
    }

    public struct Entry: Sendable, Equatable {
        public var action: Action
        /// What is changed, e.g. `inline policy s3-read`.
        public var subject: String
        /// Indented detail lines (before → after values, document diffs).
        public var details: [String]
        /// The word after the symbol when the action's own does not fit (`+ upload KEY`).
        public var verb: String?

        public init(_ action: Action, _ subject: String, verb: String? = nil, details: [String] = []) {
            self.action = action
            self.subject = subject
            self.verb = verb
            self.details = details
        }

        /// `+ create inline policy s3-read`.
        public var headline: String { "\(action.symbol) \(verb ?? action.rawValue) \(subject)" }
    }

    public var entries: [Entry]

    public init(entries: [Entry] = []) {
        self.entries = entries
    }

    public var isEmpty: Bool { entries.isEmpty }
    public var additions: Int { entries.count { $0.action == .create } }
    public var changes: Int { entries.count { $0.action == .update } }
    public var destructions: Int { entries.count { $0.action == .delete } }
    /// The counts, for `Logger.plan` (the record the console reads).
    public var summary: PlanSummary { PlanSummary(toAdd: additions, toChange: changes, toDestroy: destructions) }

    public mutating func append(_ entry: Entry) { entries.append(entry) }

    public static let detailIndent = "      "

    /// The entries, one headline each with its details indented below.
    public var lines: [String] {
        entries.flatMap { entry in [entry.headline] + entry.details.map { Self.detailIndent + $0 } }
    }

    /// `Plan: 2 to add, 1 to change, 0 to destroy.`
    public var summaryLine: String {
        "Plan: \(additions) to add, \(changes) to change, \(destructions) to destroy."
    }

    /// `Applied: 2 added, 1 changed, 0 destroyed.`
    public var appliedLine: String {
        "Applied: \(additions) added, \(changes) changed, \(destructions) destroyed."
    }

    /// The dry-run rendering: entries then the count line.
    public func renderPlan() -> String {
        (lines + [summaryLine]).joined(separator: "\n")
    }

    /// The commit rendering: the same entries, then what was applied.
    public func renderApplied() -> String {
        (lines + [appliedLine]).joined(separator: "\n")
    }

    // MARK: - Detail helpers

    /// `name: before → after`, with strings quoted and absent values shown as `(none)`.
    public static func change(_ name: String, _ before: String?, _ after: String?) -> String {
        "\(name): \(display(before)) → \(display(after))"
    }

    /// `name: value`.
    public static func value(_ name: String, _ value: String?) -> String {
        "\(name): \(display(value))"
    }

    public static func display(_ value: String?) -> String {
        guard let value else { return "(none)" }
        return quoted(value)
    }

    public static func quoted(_ text: String) -> String {
        var out = "\""
        for character in text {
            switch character {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            default: out.append(character)
            }
        }
        return out + "\""
    }

    public static func list(_ items: [String]) -> String {
        "[" + items.map(quoted).joined(separator: ", ") + "]"
    }
}
