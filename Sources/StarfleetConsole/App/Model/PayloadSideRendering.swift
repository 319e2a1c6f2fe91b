import Foundation
import Starfleet
import StarfleetSchema
import StarfleetTUI

/// Which data path each source line's key stands for (through the schema: `TemplateName` → `template_name`),
/// and every path the source holds (a line such as `- Key: x` holds two: the item and its key).
struct SourceMap {
    /// The most specific path of each 0-based line.
    var lines: [Int: [String]] = [:]
    var paths: Set<[String]> = []

    mutating func record(_ path: [String], line: Int?, replacing parent: [String]? = nil) {
        paths.insert(path)
        guard let line else { return }
        if lines[line - 1] == nil || lines[line - 1] == parent { lines[line - 1] = path }
    }
}

enum SourceMapper {
    static func map(_ node: YAMLNode, schema: Schema?, path: [String], into result: inout SourceMap) {
        switch node.value {
        case .mapping(let pairs):
            for pair in pairs {
                let key = pair.key.value.keyDescription
                let field = schema?.field(forKey: key)
                let childPath = path + [field?.name ?? key]
                // A key on its list item's line (`- Key: x`) is that line's more specific path.
                result.record(childPath, line: pair.key.mark?.line, replacing: path)
                var childSchema: Schema?
                var itemSchema: Schema?
                if let kind = field?.kind {
                    if case .nested(let nested) = kind { childSchema = nested }
                    if case .list(let item, _) = kind, case .nested(let nested) = item { itemSchema = nested }
                }
                if case .sequence = pair.value.value {
                    mapSequence(pair.value, itemSchema: itemSchema, path: childPath, into: &result)
                } else {
                    map(pair.value, schema: childSchema, path: childPath, into: &result)
                }
            }
        case .sequence:
            mapSequence(node, itemSchema: nil, path: path, into: &result)
        default:
            break
        }
    }

    static func mapSequence(_ node: YAMLNode, itemSchema: Schema?, path: [String], into result: inout SourceMap) {
        guard case .sequence(let items) = node.value else { return }
        for (index, item) in items.enumerated() {
            let itemPath = path + [String(index)]
            result.record(itemPath, line: item.mark?.line)
            map(item, schema: itemSchema, path: itemPath, into: &result)
        }
    }
}

/// The original YAML, coloured, with each error at its line.
enum SourceRenderer {
    static func render(text: String, analysis: PayloadAnalysis, paths: [Int: [String]]) -> InspectorSide {
        var rawLines = text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            line.hasSuffix("\r") ? String(line.dropLast()) : String(line)
        }
        if rawLines.count > 1, rawLines.last == "" { rawLines.removeLast() }
        var side = InspectorSide()
        side.lines.reserveCapacity(rawLines.count)
        for (index, raw) in rawLines.enumerated() {
            side.append(YAMLHighlighter.highlight(TextLayout.sanitize(raw)), path: paths[index])
        }
        var messages: [Int: [String]] = [:]
        switch analysis {
        case .unreadable(let message, let line):
            let index = max(0, min((line ?? 1) - 1, max(0, side.lines.count - 1)))
            messages[index, default: []].append(message)
        case .invalid(let entries):
            for entry in entries {
                let index = max(0, min((entry.line ?? 1) - 1, max(0, side.lines.count - 1)))
                messages[index, default: []].append("\(entry.path.last ?? "(document)"): \(entry.message)")
            }
        case .valid:
            break
        }
        if side.lines.isEmpty, !messages.isEmpty { side.append(StyledLine()) }
        for (index, texts) in messages {
            side.markers[index] = .error
            side.lines[index].append(Span("  ◀ " + texts.joined(separator: " · "), .error))
        }
        return side
    }
}

/// Minimal YAML colouring: keys, values, comments, list dashes.
public enum YAMLHighlighter {
    public static func highlight(_ line: String) -> StyledLine {
        var result = StyledLine()
        var rest = Substring(line)
        let indent = rest.prefix { $0 == " " }
        if !indent.isEmpty { result.append(Span(String(indent))) }
        rest = rest.dropFirst(indent.count)
        if rest.hasPrefix("#") {
            result.append(Span(String(rest), .yamlComment))
            return result
        }
        while rest.hasPrefix("- ") || rest == "-" {
            result.append(Span(String(rest.prefix(2))))
            rest = rest.dropFirst(min(2, rest.count))
        }
        let (body, comment) = splitComment(rest)
        if let colon = keyColon(in: body) {
            result.append(Span(String(body[..<colon]), .yamlKey))
            result.append(Span(":"))
            let value = body[body.index(after: colon)...]
            if !value.isEmpty { result.append(Span(String(value), .yamlValue)) }
        } else if !body.isEmpty {
            result.append(Span(String(body), .yamlValue))
        }
        if let comment { result.append(Span(String(comment), .yamlComment)) }
        return result
    }

    /// The colon ending a mapping key (`Key:` followed by a space or the end), outside quotes.
    static func keyColon(in text: Substring) -> Substring.Index? {
        guard let first = text.first, first != "[", first != "{", first != "|", first != ">" else { return nil }
        var quote: Character?
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            if let open = quote {
                if character == open { quote = nil }
            } else if character == "\"" || character == "'" {
                if index == text.startIndex { quote = character }
            } else if character == ":" {
                let next = text.index(after: index)
                if next == text.endIndex || text[next] == " " { return index }
            }
            index = text.index(after: index)
        }
        return nil
    }

    /// Splits off a trailing ` # comment` (outside quotes).
    static func splitComment(_ text: Substring) -> (Substring, Substring?) {
        var quote: Character?
        var previous: Character = " "
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            if let open = quote {
                if character == open { quote = nil }
            } else if character == "\"" || character == "'" {
                quote = character
            } else if character == "#", previous == " " {
                return (text[..<index], text[index...])
            }
            previous = character
            index = text.index(after: index)
        }
        return (text, nil)
    }
}

// MARK: - Loaded side

/// The loaded payload as indented `snake_case: value` lines, with defaults and kept unknown
/// keys marked; or the error tree.
enum LoadedRenderer {
    static func render(analysis: PayloadAnalysis, schema: Schema, sourcePaths: Set<[String]>) -> (InspectorSide, String) {
        var side = InspectorSide()
        switch analysis {
        case .unreadable(let message, let line):
            side.append(StyledLine("✗ The payload cannot be read", style: .theme(.error)), sourceLine: line.map { $0 - 1 })
            side.append(StyledLine())
            for piece in message.split(separator: "\n") {
                side.append(StyledLine("  " + piece), sourceLine: line.map { $0 - 1 })
            }
            if let line { side.append(StyledLine("  at line \(line)", style: .theme(.textMuted)), sourceLine: line - 1) }
            return (side, "Errors")
        case .invalid(let entries):
            side.append(StyledLine("✗ \(entries.count) problem\(entries.count == 1 ? "" : "s") — see the marked lines",
                                   style: .theme(.error)))
            side.append(StyledLine())
            var order: [[String]] = []
            var grouped: [[String]: [ErrorEntry]] = [:]
            for entry in entries {
                if grouped[entry.path] == nil { order.append(entry.path) }
                grouped[entry.path, default: []].append(entry)
            }
            for path in order {
                let items = grouped[path] ?? []
                let line = items.first?.line
                let depth = max(0, path.count - 1)
                let name = path.last ?? "(document)"
                var header = StyledLine([Span(String(repeating: "  ", count: depth)), Span(name, .yamlKey)])
                if let line { header.append(Span("  line \(line)", .textMuted)) }
                side.append(header, sourceLine: line.map { $0 - 1 })
                for item in items {
                    side.append(StyledLine([Span(String(repeating: "  ", count: depth + 1) + "✗ "),
                                            Span(item.message, .error)]),
                                sourceLine: item.line.map { $0 - 1 })
                }
            }
            return (side, "Errors (\(entries.count))")
        case .valid(let payload):
            var writer = Writer(sourcePaths: sourcePaths)
            writer.map(payload, schema: schema, path: [], depth: 0)
            return (writer.side, "Loaded payload (snake_case)")
        }
    }

    struct Writer {
        let sourcePaths: Set<[String]>
        var side = InspectorSide()

        mutating func map(_ map: PayloadMap, schema: Schema?, path: [String], depth: Int) {
            for (key, value) in map {
                let childPath = path + [key]
                let field = schema?.field(named: key)
                var notes: [Span] = []
                if schema != nil, field == nil {
                    notes.append(Span("  (unknown key, kept)", .payloadIncluded))
                } else if !sourcePaths.contains(childPath), path.isEmpty || sourcePaths.contains(path) {
                    notes.append(Span("  (default)", .payloadDefault))
                }
                var childSchema: Schema?
                switch field?.kind {
                case .nested(let nested)?: childSchema = nested
                case .list(.nested(let nested), _)?: childSchema = nested
                default: break
                }
                entry(key: key, value: value, schema: childSchema, path: childPath, depth: depth, notes: notes)
            }
        }

        /// `schema`: a mapping's own, or for a list its items'.
        mutating func entry(key: String, value: PayloadValue, schema: Schema?, path: [String], depth: Int, notes: [Span]) {
            let indent = Span(String(repeating: "  ", count: depth))
            switch value {
            case .map(let inner) where !inner.isEmpty:
                side.append(StyledLine([indent, Span(key, .yamlKey), Span(":")] + notes), path: path)
                map(inner, schema: schema, path: path, depth: depth + 1)
            case .list(let items) where !items.isEmpty:
                side.append(StyledLine([indent, Span(key, .yamlKey), Span(":")] + notes), path: path)
                list(items, itemSchema: schema, path: path, depth: depth + 1)
            case .stringSet(let set) where !set.isEmpty:
                side.append(StyledLine([indent, Span(key, .yamlKey), Span(":")] + notes), path: path)
                list(set.sorted().map(PayloadValue.string), itemSchema: nil, path: path, depth: depth + 1)
            default:
                side.append(StyledLine([indent, Span(key, .yamlKey), Span(": "), Span(Self.scalar(value), .yamlValue)] + notes),
                            path: path)
            }
        }

        /// YAML style: an item's first line starts with `- ` (`- key: value`), the rest align after it.
        mutating func list(_ items: [PayloadValue], itemSchema: Schema?, path: [String], depth: Int) {
            let indent = String(repeating: "  ", count: depth)
            for (index, item) in items.enumerated() {
                let itemPath = path + [String(index)]
                let first = side.lines.count
                switch item {
                case .map(let inner) where !inner.isEmpty:
                    map(inner, schema: itemSchema, path: itemPath, depth: depth + 1)
                    dash(line: first, depth: depth)
                case .list(let inner) where !inner.isEmpty:
                    list(inner, itemSchema: nil, path: itemPath, depth: depth + 1)
                    dash(line: first, depth: depth)
                default:
                    side.append(StyledLine([Span(indent + "- "), Span(Self.scalar(item), .yamlValue)]), path: itemPath)
                }
            }
        }

        /// Turns the first line of an item (indented one level deeper) into its `- ` line.
        mutating func dash(line index: Int, depth: Int) {
            guard index < side.lines.count, var first = side.lines[index].spans.first else { return }
            let deeper = String(repeating: "  ", count: depth + 1)
            guard first.text.hasPrefix(deeper) else { return }
            first.text = String(repeating: "  ", count: depth) + "- " + first.text.dropFirst(deeper.count)
            side.lines[index].spans[0] = first
        }

        static func scalar(_ value: PayloadValue) -> String {
            switch value {
            case .null: return "null"
            case .bool(let flag): return flag ? "true" : "false"
            case .int(let number): return String(number)
            case .double(let number): return String(number)
            case .string(let text): return needsQuotes(text) ? JSONWriter().quote(text) : text
            case .list: return "[]"
            case .stringSet: return "[]"
            case .map: return "{}"
            }
        }

        static func needsQuotes(_ text: String) -> Bool {
            if text.isEmpty || text != text.trimmingCharacters(in: .whitespaces) { return true }
            if text.contains(": ") || text.contains(" #") || text.contains("\n") { return true }
            if let first = text.first, "-?:,[]{}#&*!|>'\"%@`".contains(first) { return true }
            if case .string = ScalarResolver.resolve(plain: text) { return false }
            return true
        }
    }
}
