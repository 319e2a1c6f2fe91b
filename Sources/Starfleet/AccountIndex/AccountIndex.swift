/// Answers "which accounts" questions for payload resolution (SPEC §5.1).
///
/// Results are values (sets of account ids), never views into the index's storage (Q12).
public protocol AccountIndex: Sendable {
    var allAccounts: Set<String> { get }
    /// Management (organization root) account ids.
    var orgRoots: Set<String> { get }
    func accounts(byIds ids: Set<String>) -> Set<String>
    /// Case-insensitive account names; unknown names are dropped.
    func accounts(byNames names: Set<String>) -> Set<String>
    /// Case-insensitive tag name and value (Q5: the original ignores case despite its docs).
    func accounts(byTag name: String, value: String) -> Set<String>
    /// An OU id (`ou-…`, `r-…`) or name (`ROOT` included), case-insensitive. A name shared by
    /// several OUs gives the union of their accounts (Q3).
    func accounts(byOrgUnit unit: String) -> Set<String>
    /// An entry for every requested region; unknown regions map to an empty set.
    func accounts(byRegions regions: Set<String>) -> [String: Set<String>]
    func accountsForAllRegions() -> [String: Set<String>]
    /// For each of `accounts`, in the same order, its enabled regions that are among
    /// `regions`, sorted; unknown accounts get an empty list.
    func enabledRegions(of accounts: [String], among regions: Set<String>) -> [[String]]
    func name(of account: String) -> String?
    func tags(of account: String) -> [String: String]
    /// The account's OU names from the root down (`ROOT/Prod/Team-A` as a list); empty when unknown.
    func organizationalPath(of account: String) -> [String]
}

extension AccountIndex {
    /// An index without parent records has no paths.
    public func organizationalPath(of account: String) -> [String] { [] }

    /// Built from ``accounts(byRegions:)``; an index with a per-account region table answers faster.
    public func enabledRegions(of accounts: [String], among regions: Set<String>) -> [[String]] {
        var regionsByAccount: [String: [String]] = [:]
        for (region, members) in self.accounts(byRegions: regions) {
            for account in members { regionsByAccount[account, default: []].append(region) }
        }
        return accounts.map { (regionsByAccount[$0] ?? []).sorted() }
    }
}
