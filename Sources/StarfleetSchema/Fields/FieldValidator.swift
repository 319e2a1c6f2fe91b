/// A rule run on a field's deserialized value.
public enum FieldValidator: Sendable {
    /// Length of a string (in Unicode scalars, like Python's `len`) or of a list.
    case length(min: Int? = nil, max: Int? = nil, equal: Int? = nil)
    /// The value must be one of these strings.
    case oneOf([String])
    /// An integer range.
    case range(min: Int? = nil, max: Int? = nil)
    /// Any other rule. Return `nil` when the value is fine; an error tree otherwise
    /// (messages for the field itself, or children keyed by list index).
    case custom(@Sendable (PayloadValue) -> ValidationErrors?)

    func check(_ value: PayloadValue) -> ValidationErrors? {
        switch self {
        case let .length(min, max, equal):
            let count: Int
            switch value {
            case .string(let text): count = text.unicodeScalars.count
            case .list(let items): count = items.count
            case .stringSet(let set): count = set.count
            case .map(let map): count = map.count
            default: return nil
            }
            // Messages are built only on failure: this runs on every list item of every load.
            if let equal, count != equal { return .message(SchemaMessages.length(min: min, max: max, equal: equal).tooShort) }
            if let min, count < min { return .message(SchemaMessages.length(min: min, max: max, equal: equal).tooShort) }
            if let max, count > max { return .message(SchemaMessages.length(min: min, max: max, equal: equal).tooLong) }
            return nil
        case .oneOf(let choices):
            guard let text = value.string, choices.contains(text) else {
                return .message(SchemaMessages.mustBeOneOf(choices))
            }
            return nil
        case let .range(min, max):
            guard let number = value.int else { return nil }
            if let min, number < min { return .message(SchemaMessages.range(min: min, max: max)) }
            if let max, number > max { return .message(SchemaMessages.range(min: min, max: max)) }
            return nil
        case .custom(let rule):
            return rule(value)
        }
    }
}
