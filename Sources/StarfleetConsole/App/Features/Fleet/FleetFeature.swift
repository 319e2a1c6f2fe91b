import Foundation
import Starfleet
import StarfleetTUI

/// Home: the ships, the configuration they were read from, and opening one.
enum FleetFeature: ConsoleFeature {
    static func reduce(_ action: Action, _ state: inout AppState) -> [Effect] {
        switch action {
        case .configurationLoaded(let snapshot):
            state.fleet.snapshot = snapshot
            state.fleet.loadError = nil
            state.fleet.isLoading = false
            state.fleet.list.clamp(count: state.fleet.visibleShips.count)
            if !snapshot.warnings.isEmpty { state.showFlash(snapshot.warnings.joined(separator: "; "), .warning) }
            state.fleet.queueDepths = [:]
            state.fleet.queueDepthsInFlight = false
            return requestQueueDepths(&state)
        case .queueDepthsRead(let depths):
            state.fleet.queueDepths = depths
            state.fleet.queueDepthsInFlight = false
        case .configurationFailed(let message):
            state.fleet.loadError = message
            state.fleet.isLoading = false
            state.showFlash(message, .error)
        default:
            break
        }
        return []
    }

    /// How often the fleet view re-reads queue depths.
    static let queueDepthInterval: TimeInterval = 15

    /// Asks for every enabled ship's queue depth (never blocks: the runtime answers with an action).
    static func requestQueueDepths(_ state: inout AppState) -> [Effect] {
        let queues = (state.fleet.snapshot?.ships ?? []).reduce(into: [String: String]()) { queues, ship in
            if ship.state == .enabled, let url = ship.queueURL { queues[ship.name] = url }
        }
        guard !queues.isEmpty, !state.fleet.queueDepthsInFlight else { return [] }
        state.fleet.queueDepthsInFlight = true
        state.fleet.queueDepthsRequested = state.now
        return [.readQueueDepths(queues)]
    }

    /// On the clock: refresh while the fleet view is shown, every `queueDepthInterval`.
    static func refreshQueueDepthsIfDue(_ state: inout AppState) -> [Effect] {
        guard state.screen == .fleet, let last = state.fleet.queueDepthsRequested,
              state.now.timeIntervalSince(last) >= queueDepthInterval else { return [] }
        return requestQueueDepths(&state)
    }

    static func perform(_ command: ConsoleCommand, _ state: inout AppState) -> [Effect] {
        switch command {
        case .openShip: return openShip(&state)
        case .reloadConfiguration: return reload(&state)
        case .move(let motion):
            state.fleet.list.move(motion, count: state.fleet.visibleShips.count,
                                  visible: ConsoleLayout(state).listVisibleRows)
            return []
        default: return []
        }
    }

    static func filter(in state: AppState) -> String? { state.fleet.list.filter }

    static func setFilter(_ text: String, _ state: inout AppState) { state.fleet.list.setFilter(text) }

    static func openShip(_ state: inout AppState) -> [Effect] {
        guard let ship = state.fleet.selectedShip else { return [] }
        if ship.state == .invalid {
            state.shipErrors.scroll = 0
            state.push(.shipErrors(ship.name))
            return []
        }
        let start = state.payloadRoot ?? state.payloadDirectory
        state.picker = PickerState(ship: ship.name, directory: start)
        state.push(.picker)
        return PickerFeature.listDirectory(&state, start, preferShip: true)
    }

    /// Re-reads the configuration, and the open payload with it (its validation may change).
    static func reload(_ state: inout AppState) -> [Effect] {
        state.fleet.isLoading = true
        var effects: [Effect] = [.loadConfiguration]
        if var inspector = state.inspector, state.screens.contains(.inspector) {
            inspector.requestID = state.nextID()
            state.inspector = inspector
            effects.append(.openPayload(requestID: inspector.requestID, ship: inspector.ship, origin: inspector.origin))
        }
        state.showFlash("Reloading the configuration…")
        return effects
    }
}
