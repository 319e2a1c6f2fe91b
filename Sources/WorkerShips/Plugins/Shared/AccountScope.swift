import Starfleet
import StarfleetSchema

/// Resolves loaded account specifications (`IncludeAccounts`/`ExcludeAccounts` maps) to
/// account ids with the account index. No org-root rule: element-level scoping and overrides
/// only narrow what the top-level scope already tasked.
struct AccountScope: Sendable {
    let resolver: AccountResolver

    init(index: any AccountIndex, scopeToRegions: [String] = []) {
        resolver = AccountResolver(index: index, scopeToRegions: scopeToRegions)
    }

    /// The accounts of an `IncludeAccounts` spec (`AllAccounts` means every account).
    func included(_ spec: PayloadMap) -> Set<String> {
        if spec["all_accounts"]?.bool == true { return resolver.index.allAccounts }
        return resolver.accounts(matching: spec)
    }

    /// The accounts of an `ExcludeAccounts` spec.
    func excluded(_ spec: PayloadMap) -> Set<String> {
        resolver.accounts(matching: spec)
    }

    /// Whether an element with optional include/exclude specs applies to `account`, plus a
    /// warning when its include resolves to no account at all.
    func applies(include: PayloadMap?, exclude: PayloadMap?, to account: String) -> (applies: Bool, emptyInclude: Bool) {
        var applies = true
        var empty = false
        if let include {
            let accounts = included(include)
            empty = accounts.isEmpty
            applies = accounts.contains(account)
        }
        if applies, let exclude, !exclude.isEmpty, excluded(exclude).contains(account) {
            applies = false
        }
        return (applies, empty)
    }
}
