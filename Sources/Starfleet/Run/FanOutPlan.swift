/// What the Starbase would task for a payload, computed without sending anything.
public struct FanOutPlan: Sendable, Equatable {
    public struct Target: Sendable, Equatable {
        public let accountId: String
        public let accountName: String?
        /// Empty for ACCOUNT ships.
        public let regions: [String]
    }

    public let strategy: FanOutStrategy
    /// Sorted by account id; empty for SINGLE_INVOCATION.
    public let targets: [Target]

    /// The number of invocations the Starbase would send.
    public var invocationCount: Int {
        switch strategy {
        case .singleInvocation: return 1
        case .account: return targets.count
        case .accountRegion: return targets.reduce(0) { $0 + $1.regions.count }
        }
    }

    public static func make(strategy: FanOutStrategy, payload: Payload, resolver: AccountResolver?) -> FanOutPlan {
        guard let resolver, strategy != .singleInvocation else { return FanOutPlan(strategy: strategy, targets: []) }
        switch strategy {
        case .account:
            let targets = resolver.accounts(for: payload).sorted().map {
                Target(accountId: $0, accountName: resolver.index.name(of: $0), regions: [])
            }
            return FanOutPlan(strategy: strategy, targets: targets)
        default:
            let targets = resolver.accountRegions(for: payload).sorted { $0.key < $1.key }.map {
                Target(accountId: $0.key, accountName: resolver.index.name(of: $0.key), regions: $0.value.sorted())
            }
            return FanOutPlan(strategy: strategy, targets: targets)
        }
    }
}
