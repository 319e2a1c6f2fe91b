/// One node of a parsed YAML document: a typed value plus where it was written.
///
/// Mappings keep document order. Scalars are already resolved with YAML 1.1 rules
/// (see `ScalarResolver`), so `yes` is a boolean and `000000000001` an integer,
/// exactly as the original PyYAML-based loader saw them.
public struct YAMLNode: Sendable, Hashable {
    public var value: YAMLValue
    public var mark: SourceMark?

    public init(_ value: YAMLValue, mark: SourceMark? = nil) {
        self.value = value
        self.mark = mark
    }
}

/// A key/value pair of a YAML mapping.
public struct YAMLPair: Sendable, Hashable {
    public var key: YAMLNode
    public var value: YAMLNode

    public init(key: YAMLNode, value: YAMLNode) {
        self.key = key
        self.value = value
    }
}

public enum YAMLValue: Sendable, Hashable {
    case null
    case bool(Bool)
    case int(Int)
    /// An integer too large for `Int`; kept as its decimal text.
    case bigInt(String)
    case double(Double)
    case string(String)
    /// A YAML 1.1 timestamp (`2024-01-01`), kept as written.
    case timestamp(String)
    /// Binary data (`!!binary`), kept as its base64 text.
    case binary(String)
    case sequence([YAMLNode])
    case mapping([YAMLPair])
}

extension YAMLNode {
    /// The value under a string key of a mapping node, if any.
    public subscript(key: String) -> YAMLNode? {
        guard case .mapping(let pairs) = value else { return nil }
        for pair in pairs where pair.key.value == .string(key) {
            return pair.value
        }
        return nil
    }

    /// The mark of a key (not its value) in a mapping node.
    public func keyMark(_ key: String) -> SourceMark? {
        guard case .mapping(let pairs) = value else { return nil }
        return pairs.first { $0.key.value == .string(key) }?.key.mark
    }

    public var isMapping: Bool {
        if case .mapping = value { return true }
        return false
    }

    public var string: String? {
        if case .string(let text) = value { return text }
        return nil
    }
}

extension YAMLValue {
    /// Python truthiness of the value, as the original read its raw configuration.
    public var isTruthy: Bool {
        switch self {
        case .null: return false
        case .bool(let flag): return flag
        case .int(let number): return number != 0
        case .bigInt: return true
        case .double(let number): return number != 0
        case .string(let text), .timestamp(let text), .binary(let text): return !text.isEmpty
        case .sequence(let items): return !items.isEmpty
        case .mapping(let pairs): return !pairs.isEmpty
        }
    }

    /// The key text used when an error is reported under a non-string mapping key.
    public var keyDescription: String {
        switch self {
        case .null: return "None"
        case .bool(let flag): return flag ? "True" : "False"
        case .int(let number): return String(number)
        case .bigInt(let text), .string(let text), .timestamp(let text), .binary(let text): return text
        case .double(let number): return PythonFormat.float(number)
        case .sequence, .mapping: return "<complex key>"
        }
    }
}
