import Foundation

/// Deterministic JSON text for payloads and error trees (the CLI's machine contract).
public struct JSONWriter: Sendable {
    public var indent: Int
    public var sortKeys: Bool
    public var asciiOnly: Bool

    public init(indent: Int = 2, sortKeys: Bool = false, asciiOnly: Bool = false) {
        self.indent = indent
        self.sortKeys = sortKeys
        self.asciiOnly = asciiOnly
    }

    public func string(_ value: PayloadValue) -> String {
        var out = ""
        write(value, into: &out, level: 0)
        return out
    }

    func write(_ value: PayloadValue, into out: inout String, level: Int) {
        switch value {
        case .null: out += "null"
        case .bool(let flag): out += flag ? "true" : "false"
        case .int(let number): out += String(number)
        case .double(let number):
            if number.isFinite {
                out += number == number.rounded() && abs(number) < 1e16 ? String(format: "%.1f", number) : "\(number)"
            } else {
                out += number.isNaN ? "NaN" : (number < 0 ? "-Infinity" : "Infinity")
            }
        case .string(let text): out += quote(text)
        case .list(let items): writeArray(items, into: &out, level: level)
        case .stringSet(let set): writeArray(set.sorted().map(PayloadValue.string), into: &out, level: level)
        case .map(let map):
            let keys = sortKeys ? map.keys.sorted() : Array(map.keys)
            writeObject(keys.map { ($0, map[$0] ?? .null) }, into: &out, level: level)
        }
    }

    private func newline(_ out: inout String, _ level: Int) {
        guard indent > 0 else { return }
        out += "\n"
        out += String(repeating: " ", count: indent * level)
    }

    private func writeArray(_ items: [PayloadValue], into out: inout String, level: Int) {
        guard !items.isEmpty else { out += "[]"; return }
        out += "["
        for (index, item) in items.enumerated() {
            if index > 0 { out += indent > 0 ? "," : ", " }
            newline(&out, level + 1)
            write(item, into: &out, level: level + 1)
        }
        newline(&out, level)
        out += "]"
    }

    private func writeObject(_ entries: [(String, PayloadValue)], into out: inout String, level: Int) {
        guard !entries.isEmpty else { out += "{}"; return }
        out += "{"
        for (index, entry) in entries.enumerated() {
            if index > 0 { out += indent > 0 ? "," : ", " }
            newline(&out, level + 1)
            out += quote(entry.0)
            out += ": "
            write(entry.1, into: &out, level: level + 1)
        }
        newline(&out, level)
        out += "}"
    }

    public func quote(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{08}": out += "\\b"
            case "\u{0C}": out += "\\f"
            default:
                if scalar.value < 0x20 || (asciiOnly && scalar.value > 0x7E) {
                    if scalar.value > 0xFFFF {
                        let offset = scalar.value - 0x10000
                        out += String(format: "\\u%04x\\u%04x", 0xD800 + (offset >> 10), 0xDC00 + (offset & 0x3FF))
                    } else {
                        out += String(format: "\\u%04x", scalar.value)
                    }
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
