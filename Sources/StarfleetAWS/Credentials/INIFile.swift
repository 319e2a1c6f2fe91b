import Foundation

/// A small parser for the INI dialect of `~/.aws/credentials` and `~/.aws/config`.
///
/// Sections are `[name]`; keys are `key = value` (or `key: value`); `#` and `;` start comment
/// lines. Indented lines continue the previous key (the nested `s3 =` style of the config file)
/// and are kept as that key's value text. Later duplicates override earlier ones.
public struct INIFile: Sendable, Equatable {
    /// Section name → key → value. Section names are trimmed; keys are trimmed and lower-cased.
    public private(set) var sections: [String: [String: String]]
    /// Section names in the order they first appear.
    public private(set) var sectionOrder: [String]

    public init(parsing text: String) {
        var sections: [String: [String: String]] = [:]
        var order: [String] = []
        var current: String?
        var lastKey: String?
        for rawLine in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
            let line = String(rawLine)
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty || trimmed.hasPrefix("#") || trimmed.hasPrefix(";") { continue }
            if trimmed.hasPrefix("[") && trimmed.hasSuffix("]") {
                let name = String(trimmed.dropFirst().dropLast()).trimmingCharacters(in: .whitespaces)
                current = name
                lastKey = nil
                if sections[name] == nil {
                    sections[name] = [:]
                    order.append(name)
                }
                continue
            }
            guard let section = current else { continue }
            if let first = line.first, first == " " || first == "\t", let key = lastKey {
                let previous = sections[section]?[key] ?? ""
                sections[section]?[key] = previous.isEmpty ? trimmed : previous + "\n" + trimmed
                continue
            }
            guard let separator = trimmed.firstIndex(where: { $0 == "=" || $0 == ":" }) else { continue }
            let key = trimmed[..<separator].trimmingCharacters(in: .whitespaces).lowercased()
            let value = trimmed[trimmed.index(after: separator)...].trimmingCharacters(in: .whitespaces)
            sections[section]?[key] = value
            lastKey = key
        }
        self.sections = sections
        self.sectionOrder = order
    }

    public subscript(section: String) -> [String: String]? { sections[section] }
}
