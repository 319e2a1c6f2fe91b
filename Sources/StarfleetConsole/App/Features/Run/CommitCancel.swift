import Foundation
import Starfleet
import StarfleetTUI

/// Where cancelling a running commit stands: `x` asks first, the second `x` sends SIGTERM and
/// waits for the ship's safe point, a third asks before SIGKILL, a fourth kills.
public enum CommitCancelStage: Hashable, Sendable {
    case confirming(until: Date)
    case terminating
    case forcing(until: Date)
}

enum CommitCancel {
    /// How long a question waits for its second `x`.
    static let window: TimeInterval = 5

    /// The children of the commit(s) running now.
    static func runningIDs(_ state: AppState) -> [String] {
        var ids: [String] = []
        if let run = state.run, run.launch.mode.isCommit, run.status.isActive { ids.append(run.launch.id) }
        if let fleet = state.fleetRun, fleet.mode.isCommit { ids += fleet.items.filter(\.isRunning).map(\.launch.id) }
        return ids
    }

    static func press(_ state: inout AppState) -> [Effect] {
        let ids = runningIDs(state)
        guard !ids.isEmpty else {
            state.commitCancel = nil
            return []
        }
        switch state.commitCancel {
        case .confirming(let until)? where state.now <= until:
            state.commitCancel = .terminating
            markCancelling(&state)
            state.showFlash("SIGTERM sent: waiting for the ship to stop at its next safe point. x again to force it (SIGKILL).",
                            .warning)
            return ids.map { Effect.terminateRun(id: $0) }
        case .terminating?, .forcing?:
            if case .forcing(let until)? = state.commitCancel, state.now <= until {
                state.commitCancel = .terminating
                state.showFlash("SIGKILL sent.", .error)
                return ids.map { Effect.killRun(id: $0) }
            }
            state.commitCancel = .forcing(until: state.now.addingTimeInterval(window))
            state.showFlash("Force it? SIGKILL stops the ship in the middle of an API call: what it was changing may be left "
                + "half-done (the log shows the last completed step). x again within 5 s to kill.", .error)
            return []
        default:
            state.commitCancel = .confirming(until: state.now.addingTimeInterval(window))
            state.showFlash("Cancel the commit? x again within 5 s sends SIGTERM: the ship stops at its next safe point; "
                + "what it already changed stays changed.", .warning)
            return []
        }
    }

    /// The runs show they are being cancelled; a fleet commit starts no more targets.
    static func markCancelling(_ state: inout AppState) {
        if var run = state.run, run.launch.mode.isCommit, run.status.isActive {
            run.status = .cancelling
            run.log.append(LogLine("[console] Cancelling the commit: SIGTERM sent; waiting for the ship to stop.", level: .warning))
            state.run = run
        }
        guard var fleet = state.fleetRun, fleet.mode.isCommit else { return }
        fleet.isCancelling = true
        for index in fleet.items.indices {
            if fleet.items[index].isQueued { fleet.items[index].status = .cancelled(0) }
            if fleet.items[index].isRunning { fleet.items[index].status = .cancelling }
        }
        state.fleetRun = fleet
    }
}
