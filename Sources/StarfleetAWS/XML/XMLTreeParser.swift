import Foundation

/// Reads an AWS XML answer into an ``XMLNode`` tree.
///
/// Our own reader rather than Foundation's `XMLParser`: on Linux that one lives in FoundationXML,
/// which links libxml2 (and through it ICU and liblzma) dynamically, and the Lambda image has none
/// of them. AWS answers use a small part of XML: a declaration, elements with (ignored) attributes,
/// character and entity references, CDATA and comments. A DOCTYPE is refused, so no entity is ever
/// expanded.
struct XMLTreeParser {
    struct Failure: Error, CustomStringConvertible, Equatable {
        var line: Int
        var reason: String
        var description: String { "not well-formed XML (line \(line): \(reason))" }
    }

    private let bytes: [UInt8]
    private var index = 0
    private var line = 1

    static func parse(_ data: Data) throws -> XMLNode {
        var parser = XMLTreeParser(bytes: [UInt8](data))
        return try parser.document()
    }

    private init(bytes: [UInt8]) {
        self.bytes = bytes
        // A UTF-8 byte order mark.
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { index = 3 }
    }

    // MARK: - Document structure

    private mutating func document() throws -> XMLNode {
        var root: XMLNode?
        var stack: [XMLNode] = []
        while index < bytes.count {
            if bytes[index] != UInt8(ascii: "<") {
                let text = try characterData()
                if stack.isEmpty {
                    guard text.allSatisfy(\.isWhitespace) else { throw failure("text outside the root element") }
                } else {
                    stack[stack.count - 1].text += text
                }
                continue
            }
            if skip("<?") {
                try skipPast("?>", what: "processing instruction")
            } else if skip("<!--") {
                try skipPast("-->", what: "comment")
            } else if skip("<![CDATA[") {
                guard !stack.isEmpty else { throw failure("CDATA outside the root element") }
                let start = index
                try skipPast("]]>", what: "CDATA section")
                stack[stack.count - 1].text += String(decoding: bytes[start..<(index - 3)], as: UTF8.self)
            } else if skip("<!") {
                throw failure("a DOCTYPE or other declaration is not accepted")
            } else if skip("</") {
                let name = try self.name()
                skipWhitespace()
                guard skip(">") else { throw failure("expected > after </\(name)") }
                guard var node = stack.popLast() else { throw failure("</\(name)> closes nothing") }
                guard node.name == Self.localName(name) else { throw failure("</\(name)> closes <\(node.name)>") }
                if !node.children.isEmpty {
                    node.text = node.text.trimmingCharacters(in: .whitespacesAndNewlines)
                }
                if stack.isEmpty {
                    root = node
                } else {
                    stack[stack.count - 1].children.append(node)
                }
            } else {
                index += 1
                guard root == nil else { throw failure("a second root element") }
                let name = try self.name()
                let selfClosing = try attributes()
                let node = XMLNode(name: Self.localName(name))
                if !selfClosing {
                    stack.append(node)
                } else if stack.isEmpty {
                    root = node
                } else {
                    stack[stack.count - 1].children.append(node)
                }
            }
        }
        if let open = stack.last { throw failure("<\(open.name)> is never closed") }
        guard let root else { throw failure("no root element") }
        return root
    }

    /// Skips the attributes up to `>` or `/>`; returns whether the element closed itself.
    private mutating func attributes() throws -> Bool {
        while true {
            skipWhitespace()
            guard index < bytes.count else { throw failure("the document ends inside a tag") }
            if skip("/>") { return true }
            if skip(">") { return false }
            _ = try name()
            skipWhitespace()
            guard skip("=") else { throw failure("expected = after an attribute name") }
            skipWhitespace()
            guard index < bytes.count, let quote = [UInt8(ascii: "\""), UInt8(ascii: "'")].first(where: { $0 == bytes[index] })
            else { throw failure("an attribute value must be quoted") }
            index += 1
            while index < bytes.count, bytes[index] != quote { advance() }
            guard index < bytes.count else { throw failure("the document ends inside an attribute value") }
            index += 1
        }
    }

    // MARK: - Lexical pieces

    private mutating func name() throws -> String {
        let start = index
        while index < bytes.count, Self.isNameByte(bytes[index]) { index += 1 }
        guard index > start else { throw failure("expected a name") }
        return String(decoding: bytes[start..<index], as: UTF8.self)
    }

    /// Text up to the next `<`, with character and entity references replaced.
    private mutating func characterData() throws -> String {
        var out: [UInt8] = []
        while index < bytes.count, bytes[index] != UInt8(ascii: "<") {
            if bytes[index] == UInt8(ascii: "&") {
                out += try reference()
            } else {
                out.append(bytes[index])
                advance()
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    private mutating func reference() throws -> [UInt8] {
        let start = index + 1
        guard let end = bytes[start...].prefix(12).firstIndex(of: UInt8(ascii: ";")) else {
            throw failure("an & that starts no reference")
        }
        let body = String(decoding: bytes[start..<end], as: UTF8.self)
        index = end + 1
        switch body {
        case "lt": return [UInt8(ascii: "<")]
        case "gt": return [UInt8(ascii: ">")]
        case "amp": return [UInt8(ascii: "&")]
        case "quot": return [UInt8(ascii: "\"")]
        case "apos": return [UInt8(ascii: "'")]
        default:
            let scalar: UInt32?
            if body.hasPrefix("#x") || body.hasPrefix("#X") {
                scalar = UInt32(body.dropFirst(2), radix: 16)
            } else if body.hasPrefix("#") {
                scalar = UInt32(body.dropFirst(), radix: 10)
            } else {
                throw failure("unknown entity &\(body);")
            }
            guard let scalar, let character = Unicode.Scalar(scalar) else { throw failure("invalid character reference &\(body);") }
            return Array(String(Character(character)).utf8)
        }
    }

    private mutating func skip(_ literal: StaticString) -> Bool {
        let count = literal.utf8CodeUnitCount
        guard index + count <= bytes.count else { return false }
        let matches = literal.withUTF8Buffer { $0.elementsEqual(bytes[index..<(index + count)]) }
        if matches { index += count }
        return matches
    }

    private mutating func skipPast(_ terminator: StaticString, what: String) throws {
        while index < bytes.count {
            if skip(terminator) { return }
            advance()
        }
        throw failure("the document ends inside a \(what)")
    }

    private mutating func skipWhitespace() {
        while index < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[index]) { advance() }
    }

    private mutating func advance() {
        if bytes[index] == 0x0A { line += 1 }
        index += 1
    }

    private func failure(_ reason: String) -> Failure {
        Failure(line: line, reason: reason)
    }

    private static func isNameByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
             UInt8(ascii: "_"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: ":"), 0x80...0xFF:
            return true
        default:
            return false
        }
    }

    /// AWS answers use a default namespace; a prefixed name keeps its local part.
    private static func localName(_ name: String) -> String {
        name.split(separator: ":").last.map(String.init) ?? name
    }
}
