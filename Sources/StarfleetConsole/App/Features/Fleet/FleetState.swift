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
