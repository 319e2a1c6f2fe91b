import Foundation

/// The byte scanner under ``AccountIndexJSONReader``: JSON structure (objects, arrays, members),
/// strings and their escapes, skipping unknown values, and errors with line, column and path.
/// The reader's other file knows the index document's shape; this one knows only JSON.
extension AccountIndexJSONReader {
    // MARK: JSON structure

    /// A member name: its bytes in place, or its decoded text when it had escapes.
    enum Key {
        case raw(Range<Int>)
        case decoded(String)
    }

    /// Plain values only, so that pushing and popping one costs no reference counting.
    enum PathComponent {
        case name(StaticString)
        case key(Range<Int>)
        case decodedKey(Int)
        case index(Int)
    }

    mutating func component(_ key: Key) -> PathComponent {
        switch key {
        case .raw(let range): return .key(range)
        case .decoded(let text):
            decodedKeys.append(text)
            return .decodedKey(decodedKeys.count - 1)
        }
    }

    var pathText: String {
        path.map { component in
            switch component {
            case .name(let name): return name.description
            case .key(let range): return string(of: .raw(range))
            case .decodedKey(let position): return decodedKeys[position]
            case .index(let index): return String(index)
            }
        }.joined(separator: ".")
    }

    /// Where a loop over an object's members or an array's elements stands.
    struct Cursor {
        var started = false
        var index = -1
    }

    /// Consumes `{`; then `nextMember` until it returns nil.
    mutating func openObject() throws(AccountIndexError) -> Cursor {
        skipWhitespace()
        guard position < bytes.count, bytes[position] == UInt8(ascii: "{") else { throw typeError("an object") }
        position += 1
        return Cursor()
    }

    /// The next member's name, positioned at its value; nil after the closing `}`.
    mutating func nextMember(_ cursor: inout Cursor) throws(AccountIndexError) -> Key? {
        skipWhitespace()
        guard position < bytes.count else { throw syntaxError("unterminated object") }
        if bytes[position] == UInt8(ascii: "}") {
            position += 1
            return nil
        }
        if cursor.started {
            guard bytes[position] == UInt8(ascii: ",") else { throw syntaxError("expected ',' or '}'") }
            position += 1
            skipWhitespace()
        }
        cursor.started = true
        guard position < bytes.count, bytes[position] == UInt8(ascii: "\"") else { throw syntaxError("expected a member name") }
        let key = try readKey()
        skipWhitespace()
        guard position < bytes.count, bytes[position] == UInt8(ascii: ":") else { throw syntaxError("expected ':'") }
        position += 1
        return key
    }

    /// Consumes `[`; then `nextElement` until it returns false.
    mutating func openArray() throws(AccountIndexError) -> Cursor {
        skipWhitespace()
        guard position < bytes.count, bytes[position] == UInt8(ascii: "[") else { throw typeError("an array") }
        position += 1
        return Cursor()
    }

    /// True when another element follows (the reader is at it), false after the closing `]`.
    mutating func nextElement(_ cursor: inout Cursor) throws(AccountIndexError) -> Bool {
        skipWhitespace()
        guard position < bytes.count else { throw syntaxError("unterminated array") }
        if bytes[position] == UInt8(ascii: "]") {
            position += 1
            return false
        }
        if cursor.started {
            guard bytes[position] == UInt8(ascii: ",") else { throw syntaxError("expected ',' or ']'") }
            position += 1
            skipWhitespace()
            guard position < bytes.count, bytes[position] != UInt8(ascii: "]") else { throw syntaxError("expected a value") }
        }
        cursor.started = true
        cursor.index += 1
        return true
    }

    /// Consumes `null` if that is the next value.
    mutating func readNull() throws(AccountIndexError) -> Bool {
        skipWhitespace()
        guard position < bytes.count, bytes[position] == UInt8(ascii: "n") else { return false }
        try expectLiteral("null")
        return true
    }

    mutating func readOptionalString(intern: Bool = false) throws(AccountIndexError) -> String? {
        if try readNull() { return nil }
        return try readString(intern: intern)
    }

    mutating func readString(intern: Bool = false) throws(AccountIndexError) -> String {
        skipWhitespace()
        guard position < bytes.count, bytes[position] == UInt8(ascii: "\"") else { throw typeError("a string") }
        switch try readKey() {
        case .raw(let range): return makeString(range, intern: intern)
        case .decoded(let text): return text
        }
    }

    /// Reads a string token. Without escapes it stays a range of the input, so member names
    /// are matched without building a String.
    mutating func readKey() throws(AccountIndexError) -> Key {
        position += 1  // the opening quote
        let start = position
        var highBits: UInt8 = 0
        guard let base = bytes.baseAddress else { throw syntaxError("unterminated string") }
        while position < bytes.count {
            let byte = base[position]
            if byte == UInt8(ascii: "\"") {
                position += 1
                if highBits & 0x80 != 0, String(validating: UnsafeBufferPointer(rebasing: bytes[start..<position - 1]), as: UTF8.self) == nil {
                    position = start
                    throw syntaxError("invalid UTF-8 in a string")
                }
                return .raw(start..<position - 1)
            }
            highBits |= byte
            if byte == UInt8(ascii: "\\") { return .decoded(try readEscapedString(from: start)) }
            if byte < 0x20 { throw syntaxError("control character in a string") }
            position += 1
        }
        throw syntaxError("unterminated string")
    }

    mutating func readEscapedString(from start: Int) throws(AccountIndexError) -> String {
        var decoded = Array(bytes[start..<position])
        while position < bytes.count {
            let byte = bytes[position]
            position += 1
            switch byte {
            case UInt8(ascii: "\""):
                guard let text = String(validating: decoded, as: UTF8.self) else { throw syntaxError("invalid UTF-8 in a string") }
                return text
            case UInt8(ascii: "\\"):
                guard position < bytes.count else { break }
                let escape = bytes[position]
                position += 1
                switch escape {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): decoded.append(escape)
                case UInt8(ascii: "b"): decoded.append(0x08)
                case UInt8(ascii: "f"): decoded.append(0x0C)
                case UInt8(ascii: "n"): decoded.append(0x0A)
                case UInt8(ascii: "r"): decoded.append(0x0D)
                case UInt8(ascii: "t"): decoded.append(0x09)
                case UInt8(ascii: "u"): decoded.append(contentsOf: Array(String(try readUnicodeEscape()).utf8))
                default: throw syntaxError("invalid escape sequence")
                }
            default:
                if byte < 0x20 { throw syntaxError("control character in a string") }
                decoded.append(byte)
            }
        }
        throw syntaxError("unterminated string")
    }

    /// `XXXX` after `\u`, combining a surrogate pair into one scalar.
    mutating func readUnicodeEscape() throws(AccountIndexError) -> Character {
        let first = try readHex4()
        if (0xD800..<0xDC00).contains(first) {
            guard position + 1 < bytes.count, bytes[position] == UInt8(ascii: "\\"), bytes[position + 1] == UInt8(ascii: "u") else {
                throw syntaxError("unpaired surrogate in \\u escape")
            }
            position += 2
            let second = try readHex4()
            guard (0xDC00..<0xE000).contains(second),
                  let scalar = Unicode.Scalar(0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)) else {
                throw syntaxError("unpaired surrogate in \\u escape")
            }
            return Character(scalar)
        }
        guard let scalar = Unicode.Scalar(first) else { throw syntaxError("unpaired surrogate in \\u escape") }
        return Character(scalar)
    }

    mutating func readHex4() throws(AccountIndexError) -> UInt32 {
        guard position + 4 <= bytes.count else { throw syntaxError("truncated \\u escape") }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[position]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw syntaxError("invalid \\u escape")
            }
            value = value << 4 | UInt32(digit)
            position += 1
        }
        return value
    }

    mutating func makeString(_ range: Range<Int>, intern: Bool) -> String {
        let slice = UnsafeBufferPointer(rebasing: bytes[range])
        // Up to 15 UTF-8 bytes Swift stores a string inline: sharing would save nothing.
        let shares = intern && range.count > 15
        if shares, let shared = interner.string(for: slice) { return shared }
        // readKey has validated the bytes.
        let text = String(decoding: slice, as: UTF8.self)
        if shares { interner.add(text, for: slice) }
        return text
    }

    func string(of key: Key) -> String {
        switch key {
        case .raw(let range): return String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
        case .decoded(let text): return text
        }
    }

    func matches(_ key: Key, _ literal: StaticString) -> Bool {
        switch key {
        case .raw(let range):
            guard range.count == literal.utf8CodeUnitCount, let base = bytes.baseAddress else { return false }
            return memcmp(base + range.lowerBound, literal.utf8Start, range.count) == 0
        case .decoded(let text):
            return text == literal.description
        }
    }

    /// Skips one value of any type (members the index does not use).
    mutating func skipValue(depth: Int) throws(AccountIndexError) {
        guard depth < Self.maximumDepth else { throw syntaxError("nested more than \(Self.maximumDepth) levels deep") }
        skipWhitespace()
        guard position < bytes.count else { throw syntaxError("expected a value") }
        switch bytes[position] {
        case UInt8(ascii: "{"):
            var members = try openObject()
            while try nextMember(&members) != nil { try skipValue(depth: depth + 1) }
        case UInt8(ascii: "["):
            var elements = try openArray()
            while try nextElement(&elements) { try skipValue(depth: depth + 1) }
        case UInt8(ascii: "\""):
            _ = try readKey()
        case UInt8(ascii: "t"): try expectLiteral("true")
        case UInt8(ascii: "f"): try expectLiteral("false")
        case UInt8(ascii: "n"): try expectLiteral("null")
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): try skipNumber()
        default: throw syntaxError("expected a value")
        }
    }

    /// `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`
    mutating func skipNumber() throws(AccountIndexError) {
        let start = position
        func digits(_ reader: inout Self) -> Int {
            let first = reader.position
            while reader.position < reader.bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(reader.bytes[reader.position]) {
                reader.position += 1
            }
            return reader.position - first
        }
        func next(_ reader: Self, _ byte: UInt8) -> Bool {
            reader.position < reader.bytes.count && reader.bytes[reader.position] == byte
        }
        if next(self, UInt8(ascii: "-")) { position += 1 }
        let leadingZero = next(self, UInt8(ascii: "0"))
        let integer = digits(&self)
        var valid = integer > 0 && !(leadingZero && integer > 1)
        if valid, next(self, UInt8(ascii: ".")) {
            position += 1
            valid = digits(&self) > 0
        }
        if valid, next(self, UInt8(ascii: "e")) || next(self, UInt8(ascii: "E")) {
            position += 1
            if next(self, UInt8(ascii: "+")) || next(self, UInt8(ascii: "-")) { position += 1 }
            valid = digits(&self) > 0
        }
        guard valid else {
            position = start
            throw syntaxError("invalid number")
        }
    }

    mutating func expectLiteral(_ literal: StaticString) throws(AccountIndexError) {
        let count = literal.utf8CodeUnitCount
        guard position + count <= bytes.count, let base = bytes.baseAddress,
              memcmp(base + position, literal.utf8Start, count) == 0 else {
            throw syntaxError("expected a value")
        }
        position += count
    }

    @inline(__always)
    mutating func skipWhitespace() {
        guard let base = bytes.baseAddress else { return }
        let count = bytes.count
        while position < count {
            switch base[position] {
            case 0x20:
                // Indented documents are mostly runs of spaces: take them eight at a time.
                if position + 8 <= count, UnsafeRawPointer(base + position).loadUnaligned(as: UInt64.self) == 0x2020_2020_2020_2020 {
                    position += 8
                } else {
                    position += 1
                }
            case 0x0A, 0x0D, 0x09: position += 1
            default: return
            }
        }
    }

    // MARK: Errors

    /// Not JSON at all (or not well-formed): "not valid JSON at line L, column C: …".
    func syntaxError(_ detail: String) -> AccountIndexError {
        let (line, column) = lineAndColumn()
        let at = path.isEmpty ? "" : " (in \(pathText))"
        return .malformed("not valid JSON at line \(line), column \(column)\(at): \(detail)")
    }

    /// Well-formed JSON with a value of the wrong type where the index expects something.
    func typeError(_ expected: String) -> AccountIndexError {
        let (line, column) = lineAndColumn()
        guard position < bytes.count else { return syntaxError("expected \(expected), found the end of the data") }
        switch bytes[position] {
        case UInt8(ascii: "{"), UInt8(ascii: "["), UInt8(ascii: "\""), UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"),
             UInt8(ascii: "t"), UInt8(ascii: "f"), UInt8(ascii: "n"):
            break
        default:
            return syntaxError("expected a value")
        }
        let at = path.isEmpty ? "the document" : pathText
        return .malformed("wrong type at \(at) (line \(line), column \(column)): expected \(expected)")
    }

    func lineAndColumn() -> (Int, Int) {
        var line = 1
        var lineStart = 0
        for index in 0..<min(position, bytes.count) where bytes[index] == 0x0A {
            line += 1
            lineStart = index + 1
        }
        return (line, position - lineStart + 1)
    }
}
