import Foundation
import Starfleet
import StarfleetTUI

/// `d` with marked targets: every marked target dry-runs as its own child process, at most
/// `concurrency` at a time, each recorded in the commit gate and the history as it ends.
enum FleetRunFeature {
    static func start(_ state: inout AppState) -> [Effect] {
        guard let inspector = state.inspector else { return [] }
        let rows = inspector.fanOut.rows.filter { inspector.fanOut.marked.contains($0.key) }
        var items: [FleetRunState.Item] = []
        for row in rows {
            let target = RunTarget(accountId: row.accountId, accountName: row.accountName, region: row.region)
            guard let launch = RunFeature.makeLaunch(&state, mode: .dryRun, target: target) else { return [] }
            // From now on this run is the target's latest: an earlier success no longer counts.
            state.commitGate.dryRunLaunched(runID: launch.id, target: launch.gateTarget)
            items.append(FleetRunState.Item(launch: launch))
        }
        guard !items.isEmpty else { return [] }
        state.fleetRun = FleetRunState(ship: inspector.ship, items: items, concurrency: max(1, state.fleetConcurrency),
                                       startedAt: state.now)
        state.showFlash("Dry-running \(items.count) targets, \(max(1, state.fleetConcurrency)) at a time: x cancels, L opens a target's log (live while it runs).")
        return pump(&state)
    }

    /// Starts queued targets while fewer than `concurrency` run.
    static func pump(_ state: inout AppState) -> [Effect] {
        guard var fleet = state.fleetRun, !fleet.isCancelling else { return [] }
        var effects: [Effect] = []
        while fleet.runningCount < fleet.concurrency, let next = fleet.items.firstIndex(where: \.isQueued) {
            fleet.items[next].status = .starting
            fleet.items[next].startedAt = state.now
            effects.append(.startRun(fleet.items[next].launch))
        }
        state.fleetRun = fleet
        return effects
    }

    static func owns(_ runID: String, in state: AppState) -> Bool { state.fleetRun?.index(of: runID) != nil }

    static func reduce(_ action: Action, _ state: inout AppState) -> [Effect] {
        if case .runOutput(let id, let records) = action {
            appendOutput(&state, id: id, records: records)
            return []
        }
        guard let fleet = state.fleetRun else { return [] }
        switch action {
        case .runStarted(let id, let fingerprint, let logPath):
            guard let index = fleet.index(of: id) else { return [] }
            if fleet.items[index].status == .starting { state.fleetRun?.items[index].status = .running }
            state.fleetRun?.items[index].logPath = logPath
            state.commitGate.dryRunStarted(runID: id, fingerprint: fingerprint)
            return []
        case .runFinished(let id, let exitStatus, let signaled, let date):
            guard let index = fleet.index(of: id) else { return [] }
            let status = RunCompletion.status(exitStatus: exitStatus, signaled: signaled,
                                              wasCancelling: fleet.items[index].status == .cancelling)
            return finish(&state, index: index, status: status, exitStatus: signaled ? 128 + exitStatus : exitStatus, at: date)
        case .runNotStarted(let id, let reason):
            guard let index = fleet.index(of: id) else { return [] }
            return finish(&state, index: index, status: .failedToStart(reason), exitStatus: nil, at: state.now)
        default:
            return []
        }
    }

    /// A batch of a target's records: its live log (and an open live view of it), its plan.
    static func appendOutput(_ state: inout AppState, id: String, records: [RunLogRecord]) {
        guard let index = state.fleetRun?.index(of: id) else { return }
        let lines = records.flatMap(LogLine.lines(for:))
        // Moved out and back: a second reference would make each batch copy the target's ring buffer.
        guard var fleet = state.fleetRun else { return }
        state.fleetRun = nil
        fleet.items[index].log.append(contentsOf: lines)
        fleet.items[index].lineCount += records.count
        if let plan = records.last(where: { $0.plan != nil })?.plan { fleet.items[index].plan = plan }
        state.fleetRun = fleet
        if state.historyLog?.liveRunID == id, var log = state.historyLog {
            state.historyLog = nil
            log.log.append(contentsOf: lines)
            log.totalLines += lines.count
            state.historyLog = log
        }
    }

    static func finish(_ state: inout AppState, index: Int, status: RunStatus, exitStatus: Int32?, at date: Date) -> [Effect] {
        guard var fleet = state.fleetRun else { return [] }
        var item = fleet.items[index]
        item.status = status
        state.commitGate.dryRunFinished(runID: item.launch.id, outcome: RunCompletion.gateOutcome(status, plan: item.plan), at: date)
        var effects: [Effect] = []
        if let exitStatus, let logPath = item.logPath {
            let record = RunCompletion.historyRecord(item.launch, startedAt: item.startedAt ?? fleet.startedAt, endedAt: date,
                                                     exitStatus: exitStatus, logPath: logPath)
            item.record = record
            effects.append(.recordHistory(record))
        }
        fleet.items[index] = item
        if state.historyLog?.liveRunID == item.launch.id {
            // The live view of this target: now the whole saved file.
            state.historyLog?.liveRunID = nil
            if let record = item.record {
                let requestID = state.nextID()
                state.historyLog?.record = record
                state.historyLog?.requestID = requestID
                state.historyLog?.isLoading = true
                effects.append(.openHistoryLog(requestID: requestID, path: record.logPath))
            }
        }
        if fleet.mode.isCommit, fleet.stopOnFirstFailure, item.isFailure {
            // Stop on the first failure: the queued targets never start.
            fleet.isCancelling = true
            for queued in fleet.items.indices where fleet.items[queued].isQueued { fleet.items[queued].status = .cancelled(0) }
        }
        state.fleetRun = fleet
        if !state.isCommitting { state.commitCancel = nil }
        effects += pump(&state)
        if state.fleetRun?.isActive == false {
            let failed = fleet.failures.count
            state.showFlash(fleet.summary, failed > 0 ? .warning : .info)
        }
        return effects
    }

    /// Queued targets never start; running ones get SIGTERM (then SIGKILL after the grace period).
    static func cancel(_ state: inout AppState) -> [Effect] {
        guard var fleet = state.fleetRun, fleet.isActive else { return [] }
        fleet.isCancelling = true
        var effects: [Effect] = []
        for index in fleet.items.indices {
            if fleet.items[index].isQueued {
                fleet.items[index].status = .cancelled(0)
                state.commitGate.dryRunFinished(runID: fleet.items[index].launch.id, outcome: .cancelled, at: state.now)
            } else if fleet.items[index].isRunning {
                fleet.items[index].status = .cancelling
                effects.append(.cancelRun(id: fleet.items[index].launch.id))
            }
        }
        state.fleetRun = fleet
        state.showFlash("Cancelling the fleet dry run: queued targets will not start; \(effects.count) running get SIGTERM.",
                        .warning)
        return effects
    }

    /// `L` on the fan-out tab: the selected target's log — its saved file once it finished,
    /// else its newest lines, following new ones live.
    static func openTargetLog(_ state: inout AppState) -> [Effect] {
        guard let inspector = state.inspector else { return [] }
        let rows = inspector.fanOut.visibleRows
        guard let index = inspector.fanOut.list.index(in: rows.count),
              let item = state.fleetRun?.item(accountId: rows[index].accountId, region: rows[index].region) else {
            state.showFlash("This target has not been run in this fleet run.", .warning)
            return []
        }
        if let record = item.record { return HistoryLogFeature.open(record, &state) }
        if item.isQueued {
            state.showFlash("This target is queued: its log opens once it starts.", .warning)
            return []
        }
        let record = RunCompletion.historyRecord(item.launch, startedAt: item.startedAt ?? state.now, endedAt: state.now,
                                                 exitStatus: 0, logPath: item.logPath ?? "(log file not created yet)")
        var log = HistoryLogState(record: record, requestID: state.nextID())
        log.isLoading = false
        log.liveRunID = item.launch.id
        log.log = item.log
        log.log.wraps = state.logWraps
        log.log.follow()
        log.totalLines = item.log.buffer.totalAppended
        state.historyLog = log
        state.push(.historyLog)
        return []
    }
}
