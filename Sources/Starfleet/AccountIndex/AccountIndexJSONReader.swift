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
    let bytes: UnsafeBufferPointer<UInt8>
    var position = 0
    /// Where the reader is, for error messages (`accounts.<id>.<field>.<element>`); kept as
    /// ranges and numbers so that the happy path builds no strings for it.
    var path: [PathComponent] = []
    /// Member names that had escapes, referenced from `path` by position.
    var decodedKeys: [String] = []
    /// OU ids and names (and other long strings) repeat across thousands of accounts; sharing
    /// one copy of each saves an allocation per repetition.
    var interner = StringTable()

    /// Documents nested deeper than this (only possible in unknown keys) are refused rather
    /// than risking the stack.
    static let maximumDepth = 512

    /// Distinct regions in order of first appearance.
    var regionTable = StringTable()
    var regionSlots: [UInt16] = []
    var regionSlotEnds: [Int] = []
    /// Another thread reading the second half of the accounts, if the document is large.
    var secondHalf: AccountIndexSecondHalf?
    var accountsReadInParallel = 0

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

    init(bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    // MARK: The document's shape

    mutating func readDocument() throws(AccountIndexError) -> AccountIndexContents {
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

    mutating func readAccounts() throws(AccountIndexError) -> (keys: [String], records: [AccountRecord]) {
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
    mutating func readAccountMembers(_ members: inout Cursor, keys: inout [String], records: inout [AccountRecord]) throws(AccountIndexError) {
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
    func nextMemberStart() -> Int? {
        func isWhitespace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 }
        var next = position
        while next < bytes.count, isWhitespace(bytes[next]) { next += 1 }
        guard next < bytes.count, bytes[next] == UInt8(ascii: ",") else { return nil }
        next += 1
        while next < bytes.count, isWhitespace(bytes[next]) { next += 1 }
        return next
    }

    /// Adds the other thread's accounts, renumbering its regions into this reader's table.
    mutating func append(_ accounts: AccountIndexSecondHalf.Accounts, keys: inout [String], records: inout [AccountRecord]) throws(AccountIndexError) {
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
    enum AccountField {
        case id, arn, email, name, status, joinedMethod, joinedTimestamp, tags, parents, regions
    }

    func accountField(_ key: Key) -> AccountField? {
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

    mutating func readAccount() throws(AccountIndexError) -> AccountRecord {
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

    mutating func readParents() throws(AccountIndexError) -> [ParentRecord] {
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

    mutating func readTags() throws(AccountIndexError) -> [String: String] {
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
    mutating func readRegions() throws(AccountIndexError) {
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
}
