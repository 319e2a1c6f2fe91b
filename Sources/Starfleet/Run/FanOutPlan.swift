import StarfleetSchema

/// What the Starbase would task for a payload, computed without sending anything.
public struct FanOutPlan: Sendable, Equatable {
    public struct Target: Sendable, Equatable {
        public let accountId: String
        public let accountName: String?
        /// Empty for ACCOUNT ships.
        public let regions: [String]
        /// The account's tags in the index (the console's targets table shows and filters them).
        public var tags: [String: String] = [:]
        /// The account's OU path from the root (`ROOT/Prod/Team-A`), empty when the index has none.
        public var orgPath: String = ""
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
                Target(accountId: $0, accountName: resolver.index.name(of: $0), regions: [], tags: resolver.index.tags(of: $0),
                       orgPath: resolver.index.organizationalPath(of: $0).joined(separator: "/"))
            }
            return FanOutPlan(strategy: strategy, targets: targets)
        default:
            let targets = resolver.regionTargets(for: payload).map {
                Target(accountId: $0.account, accountName: resolver.index.name(of: $0.account), regions: $0.regions,
                       tags: resolver.index.tags(of: $0.account),
                       orgPath: resolver.index.organizationalPath(of: $0.account).joined(separator: "/"))
            }
            return FanOutPlan(strategy: strategy, targets: targets)
        }
    }

    /// The document `starfleet fanout --format json` prints, as UTF-8 (rendered target by
    /// target: a plan can hold 160,000 invocations).
    public func json(ship: String, writer: JSONWriter = JSONWriter()) -> [UInt8] {
        var head = PayloadMap()
        head["ship"] = .string(ship)
        head["fan_out_strategy"] = .string(strategy.rawValue)
        head["invocations"] = .int(invocationCount)
        // ~30 bytes per region line, ~100 per target around them.
        return writer.bytes(head, thenList: "targets", count: targets.count, item: { jsonValue(of: targets[$0]) },
                            estimatedSize: 30 * invocationCount + 100 * targets.count + 200)
    }

    private func jsonValue(of target: Target) -> PayloadValue {
        var entry = PayloadMap()
        entry["account_id"] = .string(target.accountId)
        entry["account_name"] = target.accountName.map(PayloadValue.string) ?? .null
        if strategy == .accountRegion { entry["regions"] = .list(target.regions.map(PayloadValue.string)) }
        return .map(entry)
    }
}
