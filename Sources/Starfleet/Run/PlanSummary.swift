import Logging

/// What a dry run would change (or a commit changed), as counts: the data behind
/// `Plan: 1 to add, 0 to change, 0 to destroy.` Ships report it with `Logger.plan(_:_:)`;
/// in `--log-format jsonl` it travels as the record's `plan_add`, `plan_change`,
/// `plan_destroy` (and `no_changes: true`), which the console reads instead of the text.
public struct PlanSummary: Sendable, Hashable, Codable {
    public var toAdd: Int
    public var toChange: Int
    public var toDestroy: Int

    public init(toAdd: Int = 0, toChange: Int = 0, toDestroy: Int = 0) {
        self.toAdd = toAdd
        self.toChange = toChange
        self.toDestroy = toDestroy
    }

    /// Nothing to do: committing it would change nothing.
    public static let noChanges = PlanSummary()

    public var hasChanges: Bool { toAdd + toChange + toDestroy > 0 }

    /// `1 to add, 0 to change, 0 to destroy` or `no changes`.
    public var description: String {
        hasChanges ? "\(toAdd) to add, \(toChange) to change, \(toDestroy) to destroy" : "no changes"
    }

    /// The record fields, typed (the JSON handler writes ints and booleans as such).
    public var metadata: Logger.Metadata {
        var fields: Logger.Metadata = [
            Self.addKey: .stringConvertible(toAdd),
            Self.changeKey: .stringConvertible(toChange),
            Self.destroyKey: .stringConvertible(toDestroy),
        ]
        if !hasChanges { fields[Self.noChangesKey] = .stringConvertible(true) }
        return fields
    }

    public static let addKey = "plan_add"
    public static let changeKey = "plan_change"
    public static let destroyKey = "plan_destroy"
    public static let noChangesKey = "no_changes"
    /// Fields that are data for machines: the text format leaves them out (the message says it).
    public static let fieldKeys: Set<String> = [addKey, changeKey, destroyKey, noChangesKey]

    /// Reads the fields back from a decoded JSON record; nil when it carries no plan.
    public init?(record: [String: Any]) {
        guard let add = Self.count(record[Self.addKey]), let change = Self.count(record[Self.changeKey]),
              let destroy = Self.count(record[Self.destroyKey]) else { return nil }
        self.init(toAdd: add, toChange: change, toDestroy: destroy)
    }

    /// Reads the fields back from a record's metadata (what `Logger.plan` attached).
    public init?(metadata: Logger.Metadata) {
        func count(_ key: String) -> Int? { metadata[key].flatMap { Int("\($0)") }.flatMap { $0 >= 0 ? $0 : nil } }
        guard let add = count(Self.addKey), let change = count(Self.changeKey), let destroy = count(Self.destroyKey) else {
            return nil
        }
        self.init(toAdd: add, toChange: change, toDestroy: destroy)
    }

    private static func count(_ value: Any?) -> Int? {
        if let number = value as? Int, number >= 0 { return number }
        if let text = value as? String, let number = Int(text), number >= 0 { return number }
        return nil
    }
}

extension Logger {
    /// Logs a ship's plan: the message for people, the counts as data (`plan_add`, …). Call it
    /// once per run, for the record that states the plan.
    public func plan(_ plan: PlanSummary, level: Logger.Level = .info, _ message: @autoclosure () -> Logger.Message,
                     file: String = #fileID, function: String = #function, line: UInt = #line) {
        log(level: level, message(), metadata: plan.metadata, file: file, function: function, line: line)
    }
}
