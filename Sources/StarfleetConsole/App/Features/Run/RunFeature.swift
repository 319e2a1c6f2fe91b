import Foundation
import Starfleet
import StarfleetTUI

/// Dry runs and commits: the gates, the launch, the commit check and dialog, and the run's
/// progress until it is recorded in the history.
enum RunFeature: ConsoleFeature {
    static func reduce(_ action: Action, _ state: inout AppState) -> [Effect] {
        switch action {
        case .runStarted(let id, _, _), .runOutput(let id, _), .runFinished(let id, _, _, _), .runNotStarted(let id, _):
            if FleetRunFeature.owns(id, in: state) { return FleetRunFeature.reduce(action, &state) }
        default:
            break
        }
        switch action {
        case .commitChecked(let runID, let result):
            return commitChecked(&state, runID: runID, result: result)
        case .runStarted(let id, let fingerprint, let logPath):
            guard var run = state.run, run.launch.id == id else { return [] }
            if run.status == .starting { run.status = .running }
            run.fingerprint = fingerprint
            run.logPath = logPath
            state.run = run
            if !run.launch.mode.isCommit { state.commitGate.dryRunStarted(runID: id, fingerprint: fingerprint) }
            return []
        case .runOutput(let id, let records):
            // In place: a copy of the run would copy its 10,000-line log buffer for every batch.
            if state.run?.launch.id == id { state.run?.append(records) }
            return []
        case .runFinished(let id, let exitStatus, let signaled, let date):
            return RunCompletion.finished(&state, id: id, exitStatus: exitStatus, signaled: signaled, at: date)
        case .runNotStarted(let id, let reason):
            guard var run = state.run, run.launch.id == id else { return [] }
            run.status = .failedToStart(reason)
            run.endedAt = state.now
            run.log.append(LogLine("[console] The run did not start: \(reason)", level: .error))
            state.run = run
            RunCompletion.recordDryRunEnd(&state, run, outcome: .failed, at: state.now)
            state.showFlash("The run did not start: \(reason)", .error)
            return []
        default:
            return []
        }
    }

    static func perform(_ command: ConsoleCommand, _ state: inout AppState) -> [Effect] {
        switch command {
        case .dryRun: return startDryRun(&state)
        case .commit: return requestCommit(&state)
        case .showRun:
            if state.run != nil { state.push(.run) }
            return []
        case .cancelRun:
            if state.isCommitting { return CommitCancel.press(&state) }
            if state.fleetRun?.isActive == true { return FleetRunFeature.cancel(&state) }
            guard var run = state.run, run.status.isActive else { return [] }
            run.status = .cancelling
            run.log.append(LogLine("[console] Cancelling: SIGTERM now, SIGKILL if it has not stopped after the grace period.",
                                   level: .warning))
            state.run = run
            return [.cancelRun(id: run.launch.id)]
        default:
            return LogScreen.perform(command, &state)
        }
    }

    /// `&` filters the run's log lines.
    static func filter(in state: AppState) -> String? { LogScreen.filter(in: state) }
    static func setFilter(_ text: String, _ state: inout AppState) { LogScreen.setFilter(text, &state) }

    static func disabledReason(for command: ConsoleCommand, in state: AppState) -> String? {
        switch command {
        case .dryRun: return dryRunReason(state)
        case .commit: return commitGateReason(state)
        case .cancelRun: return state.isRunActive ? nil : "No run is in progress."
        case .showRun: return state.run == nil ? "No run yet." : nil
        default: return nil
        }
    }

    // MARK: - Gates

    /// Why a dry run cannot start now (nil: it can).
    static func dryRunReason(_ state: AppState) -> String? {
        guard let inspector = state.inspector else { return "Open a payload first (Enter on a ship)." }
        guard let ship = state.shipRow(named: inspector.ship) else { return "\(inspector.ship) is not in the fleet." }
        switch ship.state {
        case .enabled: break
        case .disabled: return "\(ship.name) is disabled in the configuration (Enabled: false)."
        case .notConfigured: return "\(ship.name) has no configuration section."
        case .invalid: return "\(ship.name) has an invalid configuration."
        }
        guard let document = inspector.document else { return inspector.error ?? "The payload is still loading." }
        guard document.analysis.isValid else { return "The payload does not validate; fix the marked lines first." }
        if inspector.needsTarget, inspector.target == nil, inspector.fanOut.marked.isEmpty {
            return inspector.strategy == .account
                ? "Pick the account to run in: Fan-out tab (f), then Enter."
                : "Pick the account and region to run in: Fan-out tab (f), then Enter."
        }
        if state.isRunActive { return "A run is in progress." }
        return nil
    }

    /// The fingerprint a run of the inspector's payload would have with the loaded configuration.
    static func currentFingerprint(_ state: AppState) -> RunFingerprint? {
        fingerprint(state, accountId: state.inspector?.target?.accountId, region: state.inspector?.target?.region)
    }

    /// The same for another target of the payload (a fan-out row).
    static func fingerprint(_ state: AppState, accountId: String?, region: String?) -> RunFingerprint? {
        guard let inspector = state.inspector, let document = inspector.document,
              let snapshot = state.fleet.snapshot else { return nil }
        let invocation = RunInvocation(ship: inspector.ship, configurationDirectory: state.configurationDirectory,
                                       payloadPath: inspector.origin.display, accountId: accountId,
                                       region: region, accountIndexFile: state.accountIndexOverride,
                                       mode: .dryRun)
        return invocation.fingerprint(payloadSHA256: document.sha256, configurationDigest: snapshot.configurationDigest,
                                      accountIndexDigest: snapshot.accountIndexDigest)
    }

    /// Why commit is not offered now (nil: it is). Read-only consoles have no commit at all.
    static func commitGateReason(_ state: AppState) -> String? {
        if state.readOnly { return "The console is read-only." }
        if let reason = dryRunReason(state) { return reason }
        if state.inspector?.fanOut.marked.isEmpty == false { return FleetCommit.reason(state) }
        guard let fingerprint = currentFingerprint(state) else { return "Open a payload first." }
        if let refusal = state.commitGate.refusal(for: fingerprint, now: state.now) { return refusal }
        if !state.commitGate.decide([fingerprint], now: state.now).noChanges.isEmpty {
            return "The dry run found no changes: there is nothing to commit."
        }
        return nil
    }

    /// The dry run the dialog describes: the last successful one, only while the gate approves it.
    static func approvedDryRun(_ state: AppState, _ fingerprint: RunFingerprint) -> DryRunRecord? {
        guard let approved = state.commitGate.approved(fingerprint, now: state.now),
              let record = state.lastSuccessfulDryRun, record.runID == approved.runID else { return nil }
        return record
    }

    // MARK: - Starting

    static func makeLaunch(_ state: inout AppState, mode: RunMode) -> RunLaunch? {
        makeLaunch(&state, mode: mode, target: state.inspector?.target)
    }

    static func makeLaunch(_ state: inout AppState, mode: RunMode, target: RunTarget?) -> RunLaunch? {
        guard let inspector = state.inspector, let document = inspector.document else { return nil }
        let sequence = state.nextID()
        let gateTarget = CommitGate.Target(ship: inspector.ship, accountId: target?.accountId, region: target?.region)
        let stamp = Date.ISO8601FormatStyle(timeZone: .gmt).format(state.now).filter { $0.isNumber || $0 == "T" }
        let approved = mode.isCommit ? state.commitGate.latest[gateTarget]?.fingerprint : nil
        return RunLaunch(id: "\(stamp)-\(state.sessionTag)-\(sequence)", ship: inspector.ship, origin: inspector.origin,
                         payloadData: document.data, payloadSHA256: document.sha256, target: target,
                         mode: mode, expectedConfigurationDigest: approved?.configurationSHA256,
                         expectedAccountIndexDigest: approved?.accountIndexSHA256)
    }

    static func startDryRun(_ state: inout AppState) -> [Effect] {
        if let reason = dryRunReason(state) {
            state.showFlash(reason, .warning)
            return []
        }
        // Marked targets (the fan-out tab): a fleet dry run of all of them.
        if state.inspector?.fanOut.marked.isEmpty == false { return FleetRunFeature.start(&state) }
        guard let launch = makeLaunch(&state, mode: .dryRun) else { return [] }
        return start(launch, &state)
    }

    static func start(_ launch: RunLaunch, _ state: inout AppState) -> [Effect] {
        if launch.mode.isCommit {
            // The successful dry run is spent by this commit (terraform's plan → apply).
            state.commitGate.spend(launch.gateTarget)
            state.lastSuccessfulDryRun = nil
        } else {
            // From now on this run is the target's latest: the earlier result no longer counts.
            state.commitGate.dryRunLaunched(runID: launch.id, target: launch.gateTarget)
        }
        state.run = RunState(launch: launch, startedAt: state.now)
        state.run?.log.wraps = state.logWraps
        state.push(.run)
        return [.startRun(launch)]
    }

    /// Commit: the gate, then the configuration is read again (`checkCommit`) before the dialog opens.
    static func requestCommit(_ state: inout AppState) -> [Effect] {
        guard !state.readOnly else { return [] }
        if let reason = commitGateReason(state) {
            state.showFlash(reason, .warning)
            return []
        }
        if state.inspector?.fanOut.marked.isEmpty == false { return FleetCommit.request(&state) }
        guard let launch = makeLaunch(&state, mode: .commit) else { return [] }
        state.pendingCommit = launch
        state.showFlash("Checking that nothing changed since the dry run…")
        return [.checkCommit(launch)]
    }

    static func commitChecked(_ state: inout AppState, runID: String, result: Result<RunFingerprint, ConsoleFailure>) -> [Effect] {
        guard !state.readOnly, let launch = state.pendingCommit, launch.id == runID else { return [] }
        state.pendingCommit = nil
        switch result {
        case .failure(let failure):
            state.pendingFleetTargets = []
            state.showFlash("Commit refused: \(failure.message)", .error)
            return []
        case .success(let fingerprint) where !state.pendingFleetTargets.isEmpty:
            if state.isRunActive {
                state.pendingFleetTargets = []
                state.showFlash("A run is in progress.", .warning)
                return []
            }
            return FleetCommit.checked(&state, checked: fingerprint)
        case .success(let fingerprint):
            if let reason = state.commitGate.refusal(for: fingerprint, now: state.now) {
                state.showFlash("Commit refused: \(reason)", .error)
                return []
            }
            if state.isRunActive {
                state.showFlash("A run is in progress.", .warning)
                return []
            }
            state.overlay = .commitDialog(CommitDialogView.make(launch: launch, fingerprint: fingerprint,
                                                                dryRun: approvedDryRun(state, fingerprint), size: state.size))
            state.flash = nil
            return []
        }
    }

    /// Keys in the commit dialog: Cancel is focused; Commit needs the ship's name typed.
    static func dialogKey(_ key: Key, _ current: CommitDialogState, _ state: inout AppState) -> [Effect] {
        var dialog = current
        switch dialog.dialog.handle(key) {
        case .cancelled, .activated(0):
            state.overlay = nil
            state.showFlash("Commit cancelled; nothing was changed.")
            return []
        case .activated(2) where !dialog.fleet.isEmpty:
            state.overlay = .commitDialog(CommitDialogView.togglingStop(in: dialog))
            return []
        case .activated:
            let typed = dialog.dialog.input?.text ?? ""
            guard typed == dialog.phrase else {
                let empty = dialog.fleet.isEmpty ? "Type the ship's name to confirm."
                                                 : "Type the ship's name and the number of targets to confirm."
                state.overlay = .commitDialog(CommitDialogView.showing(typed.isEmpty ? empty : "“\(typed)” is not \(dialog.phrase).",
                                                                       in: dialog))
                return []
            }
            state.overlay = nil
            if state.isRunActive {
                state.showFlash("A run is in progress.", .warning)
                return []
            }
            if !dialog.fleet.isEmpty { return FleetCommit.confirmed(dialog, &state) }
            // The gate again, at the last moment: the plan may have aged while the dialog was open.
            if let reason = state.commitGate.refusal(for: dialog.fingerprint, now: state.now) {
                state.showFlash("Commit refused: \(reason)", .error)
                return []
            }
            return start(dialog.launch, &state)
        case .none:
            state.overlay = .commitDialog(dialog)
            return []
        }
    }
}
