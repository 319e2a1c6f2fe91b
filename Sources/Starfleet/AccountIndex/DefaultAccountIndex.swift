import Foundation

/// The index built from the generator's JSON document (`StarfleetDefaultAccountIndex`).
///
/// Accounts are numbered by their position in ascending id order; the lookup maps hold
/// ``AccountSet`` bitsets over those numbers and each account's enabled regions are bits over
/// the index's sorted region list, so resolving a payload over 10,000 accounts combines a few
/// hundred words instead of hashing every id (see `starfleet-bench --index`).
public struct DefaultAccountIndex: AccountIndex {
    public let allAccounts: Set<String>
    public let orgRoots: Set<String>
    public let generated: String?
    /// Account ids in ascending order; an id's position is its ordinal.
    private let ids: [String]
    private let ordinals: [String: Int]
    /// The records in ordinal order.
    private let records: [AccountRecord]
    /// lowercased tag name → lowercased value → accounts.
    private let accountsByTag: [String: [String: AccountSet]]
    /// OU ids and OU names are kept apart (the original mixed them, Q3); both lowercased.
    private let accountsByUnitId: [String: AccountSet]
    private let accountsByUnitName: [String: AccountSet]
    /// Every region some account has enabled, sorted; bit `i` of a region mask is `regionNames[i]`.
    private let regionNames: [String]
    /// `regionWordsPerAccount` words per account, in ordinal order.
    private let regionBits: [UInt64]
    private let regionWordsPerAccount: Int
    /// Each account's regions as the index lists them, for ``document``: positions in
    /// `listedRegionNames`, account `i`'s at `listedRegionSlots[listedRegionRanges[i]]`.
    private let listedRegionNames: [String]
    private let listedRegionSlots: [UInt16]
    private let listedRegionRanges: [Range<Int>]

    public init(data: Data) throws(AccountIndexError) {
        try self.init(contents: AccountIndexJSONReader.read(data))
    }

    public init(document: AccountIndexDocument) throws(AccountIndexError) {
        try self.init(contents: AccountIndexContents(document: document))
    }

    /// The accounts as a document (keyed by id).
    public var document: AccountIndexDocument {
        var accounts: [String: AccountRecord] = [:]
        for ordinal in ids.indices {
            var record = records[ordinal]
            record.regions = listedRegionSlots[listedRegionRanges[ordinal]].map { listedRegionNames[Int($0)] }
            accounts[ids[ordinal]] = record
        }
        return AccountIndexDocument(accounts: accounts, generated: generated)
    }

    init(contents: AccountIndexContents) throws(AccountIndexError) {
        guard !contents.records.isEmpty else { throw .empty }
        generated = contents.generated

        // Ordinals: ascending id; of two entries for one id, the later one counts.
        let idOf = contents.records.indices.map { contents.records[$0].id.isEmpty ? contents.keys[$0] : contents.records[$0].id }
        // The generator writes accounts sorted by id: then the records are taken as they are.
        let alreadySorted = zip(idOf, idOf.dropFirst()).allSatisfy { $0 < $1 }
        var kept = Array(contents.records.indices)
        if !alreadySorted {
            let order = kept.sorted { idOf[$0] < idOf[$1] || (idOf[$0] == idOf[$1] && $0 < $1) }
            kept.removeAll(keepingCapacity: true)
            for position in order {
                if let last = kept.last, idOf[last] == idOf[position] { kept[kept.count - 1] = position } else { kept.append(position) }
            }
        }
        let ids = alreadySorted ? idOf : kept.map { idOf[$0] }
        let records = alreadySorted ? contents.records : kept.map { contents.records[$0] }
        let count = ids.count
        self.ids = ids
        self.records = records
        self.allAccounts = Set(ids)
        var ordinals: [String: Int] = [:]
        ordinals.reserveCapacity(count)
        for (ordinal, id) in ids.enumerated() { ordinals[id] = ordinal }
        self.ordinals = ordinals

        var rawTags: [String: [String: AccountSet]] = [:]
        var rawUnitIds: [String: AccountSet] = [:]
        var rawUnitNames: [String: AccountSet] = [:]
        var roots = Set<String>()
        var lastArnPrefix = ""
        for ordinal in records.indices {
            for (name, value) in records[ordinal].tags {
                rawTags[name, default: [:]][value, default: AccountSet(capacity: count)].insert(ordinal)
            }
            for parent in records[ordinal].parents {
                rawUnitIds[parent.id, default: AccountSet(capacity: count)].insert(ordinal)
                rawUnitNames[parent.name, default: AccountSet(capacity: count)].insert(ordinal)
            }
            // Every account of an organization names the same management account: parse each distinct ARN prefix once.
            if let arn = records[ordinal].arn, lastArnPrefix.isEmpty || !arn.hasPrefix(lastArnPrefix),
               let root = Self.managementAccount(fromArn: arn) {
                roots.insert(root)
                lastArnPrefix = Self.arnPrefix(arn)
            }
        }
        self.orgRoots = roots

        var byTag: [String: [String: AccountSet]] = [:]
        for (name, values) in rawTags {
            for (value, members) in values {
                byTag[name.lowercased(), default: [:]][value.lowercased(), default: AccountSet(capacity: count)].formUnion(members)
            }
        }
        self.accountsByTag = byTag
        var byUnitId: [String: AccountSet] = [:]
        var byUnitName: [String: AccountSet] = [:]
        for (id, members) in rawUnitIds { byUnitId[id.lowercased(), default: AccountSet(capacity: count)].formUnion(members) }
        for (name, members) in rawUnitNames { byUnitName[name.lowercased(), default: AccountSet(capacity: count)].formUnion(members) }
        self.accountsByUnitId = byUnitId
        self.accountsByUnitName = byUnitName

        // The reader numbered regions in order of appearance; renumber them in name order so
        // that walking an account's bits yields its regions sorted.
        let slotsByName = contents.regionNames.indices.sorted { contents.regionNames[$0] < contents.regionNames[$1] }
        let regionNames = slotsByName.map { contents.regionNames[$0] }
        var bitOfSlot = Array(repeating: 0, count: slotsByName.count)
        for (bit, slot) in slotsByName.enumerated() { bitOfSlot[slot] = bit }
        let words = max(1, (regionNames.count + 63) / 64)
        var bits = Array(repeating: UInt64(0), count: words * count)
        for (ordinal, position) in kept.enumerated() {
            for slot in contents.regionSlots[contents.regionSlotRange(ofRecord: position)] {
                let bit = bitOfSlot[Int(slot)]
                bits[ordinal * words + bit >> 6] |= 1 << UInt64(bit & 63)
            }
        }
        self.regionNames = regionNames
        self.regionBits = bits
        self.regionWordsPerAccount = words
        self.listedRegionNames = contents.regionNames
        self.listedRegionSlots = contents.regionSlots
        self.listedRegionRanges = kept.map(contents.regionSlotRange(ofRecord:))
    }

    /// `arn:<partition>:organizations::<management id>:account/o-…/<id>` → management id
    /// (any partition; the original assumed `aws` and looked at one account only, Q10).
    static func managementAccount(fromArn arn: String) -> String? {
        let parts = arn.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count >= 6, parts[0] == "arn", parts[2] == "organizations", !parts[4].isEmpty else { return nil }
        return String(parts[4])
    }

    /// The ARN up to and including the colon after the management account id.
    private static func arnPrefix(_ arn: String) -> String {
        var colons = 0
        for index in arn.indices where arn[index] == ":" {
            colons += 1
            if colons == 5 { return String(arn[...index]) }
        }
        return arn
    }

    private func ids(in set: AccountSet) -> Set<String> {
        var result = Set<String>(minimumCapacity: set.count)
        for ordinal in set.ordinals { result.insert(ids[ordinal]) }
        return result
    }

    public func accounts(byIds ids: Set<String>) -> Set<String> { ids.intersection(allAccounts) }

    public func accounts(byNames names: Set<String>) -> Set<String> {
        let wanted = Set(names.map { $0.lowercased() })
        guard !wanted.isEmpty else { return [] }
        var result = Set<String>()
        for (ordinal, record) in records.enumerated() {
            if let name = record.name, wanted.contains(name.lowercased()) { result.insert(ids[ordinal]) }
        }
        return result
    }

    public func accounts(byTag name: String, value: String) -> Set<String> {
        accountsByTag[name.lowercased()]?[value.lowercased()].map(ids(in:)) ?? []
    }

    public func accounts(byOrgUnit unit: String) -> Set<String> {
        let key = unit.lowercased()
        var members = accountsByUnitId[key] ?? AccountSet(capacity: ids.count)
        if let named = accountsByUnitName[key] { members.formUnion(named) }
        return ids(in: members)
    }

    public func accounts(byRegions regions: Set<String>) -> [String: Set<String>] {
        var result: [String: Set<String>] = [:]
        for region in regions { result[region] = [] }
        for (bit, region) in regionNames.enumerated() where regions.contains(region) {
            var members = Set<String>()
            for ordinal in ids.indices where regionBits[ordinal * regionWordsPerAccount + bit >> 6] & (1 << UInt64(bit & 63)) != 0 {
                members.insert(ids[ordinal])
            }
            result[region] = members
        }
        return result
    }

    public func accountsForAllRegions() -> [String: Set<String>] { accounts(byRegions: Set(regionNames)) }

    public func enabledRegions(of accounts: [String], among regions: Set<String>) -> [[String]] {
        var wanted = Array(repeating: UInt64(0), count: regionWordsPerAccount)
        for (bit, region) in regionNames.enumerated() where regions.contains(region) { wanted[bit >> 6] |= 1 << UInt64(bit & 63) }
        return accounts.map { account in
            guard let ordinal = ordinals[account] else { return [] }
            var enabled: [String] = []
            for word in 0..<regionWordsPerAccount {
                var remaining = regionBits[ordinal * regionWordsPerAccount + word] & wanted[word]
                while remaining != 0 {
                    enabled.append(regionNames[word << 6 + remaining.trailingZeroBitCount])
                    remaining &= remaining - 1
                }
            }
            return enabled
        }
    }

    public func name(of account: String) -> String? { ordinals[account].flatMap { records[$0].name } }

    public func tags(of account: String) -> [String: String] { ordinals[account].map { records[$0].tags } ?? [:] }

    /// Parent records list the nearest OU first; the path reads from the root.
    public func organizationalPath(of account: String) -> [String] {
        ordinals[account].map { records[$0].parents.reversed().map(\.name) } ?? []
    }

    /// Org units seen in the index: id → name.
    public var organizationalUnits: [String: String] {
        var units: [String: String] = [:]
        for record in records {
            for parent in record.parents { units[parent.id] = parent.name }
        }
        return units
    }
}
