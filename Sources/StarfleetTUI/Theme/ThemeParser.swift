import Yams

/// A theme file as written: its own styles and the theme it extends.
public struct ThemeDefinition: Sendable, Hashable {
    public var name: String
    public var summary: String?
    /// The parent theme's name; nil means the implicit parent (`default`, or
    /// nothing for `default` itself); `none` means no parent at all.
    public var extends: String?
    public var styles: [ThemeKey: Style]
    /// File path or `built-in theme 'name'`.
    public var source: String

    public init(name: String, summary: String? = nil, extends: String? = nil, styles: [ThemeKey: Style], source: String) {
        self.name = name
        self.summary = summary
        self.extends = extends
        self.styles = styles
        self.source = source
    }
}

/// All problems found in one theme file.
public struct ThemeParseError: Error, Sendable, Hashable {
    public var problems: [ThemeWarning]
}

/// Reads theme YAML:
/// ```yaml
/// name: ocean            # optional, defaults to the file name
/// description: Blue on black
/// extends: default       # optional; `none` for no parent
/// styles:
///   frame: { fg: blue }
///   selection: { fg: "#ffffff", bg: color24, attributes: [bold] }
/// ```
public enum ThemeParser {
    /// Larger files are refused (a theme is a few kilobytes).
    public static let maximumSize = 256 * 1024

    static let styleFields: Set<String> = ["fg", "bg", "attributes"]
    static let topLevelFields: Set<String> = ["name", "description", "extends", "styles"]

    public static func parse(_ yaml: String, name: String, source: String) throws(ThemeParseError) -> ThemeDefinition {
        var problems: [ThemeWarning] = []
        func problem(_ message: String, key: String? = nil, node: Node? = nil, line: Int? = nil) {
            problems.append(ThemeWarning(file: source, line: line ?? node?.mark?.line, key: key, message: message))
        }

        guard yaml.utf8.count <= maximumSize else {
            problem("file is larger than \(maximumSize / 1024) KiB; not a theme")
            throw ThemeParseError(problems: problems)
        }
        let root: Node
        do {
            guard let composed = try Yams.compose(yaml: yaml) else {
                problem("empty theme file")
                throw ThemeParseError(problems: problems)
            }
            root = composed
        } catch let error as ThemeParseError {
            throw error
        } catch {
            let (line, message) = YAMLDiagnostics.describe(error)
            problem(message, line: line)
            throw ThemeParseError(problems: problems)
        }

        guard case .mapping(let top) = root else {
            problem("a theme must be a mapping with a `styles:` section", node: root)
            throw ThemeParseError(problems: problems)
        }

        var definition = ThemeDefinition(name: name, styles: [:], source: source)
        var sawStyles = false
        for (keyNode, value) in top {
            guard let key = keyNode.scalar?.string else {
                problem("keys must be plain text", node: keyNode)
                continue
            }
            switch key {
            case "name":
                if let text = value.scalar?.string { definition.name = text } else { problem("expected text", key: key, node: value) }
            case "description":
                if let text = value.scalar?.string { definition.summary = text } else { problem("expected text", key: key, node: value) }
            case "extends":
                if let text = value.scalar?.string, !text.isEmpty {
                    definition.extends = text
                } else {
                    problem("expected the name of a theme (or `none`)", key: key, node: value)
                }
            case "styles":
                sawStyles = true
                definition.styles = parseStyles(value, problem: problem)
            default:
                problem("unknown setting '\(key)' (expected one of: \(topLevelFields.sorted().joined(separator: ", ")))",
                        key: key, node: keyNode)
            }
        }
        if !sawStyles { problem("missing `styles:` section", node: root) }
        guard problems.isEmpty else { throw ThemeParseError(problems: problems) }
        return definition
    }

    private static func parseStyles(_ node: Node,
                                    problem: (String, String?, Node?, Int?) -> Void) -> [ThemeKey: Style] {
        guard case .mapping(let mapping) = node else {
            problem("expected a mapping of style keys", "styles", node, nil)
            return [:]
        }
        var styles: [ThemeKey: Style] = [:]
        for (keyNode, value) in mapping {
            guard let name = keyNode.scalar?.string else {
                problem("style keys must be plain text", "styles", keyNode, nil)
                continue
            }
            guard let key = ThemeKey(rawValue: name) else {
                var message = "unknown style key '\(name)'"
                if let suggestion = suggestion(for: name) { message += " (did you mean '\(suggestion)'?)" }
                problem(message, "styles.\(name)", keyNode, nil)
                continue
            }
            if let style = parseStyle(value, path: "styles.\(name)", problem: problem) {
                styles[key] = style
            }
        }
        return styles
    }

    private static func parseStyle(_ node: Node, path: String,
                                   problem: (String, String?, Node?, Int?) -> Void) -> Style? {
        if case .scalar(let scalar) = node, scalar.string.isEmpty || scalar.string == "~" || scalar.string == "null" {
            return Style.plain
        }
        guard case .mapping(let mapping) = node else {
            problem("expected a mapping such as { fg: cyan, bg: default, attributes: [bold] }", path, node, nil)
            return nil
        }
        var style = Style.plain
        var valid = true
        for (keyNode, value) in mapping {
            let field = keyNode.scalar?.string ?? "?"
            let fieldPath = "\(path).\(field)"
            switch field {
            case "fg", "bg", "foreground", "background":
                guard let text = value.scalar?.string, let color = TerminalColor(parsing: text) else {
                    let shown = value.scalar?.string ?? "(not text)"
                    problem("unknown colour '\(shown)' (expected a name such as red or brightBlue, colorN with N 0–255, "
                            + "#rrggbb, or default)", fieldPath, value, nil)
                    valid = false
                    continue
                }
                if field.hasPrefix("f") { style.foreground = color } else { style.background = color }
            case "attributes", "attrs":
                guard let attributes = parseAttributes(value, path: fieldPath, problem: problem) else {
                    valid = false
                    continue
                }
                style.attributes = attributes
            default:
                problem("unknown field '\(field)' (expected fg, bg or attributes)", fieldPath, keyNode, nil)
                valid = false
            }
        }
        return valid ? style : nil
    }

    private static func parseAttributes(_ node: Node, path: String,
                                        problem: (String, String?, Node?, Int?) -> Void) -> TextAttributes? {
        var words: [(String, Node)] = []
        switch node {
        case .scalar(let scalar):
            words = scalar.string.split(whereSeparator: { $0 == " " || $0 == "," }).map { (String($0), node) }
        case .sequence(let sequence):
            for item in sequence {
                guard let word = item.scalar?.string else {
                    problem("attributes must be words", path, item, nil)
                    return nil
                }
                words.append((word, item))
            }
        default:
            problem("expected a list of attributes, e.g. [bold, underline]", path, node, nil)
            return nil
        }
        var attributes: TextAttributes = []
        for (word, item) in words {
            let lowered = word.lowercased()
            if lowered == "none" || lowered == "normal" { continue }
            guard let match = TextAttributes.named.first(where: { $0.name == lowered }) else {
                let known = TextAttributes.named.map(\.name).joined(separator: ", ")
                problem("unknown attribute '\(word)' (expected \(known))", path, item, nil)
                return nil
            }
            attributes.insert(match.attribute)
        }
        return attributes
    }

    // MARK: - Messages

    /// The closest known key, if it is close enough to be a typo.
    static func suggestion(for name: String) -> String? {
        let candidates = ThemeKey.allCases.map(\.rawValue)
        let scored = candidates.map { ($0, YAMLDiagnostics.editDistance(name.lowercased(), $0.lowercased())) }
        guard let best = scored.min(by: { $0.1 < $1.1 }), best.1 <= max(2, name.count / 4) else { return nil }
        return best.0
    }
}
