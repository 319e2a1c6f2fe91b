import Foundation
import Yams

/// Reads YAML text into `YAMLNode` trees with YAML 1.1 scalar typing, rejecting duplicate
/// keys and documents whose aliases would expand past a fixed budget.
///
/// Yams expands aliases without limit when a document is walked (a few hundred bytes can
/// grow past 4 GB), so conversion memoizes each anchored node once and counts the size the
/// document *would* have when expanded; past `maxExpandedNodes` the document is refused.
public struct YAMLReader: Sendable {
    public var maxExpandedNodes: Int
    public var maxAliases: Int

    public init(maxExpandedNodes: Int = 1_000_000, maxAliases: Int = 10_000) {
        self.maxExpandedNodes = maxExpandedNodes
        self.maxAliases = maxAliases
    }

    /// Reads a file. An empty document reads as `.null`.
    public func read(contentsOf path: String) throws(YAMLReadError) -> YAMLNode {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw YAMLReadError(kind: .unreadable, file: path, mark: nil, message: Self.describeReadFailure(path: path))
        }
        return try read(data, file: path)
    }

    public func read(_ data: Data, file: String? = nil) throws(YAMLReadError) -> YAMLNode {
        guard let text = String(validatingUTF8Data: data) else {
            let (line, column) = Self.firstInvalidUTF8(in: data)
            throw YAMLReadError(kind: .invalidUTF8, file: file, mark: SourceMark(line: line, column: column),
                                message: "the file is not valid UTF-8 text")
        }
        return try read(text, file: file)
    }

    public func read(_ text: String, file: String? = nil) throws(YAMLReadError) -> YAMLNode {
        if text.contains("\u{0}") {
            let line = text.prefix { $0 != "\u{0}" }.filter { $0 == "\n" }.count + 1
            throw YAMLReadError(kind: .syntax, file: file, mark: SourceMark(line: line, column: 1),
                                message: "the file contains a NUL character")
        }
        do {
            // The parser must outlive the conversion: Yams keeps anchors weakly.
            let parser = try Parser(yaml: text, resolver: .basic, encoding: .utf8)
            guard let root = try parser.singleRoot() else { return YAMLNode(.null, mark: SourceMark(line: 1, column: 1)) }
            var converter = Converter(budget: maxExpandedNodes, maxAliases: maxAliases, file: file)
            let node = try converter.convert(root)
            withExtendedLifetime(parser) {}
            return node
        } catch let error as YAMLReadError {
            throw error
        } catch let error as YamlError {
            throw Self.translate(error, text: text, file: file)
        } catch {
            throw YAMLReadError(kind: .syntax, file: file, mark: nil, message: "\(error)")
        }
    }

    /// Why a path cannot be read, in words an operator can act on.
    public static func describeReadFailure(path: String) -> String {
        var isDirectory: ObjCBool = false
        if !FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) {
            return "no such file"
        }
        if isDirectory.boolValue { return "is a directory, not a file" }
        if !FileManager.default.isReadableFile(atPath: path) { return "permission denied" }
        return "cannot be read"
    }

    static func firstInvalidUTF8(in data: Data) -> (line: Int, column: Int) {
        var line = 1
        var lineStart = 0
        var index = 0
        let bytes = [UInt8](data)
        while index < bytes.count {
            let byte = bytes[index]
            let length: Int
            switch byte {
            case 0x00...0x7F: length = 1
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: return (line, index - lineStart + 1)
            }
            if index + length > bytes.count { return (line, index - lineStart + 1) }
            if String(bytes: bytes[index..<(index + length)], encoding: .utf8) == nil { return (line, index - lineStart + 1) }
            if byte == 0x0A { line += 1; lineStart = index + 1 }
            index += length
        }
        return (line, 1)
    }

    static func translate(_ error: YamlError, text: String, file: String?) -> YAMLReadError {
        switch error {
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _), let .composer(context, problem, mark, _):
            var message = problem
            if let context { message = "\(context.text) \(problem)".trimmingCharacters(in: .whitespaces) }
            let kind: YAMLReadError.Kind = problem.contains("but found another document") ? .multipleDocuments : .syntax
            if kind == .multipleDocuments { message = "expected a single YAML document but found another one" }
            return YAMLReadError(kind: kind, file: file, mark: SourceMark(line: mark.line, column: mark.column), message: message)
        case let .reader(problem, offset, _, _):
            var mark: SourceMark?
            if let offset {
                let prefix = text.utf8.prefix(offset)
                let line = prefix.filter { $0 == 0x0A }.count + 1
                let column = prefix.count - (prefix.lastIndex(of: 0x0A).map { prefix.distance(from: prefix.startIndex, to: $0) + 1 } ?? 0) + 1
                mark = SourceMark(line: line, column: column)
            }
            return YAMLReadError(kind: .syntax, file: file, mark: mark, message: problem)
        case let .duplicatedKeysInMapping(duplicates, context):
            let key = duplicates.first ?? "?"
            let mark = Self.lineOfDuplicate(key: key, after: context.mark, in: text)
            return YAMLReadError(kind: .duplicateKey(key), file: file, mark: mark,
                                 message: "duplicate key '\(key)' (first written at line \(context.mark.line))")
        default:
            return YAMLReadError(kind: .syntax, file: file, mark: nil, message: "\(error)")
        }
    }

    /// Yams marks the first occurrence; find the line of the second one at the same indentation.
    static func lineOfDuplicate(key: String, after first: Mark, in text: String) -> SourceMark {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let indent = max(first.column - 1, 0)
        let candidates = [key + ":", "\"" + key + "\":", "'" + key + "':"]
        var seen = 0
        for (offset, line) in lines.enumerated() where offset + 1 >= first.line {
            let body = line.dropFirst(indent)
            guard line.prefix(indent).allSatisfy({ $0 == " " || $0 == "-" }) else { continue }
            if candidates.contains(where: { body.hasPrefix($0) }) {
                seen += 1
                if seen == 2 { return SourceMark(line: offset + 1, column: indent + 1) }
            }
        }
        return SourceMark(line: first.line, column: first.column)
    }
}

extension String {
    init?(validatingUTF8Data data: Data) {
        guard let text = String(data: data, encoding: .utf8) else { return nil }
        self = text
    }
}

/// Turns Yams nodes into `YAMLNode`s, expanding each anchor once and counting the
/// size the fully expanded document would have.
private struct Converter {
    let budget: Int
    let maxAliases: Int
    let file: String?
    var expandedNodes = 0
    var aliasUses = 0
    /// Converted anchored nodes and their expanded sizes, keyed by the anchor's identity.
    var memo: [ObjectIdentifier: (node: YAMLNode, size: Int)] = [:]

    init(budget: Int, maxAliases: Int, file: String?) {
        self.budget = budget
        self.maxAliases = maxAliases
        self.file = file
    }

    mutating func convert(_ node: Node) throws(YAMLReadError) -> YAMLNode {
        try convertCounting(node).node
    }

    private mutating func charge(_ size: Int, mark: Mark?) throws(YAMLReadError) {
        expandedNodes += size
        if expandedNodes > budget {
            throw YAMLReadError(kind: .aliasExpansionTooLarge, file: file, mark: mark.map { SourceMark(line: $0.line, column: $0.column) },
                                message: "the document would expand to more than \(budget) nodes through aliases; refusing to load it")
        }
    }

    private func anchor(of node: Node) -> Anchor? {
        switch node {
        case .scalar(let scalar): return scalar.anchor
        case .mapping(let mapping): return mapping.anchor
        case .sequence(let sequence): return sequence.anchor
        case .alias: return nil
        }
    }

    private mutating func convertCounting(_ node: Node) throws(YAMLReadError) -> (node: YAMLNode, size: Int) {
        if let anchor = anchor(of: node), let cached = memo[ObjectIdentifier(anchor)] {
            aliasUses += 1
            if aliasUses > maxAliases {
                throw YAMLReadError(kind: .aliasExpansionTooLarge, file: file, mark: node.mark.map { SourceMark(line: $0.line, column: $0.column) },
                                    message: "the document uses more than \(maxAliases) aliases; refusing to load it")
            }
            try charge(cached.size, mark: node.mark)
            return cached
        }
        let result = try convertFresh(node)
        if let anchor = anchor(of: node) {
            memo[ObjectIdentifier(anchor)] = result
        }
        return result
    }

    private mutating func convertFresh(_ node: Node) throws(YAMLReadError) -> (node: YAMLNode, size: Int) {
        let mark = node.mark.map { SourceMark(line: $0.line, column: $0.column) }
        switch node {
        case .scalar(let scalar):
            try charge(1, mark: node.mark)
            return (YAMLNode(Self.value(of: scalar), mark: mark), 1)
        case .alias(let alias):
            throw YAMLReadError(kind: .syntax, file: file, mark: mark, message: "unresolved alias *\(alias.anchor.rawValue)")
        case .sequence(let sequence):
            try charge(1, mark: node.mark)
            var items: [YAMLNode] = []
            items.reserveCapacity(sequence.count)
            var size = 1
            for child in sequence {
                let converted = try convertCounting(child)
                items.append(converted.node)
                size += converted.size
            }
            return (YAMLNode(.sequence(items), mark: mark), size)
        case .mapping(let mapping):
            try charge(1, mark: node.mark)
            var pairs: [YAMLPair] = []
            var merged: [YAMLPair] = []
            var size = 1
            for (keyNode, valueNode) in mapping {
                if case .scalar(let keyScalar) = keyNode, keyScalar.string == "<<", keyScalar.style == .plain {
                    let converted = try convertCounting(valueNode)
                    size += converted.size
                    merged.append(contentsOf: try mergeSources(converted.node))
                    continue
                }
                let key = try convertCounting(keyNode)
                let value = try convertCounting(valueNode)
                size += key.size + value.size
                pairs.append(YAMLPair(key: key.node, value: value.node))
            }
            if !merged.isEmpty {
                // Explicit keys win over merged ones; earlier merge sources win over later ones.
                var present = Set(pairs.map(\.key.value))
                for pair in merged where !present.contains(pair.key.value) {
                    present.insert(pair.key.value)
                    pairs.append(pair)
                }
            }
            return (YAMLNode(.mapping(pairs), mark: mark), size)
        }
    }

    private func mergeSources(_ node: YAMLNode) throws(YAMLReadError) -> [YAMLPair] {
        switch node.value {
        case .mapping(let pairs):
            return pairs
        case .sequence(let items):
            var result: [YAMLPair] = []
            for item in items {
                guard case .mapping(let pairs) = item.value else {
                    throw YAMLReadError(kind: .syntax, file: file, mark: item.mark, message: "a merge key (<<) takes a mapping or a list of mappings")
                }
                result.append(contentsOf: pairs)
            }
            return result
        default:
            throw YAMLReadError(kind: .syntax, file: file, mark: node.mark, message: "a merge key (<<) takes a mapping or a list of mappings")
        }
    }

    private static func value(of scalar: Node.Scalar) -> YAMLValue {
        let tag = scalar.tag.rawValue
        switch tag {
        case "", "!":
            return scalar.style == .plain ? ScalarResolver.resolve(plain: scalar.string) : .string(scalar.string)
        case "tag:yaml.org,2002:str":
            return .string(scalar.string)
        case "tag:yaml.org,2002:null":
            return .null
        case "tag:yaml.org,2002:bool":
            return ScalarResolver.boolean(scalar.string).map(YAMLValue.bool) ?? .string(scalar.string)
        case "tag:yaml.org,2002:int":
            return ScalarResolver.integer(scalar.string) ?? .string(scalar.string)
        case "tag:yaml.org,2002:float":
            return ScalarResolver.float(scalar.string).map(YAMLValue.double)
                ?? ScalarResolver.integer(scalar.string).flatMap { if case .int(let n) = $0 { return .double(Double(n)) } else { return nil } }
                ?? .string(scalar.string)
        case "tag:yaml.org,2002:timestamp":
            return .timestamp(scalar.string)
        case "tag:yaml.org,2002:binary":
            return .binary(scalar.string)
        default:
            // Unknown tags: the safe loader refuses them; we keep the text.
            return scalar.style == .plain ? ScalarResolver.resolve(plain: scalar.string) : .string(scalar.string)
        }
    }
}
