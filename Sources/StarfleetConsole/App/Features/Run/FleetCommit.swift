import Foundation
import Starfleet
import StarfleetTUI

/// `C` with marked targets: the gate decides per target (commit / skipped as "no changes" /
/// refused), the configuration is read again, the dialog names what will change, and the
/// confirmed targets are committed one at a time, stopping at the first failure.
enum FleetCommit {
    static func markedTargets(_ state: AppState) -> [RunTarget] {
        guard let inspector = state.inspector else { return [] }
        return inspector.fanOut.rows.filter { inspector.fanOut.marked.contains($0.key) }
            .map { RunTarget(accountId: $0.accountId, accountName: $0.accountName, region: $0.region) }
    }

    /// Why `C` is refused for the marked targets (nil: it is offered).
    static func reason(_ state: AppState) -> String? {
        let targets = markedTargets(state)
        let fingerprints = targets.compactMap { RunFeature.fingerprint(state, accountId: $0.accountId, region: $0.region) }
        return refusal(state.commitGate.decide(fingerprints, now: state.now), marked: fingerprints.count)
    }

    static func refusal(_ decision: CommitGate.Decision, marked: Int) -> String? {
        if let first = decision.refused.first {
            return "\(decision.refused.count) of \(marked) marked targets cannot be committed; "
                + "\(first.fingerprint.accountId ?? "-")\(first.fingerprint.region.map { "/\($0)" } ?? ""): \(first.reason)"
        }
        if decision.toCommit.isEmpty { return "The dry runs found no changes in the marked targets: there is nothing to commit." }
        return nil
    }

    /// The configuration is read again before the dialog opens (as for one target).
    static func request(_ state: inout AppState) -> [Effect] {
        let targets = markedTargets(state)
        guard let launch = RunFeature.makeLaunch(&state, mode: .commit, target: targets.first) else { return [] }
        state.pendingCommit = launch
        state.pendingFleetTargets = targets
        state.showFlash("Checking that nothing changed since the dry runs…")
        return [.checkCommit(launch)]
    }

    /// The marked targets' fingerprints with the digests just read.
    static func fingerprints(_ targets: [RunTarget], checked: RunFingerprint) -> [RunFingerprint] {
        targets.map {
            RunFingerprint(ship: checked.ship, payloadSHA256: checked.payloadSHA256, configurationSHA256: checked.configurationSHA256,
                           accountIndexSHA256: checked.accountIndexSHA256, accountId: $0.accountId, region: $0.region)
        }
    }

    static func checked(_ state: inout AppState, checked: RunFingerprint) -> [Effect] {
        let targets = state.pendingFleetTargets
        state.pendingFleetTargets = []
        let all = fingerprints(targets, checked: checked)
        let decision = state.commitGate.decide(all, now: state.now)
        if let reason = refusal(decision, marked: all.count) {
            state.showFlash("Commit refused: \(reason)", .error)
            return []
        }
        var launches: [RunLaunch] = []
        for fingerprint in decision.toCommit {
            let target = targets.first { $0.accountId == fingerprint.accountId && $0.region == fingerprint.region }
            guard let launch = RunFeature.makeLaunch(&state, mode: .commit, target: target) else { return [] }
            launches.append(launch)
        }
        let finished = decision.toCommit.compactMap { state.commitGate.latest[CommitGate.Target($0)]?.finishedAt }
        state.overlay = .commitDialog(CommitDialogView.makeFleet(launches: launches, fingerprints: decision.toCommit,
                                                                 decision: decision, oldestDryRun: finished.min(),
                                                                 now: state.now, size: state.size))
        state.flash = nil
        return []
    }

    /// The dialog was confirmed: the gate once more, then the targets one at a time.
    static func confirmed(_ dialog: CommitDialogState, _ state: inout AppState) -> [Effect] {
        let decision = state.commitGate.decide(dialog.fleetFingerprints, now: state.now)
        if let reason = refusal(decision, marked: dialog.fleetFingerprints.count) {
            state.showFlash("Commit refused: \(reason)", .error)
            return []
        }
        for launch in dialog.fleet {
            // Each dry run is spent by its commit (terraform's plan → apply).
            state.commitGate.spend(launch.gateTarget)
        }
        state.lastSuccessfulDryRun = nil
        var fleet = FleetRunState(ship: dialog.launch.ship, items: dialog.fleet.map { FleetRunState.Item(launch: $0) },
                                  concurrency: 1, startedAt: state.now)
        fleet.mode = .commit
        fleet.stopOnFirstFailure = dialog.stopOnFirstFailure
        state.fleetRun = fleet
        state.showFlash("Committing \(dialog.fleet.count) targets one at a time"
            + (dialog.stopOnFirstFailure ? "; it stops at the first failure." : "; it goes on after a failure.") + " x stops it.",
                        .warning)
        return FleetRunFeature.pump(&state)
    }
}
