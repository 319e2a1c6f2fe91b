/// One declared field of a schema: a snake_case attribute read by code, an UpperCamelCase
/// data key written in YAML, and the rules for its value.
public struct Field: Sendable {
    /// The loaded (snake_case) name.
    public var name: String
    /// The YAML (UpperCamelCase) key; errors are reported under it.
    public var key: String
    public var kind: FieldKind
    public var required: Bool
    /// Used as-is when the key is absent (not deserialized, not validated).
    public var loadDefault: FieldDefault?
    public var validators: [FieldValidator]

    public init(_ name: String, key: String, kind: FieldKind, required: Bool = false,
                default loadDefault: FieldDefault? = nil, validators: [FieldValidator] = []) {
        self.name = name
        self.key = key
        self.kind = kind
        self.required = required
        self.loadDefault = loadDefault
        self.validators = validators
    }

    /// Null input is accepted only where the default itself is null.
    public var allowsNull: Bool { loadDefault == .null }
}

// MARK: - Builders, so templates read like their YAML

extension Field {
    public static func string(_ name: String, key: String, required: Bool = false, default value: String? = nil,
                              validators: [FieldValidator] = []) -> Field {
        Field(name, key: key, kind: .string, required: required, default: value.map(PayloadValue.string), validators: validators)
    }

    /// A string that may be null (its default is null).
    public static func optionalString(_ name: String, key: String) -> Field {
        Field(name, key: key, kind: .string, default: .null)
    }

    public static func boolean(_ name: String, key: String, required: Bool = false, default value: Bool? = nil) -> Field {
        Field(name, key: key, kind: .boolean, required: required, default: value.map(PayloadValue.bool))
    }

    public static func integer(_ name: String, key: String, required: Bool = false, default value: Int? = nil,
                               validators: [FieldValidator] = []) -> Field {
        Field(name, key: key, kind: .integer, required: required, default: value.map(PayloadValue.int), validators: validators)
    }

    public static func url(_ name: String, key: String, required: Bool = false) -> Field {
        Field(name, key: key, kind: .url, required: required)
    }

    public static func list(_ name: String, key: String, of item: FieldKind, itemValidators: [FieldValidator] = [],
                            required: Bool = false, default value: PayloadValue? = nil,
                            validators: [FieldValidator] = []) -> Field {
        Field(name, key: key, kind: .list(item, itemValidators: itemValidators), required: required,
              default: value, validators: validators)
    }

    public static func enumeration(_ name: String, key: String, members: [String], required: Bool = false,
                                   default value: String? = nil) -> Field {
        Field(name, key: key, kind: .enumeration(members), required: required, default: value.map(PayloadValue.string))
    }

    public static func nested(_ name: String, key: String, schema: Schema, required: Bool = false,
                              default value: PayloadValue? = nil) -> Field {
        Field(name, key: key, kind: .nested(schema), required: required, default: value)
    }

    public static func mapping(_ name: String, key: String, required: Bool = false, default value: PayloadValue? = nil) -> Field {
        Field(name, key: key, kind: .mapping, required: required, default: value)
    }
}
