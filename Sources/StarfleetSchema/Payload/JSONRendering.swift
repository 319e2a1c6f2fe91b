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
        String(decoding: bytes(value), as: UTF8.self)
    }

    /// The UTF-8 text, for output that goes straight to a file descriptor. A good
    /// `estimatedSize` spares a large document the copies of a growing buffer.
    public func bytes(_ value: PayloadValue, estimatedSize: Int = 0) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(estimatedSize)
        write(value, into: &out, level: 0)
        return out
    }

    /// `head`'s members, then `key` with a list of `count` items, as ``bytes(_:estimatedSize:)``
    /// would render the whole object; each item is built only when written, so a very long
    /// list never exists as one tree.
    public func bytes(_ head: PayloadMap, thenList key: String, count: Int, item: (Int) -> PayloadValue,
                      estimatedSize: Int = 0) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(estimatedSize)
        out.append(UInt8(ascii: "{"))
        for (member, value) in head {
            writeMemberName(member, into: &out, level: 1)
            write(value, into: &out, level: 1)
            separator(&out)
        }
        writeMemberName(key, into: &out, level: 1)
        writeList(count: count, item: item, into: &out, level: 1)
        newline(&out, 0)
        out.append(UInt8(ascii: "}"))
        return out
    }

    // Bytes, not String appends: a 160,000-invocation fan-out plan renders in a few ms.
    func write(_ value: PayloadValue, into out: inout [UInt8], level: Int) {
        switch value {
        case .null: out.append(contentsOf: "null".utf8)
        case .bool(let flag): out.append(contentsOf: (flag ? "true" : "false").utf8)
        case .int(let number): out.append(contentsOf: String(number).utf8)
        case .double(let number):
            let text: String
            if number.isFinite {
                text = number == number.rounded() && abs(number) < 1e16 ? String(format: "%.1f", number) : "\(number)"
            } else {
                text = number.isNaN ? "NaN" : (number < 0 ? "-Infinity" : "Infinity")
            }
            out.append(contentsOf: text.utf8)
        case .string(let text): appendQuoted(text, to: &out)
        case .list(let items): writeList(count: items.count, item: { items[$0] }, into: &out, level: level)
        case .stringSet(let set):
            let items = set.sorted()
            writeList(count: items.count, item: { .string(items[$0]) }, into: &out, level: level)
        case .map(let map):
            if sortKeys {
                writeObject(map.keys.sorted().map { (key: $0, value: map[$0] ?? .null) }, into: &out, level: level)
            } else {
                writeObject(map.elements, into: &out, level: level)
            }
        }
    }

    private func newline(_ out: inout [UInt8], _ level: Int) {
        guard indent > 0 else { return }
        out.append(0x0A)
        for _ in 0..<indent * level { out.append(UInt8(ascii: " ")) }
    }

    private func separator(_ out: inout [UInt8]) {
        out.append(UInt8(ascii: ","))
        if indent == 0 { out.append(UInt8(ascii: " ")) }
    }

    private func writeList(count: Int, item: (Int) -> PayloadValue, into out: inout [UInt8], level: Int) {
        guard count > 0 else { out.append(contentsOf: "[]".utf8); return }
        out.append(UInt8(ascii: "["))
        for index in 0..<count {
            if index > 0 { separator(&out) }
            newline(&out, level + 1)
            write(item(index), into: &out, level: level + 1)
        }
        newline(&out, level)
        out.append(UInt8(ascii: "]"))
    }

    /// A member's name and the `: ` after it, on its own line.
    private func writeMemberName(_ key: String, into out: inout [UInt8], level: Int) {
        newline(&out, level)
        appendQuoted(key, to: &out)
        out.append(contentsOf: ": ".utf8)
    }

    private func writeObject(_ entries: some Collection<(key: String, value: PayloadValue)>, into out: inout [UInt8], level: Int) {
        guard !entries.isEmpty else { out.append(contentsOf: "{}".utf8); return }
        out.append(UInt8(ascii: "{"))
        var first = true
        for (key, value) in entries {
            if !first { separator(&out) }
            first = false
            writeMemberName(key, into: &out, level: level + 1)
            write(value, into: &out, level: level + 1)
        }
        newline(&out, level)
        out.append(UInt8(ascii: "}"))
    }

    public func quote(_ text: String) -> String {
        var out: [UInt8] = []
        appendQuoted(text, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    private func appendQuoted(_ text: String, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        // Most strings need no escaping: copy their bytes in one go.
        var contiguous = text
        let copied = contiguous.withUTF8 { bytes in
            for byte in bytes where byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || (asciiOnly && byte > 0x7E) {
                return false
            }
            out.append(contentsOf: bytes)
            return true
        }
        if copied {
            out.append(UInt8(ascii: "\""))
            return
        }
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out.append(contentsOf: "\\\"".utf8)
            case "\\": out.append(contentsOf: "\\\\".utf8)
            case "\n": out.append(contentsOf: "\\n".utf8)
            case "\r": out.append(contentsOf: "\\r".utf8)
            case "\t": out.append(contentsOf: "\\t".utf8)
            case "\u{08}": out.append(contentsOf: "\\b".utf8)
            case "\u{0C}": out.append(contentsOf: "\\f".utf8)
            default:
                if scalar.value < 0x20 || (asciiOnly && scalar.value > 0x7E) {
                    if scalar.value > 0xFFFF {
                        let offset = scalar.value - 0x10000
                        out.append(contentsOf: String(format: "\\u%04x\\u%04x", 0xD800 + (offset >> 10), 0xDC00 + (offset & 0x3FF)).utf8)
                    } else {
                        out.append(contentsOf: String(format: "\\u%04x", scalar.value).utf8)
                    }
                } else {
                    out.append(contentsOf: String(scalar).utf8)
                }
            }
        }
        out.append(UInt8(ascii: "\""))
    }
}
