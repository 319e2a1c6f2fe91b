import OrderedCollections

/// A loaded (validated, snake_case) value: what ships read.
///
/// Sets (e.g. loaded region lists) are kept as `Set<String>` so membership is cheap;
/// they are rendered as sorted arrays.
public enum PayloadValue: Sendable, Hashable {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case list([PayloadValue])
    case stringSet(Set<String>)
    case map(PayloadMap)
}

public typealias PayloadMap = OrderedDictionary<String, PayloadValue>

extension PayloadValue {
    /// Converts raw YAML as-is (used for included unknown keys and untyped mappings).
    public init(raw node: YAMLNode) {
        switch node.value {
        case .null: self = .null
        case .bool(let flag): self = .bool(flag)
        case .int(let number): self = .int(number)
        case .bigInt(let text), .timestamp(let text), .binary(let text), .string(let text): self = .string(text)
        case .double(let number): self = .double(number)
        case .sequence(let items): self = .list(items.map(PayloadValue.init(raw:)))
        case .mapping(let pairs):
            var map = PayloadMap()
            map.reserveCapacity(pairs.count)
            for pair in pairs { map[pair.key.value.keyDescription] = PayloadValue(raw: pair.value) }
            self = .map(map)
        }
    }

    public var string: String? {
        if case .string(let text) = self { return text }
        return nil
    }

    public var bool: Bool? {
        if case .bool(let flag) = self { return flag }
        return nil
    }

    public var int: Int? {
        if case .int(let number) = self { return number }
        return nil
    }

    public var map: PayloadMap? {
        if case .map(let map) = self { return map }
        return nil
    }

    public var list: [PayloadValue]? {
        if case .list(let items) = self { return items }
        return nil
    }

    /// Strings of a list or a set (a set in sorted order).
    public var strings: [String]? {
        switch self {
        case .list(let items): return items.compactMap(\.string)
        case .stringSet(let set): return set.sorted()
        default: return nil
        }
    }

    public var stringSet: Set<String>? {
        switch self {
        case .stringSet(let set): return set
        case .list(let items): return Set(items.compactMap(\.string))
        default: return nil
        }
    }

    public subscript(key: String) -> PayloadValue? {
        map?[key]
    }

    /// Python truthiness.
    public var isTruthy: Bool {
        switch self {
        case .null: return false
        case .bool(let flag): return flag
        case .int(let number): return number != 0
        case .double(let number): return number != 0
        case .string(let text): return !text.isEmpty
        case .list(let items): return !items.isEmpty
        case .stringSet(let set): return !set.isEmpty
        case .map(let map): return !map.isEmpty
        }
    }
}
