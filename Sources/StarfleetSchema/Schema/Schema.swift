/// A schema: declared fields plus the rules that see the whole object.
///
/// A template *extends* another (`base.extending(...)`): its fields come after the base's
/// (a field with the same name replaces the base's in place) and its rules run after the
/// base's rules. `lineage` records every schema name in the chain, so the fleet can check
/// that a ship's template really extends the base its fan-out strategy needs.
public struct Schema: Sendable {
    /// A rule over the loaded object that may also mutate it. It sees the untouched input,
    /// so it can report errors under the keys the author actually wrote. Runs only when the
    /// object has no errors so far.
    public typealias ObjectRule = @Sendable (_ data: inout PayloadMap, _ original: YAMLNode) -> ValidationErrors?

    public let name: String
    public let fields: [Field]
    public let unknownKeys: UnknownKeyPolicy
    public let rules: [ObjectRule]
    /// Names of this schema and every schema it extends, nearest first.
    public let lineage: [String]

    // Lookups computed once, so a load does no set-up work.
    let fieldIndexByKey: [String: Int]
    let attributeNames: Set<String>

    public init(name: String, fields: [Field], unknownKeys: UnknownKeyPolicy = .raise,
                rules: [ObjectRule] = [], lineage: [String] = []) {
        self.name = name
        self.fields = fields
        self.unknownKeys = unknownKeys
        self.rules = rules
        self.lineage = [name] + lineage
        var index: [String: Int] = [:]
        for (offset, field) in fields.enumerated() { index[field.key] = offset }
        self.fieldIndexByKey = index
        self.attributeNames = Set(fields.map(\.name))
    }

    /// A new schema that extends this one.
    public func extending(_ name: String, fields extra: [Field] = [], unknownKeys: UnknownKeyPolicy? = nil,
                          rules extraRules: [ObjectRule] = []) -> Schema {
        var merged = fields
        for field in extra {
            if let existing = merged.firstIndex(where: { $0.name == field.name }) {
                merged[existing] = field
            } else {
                merged.append(field)
            }
        }
        return Schema(name: name, fields: merged, unknownKeys: unknownKeys ?? self.unknownKeys,
                      rules: rules + extraRules, lineage: lineage)
    }

    /// Whether this schema is `other` or extends it (by name).
    public func extends(_ other: Schema) -> Bool {
        lineage.contains(other.name)
    }

    public func field(named name: String) -> Field? {
        fields.first { $0.name == name }
    }

    public func field(forKey key: String) -> Field? {
        fieldIndexByKey[key].map { fields[$0] }
    }
}
