/// What ``AccountIndexJSONReader`` read: the accounts in document order (`keys[i]` is the
/// member name of `records[i]`) and their regions as positions in `regionNames`
/// (`regionSlots[regionSlotEnds[i - 1] ..< regionSlotEnds[i]]`). The records' own `regions`
/// are left empty: ``document`` fills them in.
struct AccountIndexContents {
    var keys: [String]
    var records: [AccountRecord]
    var generated: String?
    var regionNames: [String]
    var regionSlots: [UInt16]
    var regionSlotEnds: [Int]
    /// How many of the accounts another thread read (see ``AccountIndexSecondHalf``).
    var accountsReadInParallel = 0

    func regionSlotRange(ofRecord position: Int) -> Range<Int> {
        (position == 0 ? 0 : regionSlotEnds[position - 1])..<regionSlotEnds[position]
    }

    func regions(ofRecord position: Int) -> [String] {
        regionSlots[regionSlotRange(ofRecord: position)].map { regionNames[Int($0)] }
    }

    /// The same, for a document built in code (tests, scaffolds): regions numbered by hashing.
    init(document: AccountIndexDocument) {
        var slotOfRegion: [String: Int] = [:]
        var names: [String] = []
        var slots: [UInt16] = []
        var ends: [Int] = []
        keys = []
        records = []
        for (key, record) in document.accounts {
            keys.append(key)
            var withoutRegions = record
            withoutRegions.regions = []
            records.append(withoutRegions)
            for region in record.regions {
                let slot = slotOfRegion[region] ?? names.count
                if slot == names.count {
                    slotOfRegion[region] = slot
                    names.append(region)
                }
                slots.append(UInt16(truncatingIfNeeded: slot))
            }
            ends.append(slots.count)
        }
        generated = document.generated
        regionNames = names
        regionSlots = slots
        regionSlotEnds = ends
    }

    init(keys: [String], records: [AccountRecord], generated: String?, regionNames: [String], regionSlots: [UInt16],
         regionSlotEnds: [Int]) {
        self.keys = keys
        self.records = records
        self.generated = generated
        self.regionNames = regionNames
        self.regionSlots = regionSlots
        self.regionSlotEnds = regionSlotEnds
    }

    /// As a document: later members win over earlier ones with the same name, as in a dictionary.
    var document: AccountIndexDocument {
        var accounts: [String: AccountRecord] = [:]
        accounts.reserveCapacity(records.count)
        for position in records.indices {
            var record = records[position]
            record.regions = regions(ofRecord: position)
            accounts[keys[position]] = record
        }
        return AccountIndexDocument(accounts: accounts, generated: generated)
    }
}
