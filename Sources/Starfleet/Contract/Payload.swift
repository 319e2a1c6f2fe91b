import StarfleetSchema

/// A validated payload, addressed by snake_case names (`payload.string("template_name")`).
///
/// It is a value: a ship may adjust its own copy (the seed allows payload mutations) without
/// touching anyone else's.
public struct Payload: Sendable, Hashable {
    public var values: PayloadMap

    public init(_ values: PayloadMap) {
        self.values = values
    }

    public subscript(name: String) -> PayloadValue? {
        get { values[name] }
        set { values[name] = newValue }
    }

    public func string(_ name: String) -> String? { values[name]?.string }
    public func bool(_ name: String) -> Bool? { values[name]?.bool }
    public func int(_ name: String) -> Int? { values[name]?.int }
    public func strings(_ name: String) -> [String] { values[name]?.strings ?? [] }
    public func map(_ name: String) -> PayloadMap? { values[name]?.map }

    /// The account the Starbase (or `starfleet run --account-id`) assigned, if any.
    public var assignedAccount: String? { string("starbase_assigned_account") }
    /// The region the Starbase (or `starfleet run --region`) assigned, if any.
    public var assignedRegion: String? { string("starbase_assigned_region") }

    public var json: String { JSONWriter().string(.map(values)) }
}
