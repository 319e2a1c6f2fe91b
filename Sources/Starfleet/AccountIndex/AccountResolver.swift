import StarfleetSchema

/// Turns a loaded account (or account-region) payload into the accounts and regions it
/// targets (SPEC §5.4). Exclusion always wins; the org root is included only on request.
public struct AccountResolver: Sendable {
    public let index: any AccountIndex
    /// `STARFLEET.ScopeToRegions`: when non-empty, only these regions are ever targeted.
    public let scopeToRegions: Set<String>

    public init(index: any AccountIndex, scopeToRegions: some Sequence<String> = []) {
        self.index = index
        self.scopeToRegions = Set(scopeToRegions)
    }

    /// The union of ByIds, ByNames, each OU and each tag pair of an account specification.
    public func accounts(matching spec: PayloadMap) -> Set<String> {
        var result = index.accounts(byIds: Set(spec["by_ids"]?.strings ?? []))
        result.formUnion(index.accounts(byNames: Set(spec["by_names"]?.strings ?? [])))
        for unit in Set(spec["by_org_units"]?.strings ?? []) {
            result.formUnion(index.accounts(byOrgUnit: unit))
        }
        for tag in spec["by_tags"]?.list ?? [] {
            guard let name = tag["name"]?.string, let value = tag["value"]?.string else { continue }
            result.formUnion(index.accounts(byTag: name, value: value))
        }
        return result
    }

    public func includedAccounts(_ payload: Payload) -> Set<String> {
        guard let include = payload.map("include_accounts") else { return [] }
        if include["all_accounts"]?.bool == true { return index.allAccounts }
        return accounts(matching: include)
    }

    /// Include minus exclude, without the org-root rule.
    public func includedMinusExcluded(_ payload: Payload) -> Set<String> {
        var result = includedAccounts(payload)
        if let exclude = payload.map("exclude_accounts"), !exclude.isEmpty {
            result.subtract(accounts(matching: exclude))
        }
        return result
    }

    /// The accounts an ACCOUNT ship is tasked in.
    public func accounts(for payload: Payload) -> Set<String> {
        var result = includedMinusExcluded(payload)
        if payload.bool("operate_in_org_root") != true { result.subtract(index.orgRoots) }
        return result
    }

    /// The regions of each account an ACCOUNT_REGION ship is tasked in, by account id (ascending),
    /// regions sorted. Every resolved account is listed, possibly without regions (none of the
    /// requested ones is enabled there).
    public func regionTargets(for payload: Payload, orgRootCheck: Bool = true) -> [AccountRegionTarget] {
        let accounts = (orgRootCheck ? accounts(for: payload) : includedMinusExcluded(payload)).sorted()
        var regions = payload["include_regions"]?.stringSet ?? []
        if let exclude = payload["exclude_regions"]?.stringSet { regions.subtract(exclude) }
        if !scopeToRegions.isEmpty { regions.formIntersection(scopeToRegions) }
        let enabled = index.enabledRegions(of: accounts, among: regions)
        return zip(accounts, enabled).map { AccountRegionTarget(account: $0, regions: $1) }
    }

    /// ``regionTargets(for:orgRootCheck:)`` as a map: account → its regions.
    public func accountRegions(for payload: Payload, orgRootCheck: Bool = true) -> [String: Set<String>] {
        Dictionary(uniqueKeysWithValues: regionTargets(for: payload, orgRootCheck: orgRootCheck).map { ($0.account, Set($0.regions)) })
    }
}

/// One account of an ACCOUNT_REGION fan-out and the regions it is tasked in.
public struct AccountRegionTarget: Sendable, Equatable {
    public let account: String
    /// Sorted.
    public let regions: [String]

    public init(account: String, regions: [String]) {
        self.account = account
        self.regions = regions
    }
}
