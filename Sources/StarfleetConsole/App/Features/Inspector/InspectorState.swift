import Foundation
import Starfleet
import StarfleetSchema
import StarfleetTUI

/// The account (and region) a fanned-out ship runs in.
public struct RunTarget: Hashable, Sendable {
    public var accountId: String
    public var accountName: String?
    public var region: String?

    public init(accountId: String, accountName: String? = nil, region: String? = nil) {
        self.accountId = accountId
        self.accountName = accountName
        self.region = region
    }

    public var display: String {
        "\(accountId)\(accountName.map { " (\($0))" } ?? "")\(region.map { " / \($0)" } ?? "")"
    }
}

public struct FanOutRow: Hashable, Sendable {
    public var accountId: String
    public var accountName: String?
    public var region: String?
    /// `key=value` pairs sorted by key.
    public var tags: String = ""
    /// The OU path from the root (`ROOT/Prod/Team-A`).
    public var orgPath: String = ""

    /// What a mark remembers: the target, whatever the filter shows.
    public var key: String { accountId + "/" + (region ?? "") }
}

public struct FanOutState: Hashable, Sendable {
    public var isLoading: Bool = false
    public var error: String?
    public var rows: [FanOutRow] = []
    public var invocationCount: Int = 0
    public var list = ListState()
    /// Marked rows (by `FanOutRow.key`): `d` dry-runs all of them. Kept when the filter changes.
    public var marked: Set<String> = []

    public init() {}

    public var visibleRows: [FanOutRow] {
        let filter = list.filter
        guard !filter.isEmpty else { return rows }
        return rows.filter {
            TextSearch.contains($0.accountId, filter) || TextSearch.contains($0.accountName ?? "", filter)
                || TextSearch.contains($0.region ?? "", filter) || TextSearch.contains($0.tags, filter)
                || TextSearch.contains($0.orgPath, filter)
        }
    }
}

public struct InspectorState: Hashable, Sendable {
    public enum Tab: Hashable, Sendable { case payload, fanOut }
    public enum Side: Hashable, Sendable { case source, loaded }

    public var ship: String
    public var strategy: FanOutStrategy
    public var origin: PayloadOrigin
    public var document: PayloadDocument?
    public var error: String?
    public var requestID: Int
    public var tab: Tab = .payload
    public var focus: Side = .source
    public var sourceCursor: Int = 0
    public var sourceScroll: Int = 0
    public var loadedCursor: Int = 0
    public var loadedScroll: Int = 0
    public var fanOut = FanOutState()
    public var target: RunTarget?
    /// Text highlighted on both sides (`/` in the payload tab).
    public var highlight: String = ""
    /// Both panes wrap long lines (`w`); else each scrolls sideways (←/→ on the focused side).
    public var wraps = false
    public var sourceColumn = 0
    public var loadedColumn = 0

    public init(ship: String, strategy: FanOutStrategy, origin: PayloadOrigin, requestID: Int) {
        self.ship = ship
        self.strategy = strategy
        self.origin = origin
        self.requestID = requestID
    }

    public var needsTarget: Bool { strategy != .singleInvocation }
}
