import Foundation
import Starfleet
import StarfleetSchema
import StarfleetTUI

public struct FleetState: Hashable, Sendable {
    public var snapshot: FleetSnapshot?
    /// Why the configuration could not be read at all.
    public var loadError: String?
    public var isLoading: Bool = true
    public var list = ListState()
    /// Each ship's queue and dead-letter depth, by ship name; absent: not read (yet) or unreachable.
    public var queueDepths: [String: QueueDepth] = [:]
    /// When the depths were last asked for; a read in flight is not asked for again.
    public var queueDepthsRequested: Date?
    public var queueDepthsInFlight = false

    public init() {}

    /// Ships matching the filter.
    public var visibleShips: [ShipRow] {
        let ships = snapshot?.ships ?? []
        let filter = list.filter
        guard !filter.isEmpty else { return ships }
        return ships.filter {
            TextSearch.contains($0.name, filter) || TextSearch.contains($0.state.label, filter)
                || TextSearch.contains($0.strategy.rawValue, filter)
        }
    }

    public var selectedShip: ShipRow? {
        let ships = visibleShips
        return list.index(in: ships.count).map { ships[$0] }
    }
}
