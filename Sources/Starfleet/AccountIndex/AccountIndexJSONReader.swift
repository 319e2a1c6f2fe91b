import Foundation

/// Reads the generator's index JSON in one pass over the bytes, into the accounts in document
/// order plus a region table for ``DefaultAccountIndex``.
///
/// Foundation's `JSONDecoder` takes ~400 ms for a 10,000-account index (19 MB), more than the
/// whole fan-out budget of 150 ms; knowing the document's shape, this reader needs a fraction
/// of that. It still accepts any well-formed JSON around that shape (unknown keys of any type
/// are skipped, optional fields may be null) and reports errors with line, column and the
/// path of the value.
struct AccountIndexJSONReader {
    private let bytes: UnsafeBufferPointer<UInt8>
    private var position = 0
    /// Where the reader is, for error messages (`accounts.<id>.<field>.<element>`); kept as
    /// ranges and numbers so that the happy path builds no strings for it.
    private var path: [PathComponent] = []
    /// Member names that had escapes, referenced from `path` by position.
    private var decodedKeys: [String] = []
    /// OU ids and names (and other long strings) repeat across thousands of accounts; sharing
    /// one copy of each saves an allocation per repetition.
    private var interner = StringTable()

    /// Documents nested deeper than this (only possible in unknown keys) are refused rather
    /// than risking the stack.
    private static let maximumDepth = 512

    /// Distinct regions in order of first appearance.
    private var regionTable = StringTable()
    private var regionSlots: [UInt16] = []
    private var regionSlotEnds: [Int] = []
    /// Another thread reading the second half of the accounts, if the document is large.
    private var secondHalf: AccountIndexSecondHalf?
    private var accountsReadInParallel = 0

    static func read(_ data: Data) throws(AccountIndexError) -> AccountIndexContents {
        let result: Result<AccountIndexContents, AccountIndexError> = data.withUnsafeBytes { raw in
            let bytes = raw.bindMemory(to: UInt8.self)
            let secondHalf = AccountIndexSecondHalf.start(in: bytes)
            // The other thread reads these bytes: it must be done before they go away.
            defer { _ = secondHalf?.wait() }
            var reader = AccountIndexJSONReader(bytes: bytes)
            reader.secondHalf = secondHalf
            return Result { () throws(AccountIndexError) -> AccountIndexContents in try reader.readDocument() }
        }
        return try result.get()
    }

    /// The accounts from `start` (a member name inside the accounts object) to the end of that
    /// object, for ``AccountIndexSecondHalf``.
    static func readAccounts(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) throws(AccountIndexError) -> AccountIndexSecondHalf.Accounts {
        var reader = AccountIndexJSONReader(bytes: bytes)
        reader.position = start
        reader.path = [.name("accounts")]
        var members = Cursor()  // at a member name: no comma before it
        var keys: [String] = []
        var records: [AccountRecord] = []
        try reader.readAccountMembers(&members, keys: &keys, records: &records)
        return AccountIndexSecondHalf.Accounts(keys: keys, records: records, regionNames: reader.regionTable.strings,
                                              regionSlots: reader.regionSlots, regionSlotEnds: reader.regionSlotEnds, end: reader.position)
    }

    private init(bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    // MARK: The document's shape

    private mutating func readDocument() throws(AccountIndexError) -> AccountIndexContents {
        var accounts: (keys: [String], records: [AccountRecord])?
        var generated: String?
        var members = try openObject()
        while let key = try nextMember(&members) {
            if matches(key, "accounts") {
                accounts = try readAccounts()
            } else if matches(key, "generated") {
                generated = try readOptionalString()
            } else {
                try skipValue(depth: 1)
            }
        }
        skipWhitespace()
        guard position == bytes.count else { throw syntaxError("unexpected data after the document") }
        guard let accounts else { throw AccountIndexError.malformed("missing key accounts") }
        var contents = AccountIndexContents(keys: accounts.keys, records: accounts.records, generated: generated,
                                            regionNames: regionTable.strings, regionSlots: regionSlots, regionSlotEnds: regionSlotEnds)
        contents.accountsReadInParallel = accountsReadInParallel
        return contents
    }

    private mutating func readAccounts() throws(AccountIndexError) -> (keys: [String], records: [AccountRecord]) {
        var keys: [String] = []
        var records: [AccountRecord] = []
        // An account takes at least ~400 bytes in the generator's layout; capacity that is never
        // written costs no memory, while growing by doubling copies every record several times.
        records.reserveCapacity(bytes.count / 400)
        keys.reserveCapacity(bytes.count / 400)
        // The last object named "accounts" counts, as with a dictionary.
        regionSlots.removeAll()
        regionSlotEnds.removeAll()
        path.append(.name("accounts"))
        var members = try openObject()
        try readAccountMembers(&members, keys: &keys, records: &records)
        path.removeLast()
        return (keys, records)
    }

    /// Accounts up to the end of the accounts object. Arriving between two members exactly where
    /// the second-half thread started, it takes that thread's accounts instead of reading on.
    private mutating func readAccountMembers(_ members: inout Cursor, keys: inout [String], records: inout [AccountRecord]) throws(AccountIndexError) {
        while true {
            if let half = secondHalf, members.started, position <= half.start, nextMemberStart() == half.start {
                secondHalf = nil
                if let accounts = half.wait() {
                    try append(accounts, keys: &keys, records: &records)
                    position = accounts.end
                    return
                }
                // The other thread failed: read on here, so the error comes with this reader's context.
            }
            guard let key = try nextMember(&members) else { return }
            path.append(component(key))
            keys.append(string(of: key))
            records.append(try readAccount())
            regionSlotEnds.append(regionSlots.count)
            path.removeLast()
        }
    }

    /// Where the next member's name starts, if a comma and a name follow.
    private func nextMemberStart() -> Int? {
        func isWhitespace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 }
        var next = position
        while next < bytes.count, isWhitespace(bytes[next]) { next += 1 }
        guard next < bytes.count, bytes[next] == UInt8(ascii: ",") else { return nil }
        next += 1
        while next < bytes.count, isWhitespace(bytes[next]) { next += 1 }
        return next
    }

    /// Adds the other thread's accounts, renumbering its regions into this reader's table.
    private mutating func append(_ accounts: AccountIndexSecondHalf.Accounts, keys: inout [String], records: inout [AccountRecord]) throws(AccountIndexError) {
        var slotOf: [UInt16] = []
        for name in accounts.regionNames {
            let slot = regionTable.add(name)
            guard slot <= UInt16.max else { throw syntaxError("more than \(UInt16.max) distinct regions") }
            slotOf.append(UInt16(slot))
        }
        let offset = regionSlots.count
        regionSlots.append(contentsOf: accounts.regionSlots.map { slotOf[Int($0)] })
        regionSlotEnds.append(contentsOf: accounts.regionSlotEnds.map { $0 + offset })
        keys.append(contentsOf: accounts.keys)
        records.append(contentsOf: accounts.records)
        accountsReadInParallel = accounts.records.count
    }

    /// The members of an account the index reads.
    private enum AccountField {
        case id, arn, email, name, status, joinedMethod, joinedTimestamp, tags, parents, regions
    }

    private func accountField(_ key: Key) -> AccountField? {
        guard case .raw(let range) = key else {
            // Escaped member names are legal JSON, if unlikely: compare their text.
            let fields: [(StaticString, AccountField)] = [
                ("Id", .id), ("Arn", .arn), ("Email", .email), ("Name", .name), ("Status", .status), ("JoinedMethod", .joinedMethod),
                ("JoinedTimestamp", .joinedTimestamp), ("Tags", .tags), ("Parents", .parents), ("Regions", .regions),
            ]
            return fields.first { matches(key, $0.0) }?.1
        }
        switch range.count {
        case 2: return matches(key, "Id") ? .id : nil
        case 3: return matches(key, "Arn") ? .arn : nil
        case 4: return matches(key, "Name") ? .name : matches(key, "Tags") ? .tags : nil
        case 5: return matches(key, "Email") ? .email : nil
        case 6: return matches(key, "Status") ? .status : nil
        case 7: return matches(key, "Regions") ? .regions : matches(key, "Parents") ? .parents : nil
        case 12: return matches(key, "JoinedMethod") ? .joinedMethod : nil
        case 15: return matches(key, "JoinedTimestamp") ? .joinedTimestamp : nil
        default: return nil
        }
    }

    private mutating func readAccount() throws(AccountIndexError) -> AccountRecord {
        var id: String?
        var arn, email, name, status, joinedMethod, joinedTimestamp: String?
        var tags: [String: String] = [:]
        var parents: [ParentRecord] = []
        // Regions are kept only as slots (see AccountIndexContents); a repeated Regions member
        // replaces the earlier one, as a later key does in a dictionary.
        let firstSlot = regionSlots.count
        var members = try openObject()
        while let key = try nextMember(&members) {
            path.append(component(key))
            switch accountField(key) {
            case .regions:
                regionSlots.removeSubrange(firstSlot...)
                try readRegions()
            case .parents: parents = try readParents()
            case .tags: tags = try readTags()
            case .id: id = try readString()
            case .name: name = try readOptionalString()
            case .arn: arn = try readOptionalString()
            case .email: email = try readOptionalString()
            case .status: status = try readOptionalString()
            case .joinedMethod: joinedMethod = try readOptionalString()
            case .joinedTimestamp: joinedTimestamp = try readOptionalString()
            case nil: try skipValue(depth: 3)
            }
            path.removeLast()
        }
        guard let id else { throw AccountIndexError.malformed("missing key Id at \(pathText)") }
        return AccountRecord(id: id, arn: arn, email: email, name: name, status: status, joinedMethod: joinedMethod,
                             joinedTimestamp: joinedTimestamp, tags: tags, parents: parents, regions: [])
    }

    private mutating func readParents() throws(AccountIndexError) -> [ParentRecord] {
        var parents: [ParentRecord] = []
        if try readNull() { return parents }
        parents.reserveCapacity(6)
        var elements = try openArray()
        while try nextElement(&elements) {
            path.append(.index(elements.index))
            var id, name, type: String?
            var members = try openObject()
            while let key = try nextMember(&members) {
                if matches(key, "Id") {
                    id = try readString(intern: true)
                } else if matches(key, "Name") {
                    name = try readString(intern: true)
                } else if matches(key, "Type") {
                    type = try readString(intern: true)
                } else {
                    try skipValue(depth: 5)
                }
            }
            guard let id, let name, let type else {
                let missing = id == nil ? "Id" : name == nil ? "Name" : "Type"
                throw AccountIndexError.malformed("missing key \(missing) at \(pathText)")
            }
            parents.append(ParentRecord(id: id, name: name, type: type))
            path.removeLast()
        }
        return parents
    }

    private mutating func readTags() throws(AccountIndexError) -> [String: String] {
        var tags: [String: String] = [:]
        if try readNull() { return tags }
        var members = try openObject()
        while let key = try nextMember(&members) {
            path.append(component(key))
            tags[string(of: key)] = try readString(intern: true)
            path.removeLast()
        }
        return tags
    }

    /// An account's regions, as positions in the region table: the index never hashes a region
    /// name, and no account carries an array of them until someone asks for the document.
    private mutating func readRegions() throws(AccountIndexError) {
        if try readNull() { return }
        var elements = try openArray()
        while try nextElement(&elements) {
            path.append(.index(elements.index))
            skipWhitespace()
            guard position < bytes.count, bytes[position] == UInt8(ascii: "\"") else { throw typeError("a string") }
            let slot: Int
            switch try readKey() {
            case .raw(let range):
                let slice = UnsafeBufferPointer(rebasing: bytes[range])
                slot = regionTable.slot(for: slice) ?? regionTable.add(makeString(range, intern: false), for: slice)
            case .decoded(let text):
                slot = regionTable.add(text)
            }
            guard slot <= UInt16.max else { throw syntaxError("more than \(UInt16.max) distinct regions") }
            regionSlots.append(UInt16(slot))
            path.removeLast()
        }
    }

    // MARK: JSON structure

    /// A member name: its bytes in place, or its decoded text when it had escapes.
    private enum Key {
        case raw(Range<Int>)
        case decoded(String)
    }

    /// Plain values only, so that pushing and popping one costs no reference counting.
    private enum PathComponent {
        case name(StaticString)
        case key(Range<Int>)
        case decodedKey(Int)
        case index(Int)
    }

    private mutating func component(_ key: Key) -> PathComponent {
        switch key {
        case .raw(let range): return .key(range)
        case .decoded(let text):
            decodedKeys.append(text)
            return .decodedKey(decodedKeys.count - 1)
        }
    }

    private var pathText: String {
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
    private struct Cursor {
        var started = false
        var index = -1
    }

    /// Consumes `{`; then `nextMember` until it returns nil.
    private mutating func openObject() throws(AccountIndexError) -> Cursor {
        skipWhitespace()
        guard position < bytes.count, bytes[position] == UInt8(ascii: "{") else { throw typeError("an object") }
        position += 1
        return Cursor()
    }

    /// The next member's name, positioned at its value; nil after the closing `}`.
    private mutating func nextMember(_ cursor: inout Cursor) throws(AccountIndexError) -> Key? {
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
    private mutating func openArray() throws(AccountIndexError) -> Cursor {
        skipWhitespace()
        guard position < bytes.count, bytes[position] == UInt8(ascii: "[") else { throw typeError("an array") }
        position += 1
        return Cursor()
    }

    /// True when another element follows (the reader is at it), false after the closing `]`.
    private mutating func nextElement(_ cursor: inout Cursor) throws(AccountIndexError) -> Bool {
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
    private mutating func readNull() throws(AccountIndexError) -> Bool {
        skipWhitespace()
        guard position < bytes.count, bytes[position] == UInt8(ascii: "n") else { return false }
        try expectLiteral("null")
        return true
    }

    private mutating func readOptionalString(intern: Bool = false) throws(AccountIndexError) -> String? {
        if try readNull() { return nil }
        return try readString(intern: intern)
    }

    private mutating func readString(intern: Bool = false) throws(AccountIndexError) -> String {
        skipWhitespace()
        guard position < bytes.count, bytes[position] == UInt8(ascii: "\"") else { throw typeError("a string") }
        switch try readKey() {
        case .raw(let range): return makeString(range, intern: intern)
        case .decoded(let text): return text
        }
    }

    /// Reads a string token. Without escapes it stays a range of the input, so member names
    /// are matched without building a String.
    private mutating func readKey() throws(AccountIndexError) -> Key {
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

    private mutating func readEscapedString(from start: Int) throws(AccountIndexError) -> String {
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
    private mutating func readUnicodeEscape() throws(AccountIndexError) -> Character {
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

    private mutating func readHex4() throws(AccountIndexError) -> UInt32 {
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

    private mutating func makeString(_ range: Range<Int>, intern: Bool) -> String {
        let slice = UnsafeBufferPointer(rebasing: bytes[range])
        // Up to 15 UTF-8 bytes Swift stores a string inline: sharing would save nothing.
        let shares = intern && range.count > 15
        if shares, let shared = interner.string(for: slice) { return shared }
        // readKey has validated the bytes.
        let text = String(decoding: slice, as: UTF8.self)
        if shares { interner.add(text, for: slice) }
        return text
    }

    private func string(of key: Key) -> String {
        switch key {
        case .raw(let range): return String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
        case .decoded(let text): return text
        }
    }

    private func matches(_ key: Key, _ literal: StaticString) -> Bool {
        switch key {
        case .raw(let range):
            guard range.count == literal.utf8CodeUnitCount, let base = bytes.baseAddress else { return false }
            return memcmp(base + range.lowerBound, literal.utf8Start, range.count) == 0
        case .decoded(let text):
            return text == literal.description
        }
    }

    /// Skips one value of any type (members the index does not use).
    private mutating func skipValue(depth: Int) throws(AccountIndexError) {
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
    private mutating func skipNumber() throws(AccountIndexError) {
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

    private mutating func expectLiteral(_ literal: StaticString) throws(AccountIndexError) {
        let count = literal.utf8CodeUnitCount
        guard position + count <= bytes.count, let base = bytes.baseAddress,
              memcmp(base + position, literal.utf8Start, count) == 0 else {
            throw syntaxError("expected a value")
        }
        position += count
    }

    @inline(__always)
    private mutating func skipWhitespace() {
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
    private func syntaxError(_ detail: String) -> AccountIndexError {
        let (line, column) = lineAndColumn()
        let at = path.isEmpty ? "" : " (in \(pathText))"
        return .malformed("not valid JSON at line \(line), column \(column)\(at): \(detail)")
    }

    /// Well-formed JSON with a value of the wrong type where the index expects something.
    private func typeError(_ expected: String) -> AccountIndexError {
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

    private func lineAndColumn() -> (Int, Int) {
        var line = 1
        var lineStart = 0
        for index in 0..<min(position, bytes.count) where bytes[index] == 0x0A {
            line += 1
            lineStart = index + 1
        }
        return (line, position - lineStart + 1)
    }
}
