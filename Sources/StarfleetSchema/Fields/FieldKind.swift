/// What a field accepts and how it converts input (marshmallow field classes, SPEC §2.4).
public enum FieldKind: Sendable {
    /// Only real strings.
    case string
    /// Booleans plus the truthy/falsy spellings of marshmallow's `Boolean`.
    case boolean
    /// Integers, integral floats and digit strings; booleans are refused.
    case integer
    /// An `https` URL whose host has a TLD, is `localhost` or an IPv4 address.
    case url
    /// A list whose items are of `item` kind and pass `itemValidators`; errors keyed by index.
    indirect case list(FieldKind, itemValidators: [FieldValidator] = [])
    /// A string that must be one of the member names (declaration order kept; messages sort them).
    case enumeration([String])
    /// A nested object validated by its own schema.
    case nested(Schema)
    /// Any mapping; values are kept as written.
    case mapping
    /// Anything, kept as written.
    case raw
}

/// The value a missing field loads as. `nil` in `Field.loadDefault` means "leave it out".
/// A default of `.null` also makes an explicit `null` acceptable.
public typealias FieldDefault = PayloadValue
