import OrderedCollections

/// The error tree of a schema load, keyed like marshmallow's: by data key, by list index
/// (as a string, `"0"`), and `_schema` for errors of a whole object.
///
/// A node has messages, children, or both (rendered as an object with a `_schema` entry).
/// Each node may carry the source mark of the key it describes, so front ends can point at lines.
public struct ValidationErrors: Sendable, Hashable {
    public static let schemaKey = "_schema"

    public var messages: [String]
    public var children: OrderedDictionary<String, ValidationErrors>
    public var mark: SourceMark?

    public init(messages: [String] = [], children: OrderedDictionary<String, ValidationErrors> = [:], mark: SourceMark? = nil) {
        self.messages = messages
        self.children = children
        self.mark = mark
    }

    public static func message(_ text: String, mark: SourceMark? = nil) -> ValidationErrors {
        ValidationErrors(messages: [text], mark: mark)
    }

    public var isEmpty: Bool { messages.isEmpty && children.isEmpty }

    /// Adds a message under `key` (creating the child if needed).
    public mutating func add(_ message: String, at key: String, mark: SourceMark? = nil) {
        merge(.message(message, mark: mark), at: key)
    }

    /// Adds a message under `_schema`.
    public mutating func addSchemaError(_ message: String, mark: SourceMark? = nil) {
        add(message, at: Self.schemaKey, mark: mark)
    }

    /// Merges a subtree under `key`.
    public mutating func merge(_ subtree: ValidationErrors, at key: String) {
        guard !subtree.isEmpty else { return }
        if var existing = children[key] {
            existing.merge(subtree)
            children[key] = existing
        } else {
            children[key] = subtree
        }
    }

    /// Merges another tree at this level.
    public mutating func merge(_ other: ValidationErrors) {
        messages.append(contentsOf: other.messages)
        if mark == nil { mark = other.mark }
        for (key, child) in other.children { merge(child, at: key) }
    }

    public subscript(key: String) -> ValidationErrors? {
        children[key]
    }

    // MARK: - Renderings

    /// The tree as a JSON-shaped value: leaves are arrays of strings.
    public var payload: PayloadValue {
        if isEmpty { return .map(PayloadMap()) }  // a valid result renders as {} (SPEC §2.2)
        if children.isEmpty { return .list(messages.map(PayloadValue.string)) }
        var map = PayloadMap()
        if !messages.isEmpty { map[Self.schemaKey] = .list(messages.map(PayloadValue.string)) }
        for (key, child) in children {
            if key == Self.schemaKey, case .list(let existing)? = map[key] {
                map[key] = .list(existing + child.messages.map(PayloadValue.string))
            } else {
                map[key] = child.payload
            }
        }
        return .map(map)
    }

    /// JSON text of the tree.
    public func json(indent: Int = 2) -> String {
        JSONWriter(indent: indent).string(payload)
    }

    /// The Python repr the original showed in exception messages, e.g.
    /// `{'Enabled': ['Missing data for required field.']}`. List indices render as integers.
    public var pythonRepr: String {
        if isEmpty { return "{}" }
        if children.isEmpty { return "[" + messages.map(PythonFormat.string).joined(separator: ", ") + "]" }
        var parts: [String] = []
        if !messages.isEmpty {
            parts.append("'_schema': [" + messages.map(PythonFormat.string).joined(separator: ", ") + "]")
        }
        for (key, child) in children {
            let renderedKey = Int(key).map(String.init) ?? PythonFormat.string(key)
            parts.append("\(renderedKey): \(child.pythonRepr)")
        }
        return "{" + parts.joined(separator: ", ") + "}"
    }

    /// One entry per message: its key path, the message and the nearest known source mark.
    public struct Entry: Sendable, Hashable {
        public let path: [String]
        public let message: String
        public let mark: SourceMark?

        public var pathDescription: String {
            path.isEmpty ? Self.rootName : path.joined(separator: ".")
        }

        static let rootName = "(document)"
    }

    public func entries(prefix: [String] = [], inheritedMark: SourceMark? = nil) -> [Entry] {
        let here = mark ?? inheritedMark
        var result = messages.map { Entry(path: prefix, message: $0, mark: here) }
        for (key, child) in children {
            let path = key == Self.schemaKey ? prefix : prefix + [key]
            result.append(contentsOf: child.entries(prefix: path, inheritedMark: here))
        }
        return result
    }
}

extension ValidationErrors: Error {}
