import Starfleet
import StarfleetSchema

/// Two overrides claim the same (account, region) (SPEC-SHIPS §2.3).
public struct DuplicatePayloadError: Error, Sendable, CustomStringConvertible {
    public let account: String
    public let region: String
    /// The second matching override, as loaded.
    public let override: PayloadMap

    public var description: String {
        "[🔥] This account/region: \(account)/\(region) has more than 1 override defined: "
            + "\(JSONWriter(indent: 0, sortKeys: true).string(.map(override))). Can't continue!"
    }
}

/// Picks the config block for one (account, region): the single matching override, or the
/// default. The chosen block replaces the default entirely.
enum AwsConfigBlockChoice {
    struct Choice {
        let block: PayloadMap
        /// 0-based position in `AccountOverrideConfigurations`, nil for the default.
        let overrideIndex: Int?
    }

    static func choose(payload: Payload, account: String, region: String, index: any AccountIndex,
                       scopeToRegions: [String]) throws(DuplicatePayloadError) -> Choice {
        let resolver = AccountResolver(index: index, scopeToRegions: scopeToRegions)
        var match: Choice?
        for (position, item) in (payload["account_override_configurations"]?.list ?? []).enumerated() {
            guard let override = item.map else { continue }
            // Include − Exclude accounts (no org-root filter), regions limited to the enabled
            // ones of each account and to ScopeToRegions.
            let pairs = resolver.accountRegions(for: Payload(override), orgRootCheck: false)
            guard pairs[account]?.contains(region) == true else { continue }
            if match != nil {
                throw DuplicatePayloadError(account: account, region: region, override: override)
            }
            match = Choice(block: override, overrideIndex: position)
        }
        return match ?? Choice(block: payload.map("default_configuration") ?? [:], overrideIndex: nil)
    }
}
