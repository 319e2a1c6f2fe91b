import Foundation

/// The index built from the generator's JSON document (`StarfleetDefaultAccountIndex`).
public struct DefaultAccountIndex: AccountIndex {
    public let document: AccountIndexDocument
    public let allAccounts: Set<String>
    public let orgRoots: Set<String>
    private let idsByLowercasedName: [String: Set<String>]
    private let namesById: [String: String]
    private let accountsByRegion: [String: Set<String>]
    /// lowercased tag name → lowercased value → ids.
    private let accountsByTag: [String: [String: Set<String>]]
    private let tagsById: [String: [String: String]]
    /// OU ids and OU names are kept apart (the original mixed them, Q3).
    private let accountsByUnitId: [String: Set<String>]
    private let accountsByUnitName: [String: Set<String>]

    public init(data: Data) throws(AccountIndexError) {
        try self.init(document: AccountIndexDocument.decode(data))
    }

    public init(document: AccountIndexDocument) throws(AccountIndexError) {
        guard !document.accounts.isEmpty else { throw .empty }
        self.document = document
        var all = Set<String>()
        var byName: [String: Set<String>] = [:]
        var names: [String: String] = [:]
        var byRegion: [String: Set<String>] = [:]
        var byTag: [String: [String: Set<String>]] = [:]
        var tags: [String: [String: String]] = [:]
        var byUnitId: [String: Set<String>] = [:]
        var byUnitName: [String: Set<String>] = [:]
        var roots = Set<String>()
        all.reserveCapacity(document.accounts.count)
        for (key, record) in document.accounts {
            let id = record.id.isEmpty ? key : record.id
            all.insert(id)
            if let name = record.name {
                names[id] = name
                byName[name.lowercased(), default: []].insert(id)
            }
            for region in record.regions { byRegion[region, default: []].insert(id) }
            tags[id] = record.tags
            for (tagName, tagValue) in record.tags {
                byTag[tagName.lowercased(), default: [:]][tagValue.lowercased(), default: []].insert(id)
            }
            for parent in record.parents {
                byUnitId[parent.id.lowercased(), default: []].insert(id)
                byUnitName[parent.name.lowercased(), default: []].insert(id)
            }
            if let arn = record.arn, let root = Self.managementAccount(fromArn: arn) { roots.insert(root) }
        }
        self.allAccounts = all
        self.idsByLowercasedName = byName
        self.namesById = names
        self.accountsByRegion = byRegion
        self.accountsByTag = byTag
        self.tagsById = tags
        self.accountsByUnitId = byUnitId
        self.accountsByUnitName = byUnitName
        self.orgRoots = roots
    }

    /// `arn:<partition>:organizations::<management id>:account/o-…/<id>` → management id
    /// (any partition; the original assumed `aws` and looked at one account only, Q10).
    static func managementAccount(fromArn arn: String) -> String? {
        let parts = arn.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count >= 6, parts[0] == "arn", parts[2] == "organizations", !parts[4].isEmpty else { return nil }
        return String(parts[4])
    }

    public var generated: String? { document.generated }

    public func accounts(byIds ids: Set<String>) -> Set<String> { ids.intersection(allAccounts) }

    public func accounts(byNames names: Set<String>) -> Set<String> {
        var result = Set<String>()
        for name in names { result.formUnion(idsByLowercasedName[name.lowercased()] ?? []) }
        return result
    }

    public func accounts(byTag name: String, value: String) -> Set<String> {
        accountsByTag[name.lowercased()]?[value.lowercased()] ?? []
    }

    public func accounts(byOrgUnit unit: String) -> Set<String> {
        let key = unit.lowercased()
        return (accountsByUnitId[key] ?? []).union(accountsByUnitName[key] ?? [])
    }

    public func accounts(byRegions regions: Set<String>) -> [String: Set<String>] {
        var result: [String: Set<String>] = [:]
        for region in regions { result[region] = accountsByRegion[region] ?? [] }
        return result
    }

    public func accountsForAllRegions() -> [String: Set<String>] { accountsByRegion }

    public func name(of account: String) -> String? { namesById[account] }

    public func tags(of account: String) -> [String: String] { tagsById[account] ?? [:] }

    /// Org units seen in the index: id → name.
    public var organizationalUnits: [String: String] {
        var units: [String: String] = [:]
        for record in document.accounts.values {
            for parent in record.parents { units[parent.id] = parent.name }
        }
        return units
    }
}
