import Foundation
import Starfleet
import StarfleetTUI

/// A run's end: its final status and log line, the successful dry run a commit needs, the
/// flash message, and the history record.
enum RunCompletion {
    static func finished(_ state: inout AppState, id: String, exitStatus: Int32, signaled: Bool, at date: Date) -> [Effect] {
        guard var run = state.run, run.launch.id == id else { return [] }
        run.endedAt = date
        run.exitCode = exitStatus
        run.status = status(exitStatus: exitStatus, signaled: signaled, wasCancelling: run.status == .cancelling)
        let duration = date.timeIntervalSince(run.startedAt)
        let mode = run.launch.mode.label
        switch run.status {
        case .succeeded:
            let plan = run.plan.map { " · plan: \($0.description)" } ?? ""
            run.log.append(LogLine("[console] ✔ \(mode) succeeded · exit 0 · \(String(format: "%.1f", duration)) s\(plan)",
                                   level: .info))
        case .cancelled:
            run.log.append(LogLine("[console] ■ \(mode) cancelled · \(signaled ? "signal" : "exit") \(exitStatus)", level: .warning))
        case .crashed(let signal):
            run.log.append(LogLine("[console] ✘ \(mode) crashed · killed by signal \(signal)", level: .error))
        default:
            run.log.append(LogLine("[console] ✘ \(mode) failed · exit \(exitStatus)", level: .error))
        }
        recordDryRunEnd(&state, run, outcome: gateOutcome(run.status, plan: run.plan), at: date)
        if run.status == .succeeded, !run.launch.mode.isCommit, let fingerprint = run.fingerprint {
            // The plan itself is data (`run.plan`); the warnings are worth repeating as they are.
            let summary = run.highlights.suffix(3).map { $0 }
            state.lastSuccessfulDryRun = DryRunRecord(fingerprint: fingerprint, runID: id, payloadName: run.launch.origin.display,
                                                      finishedAt: date, duration: duration, lineCount: run.lineCount,
                                                      summary: summary, plan: run.plan)
            state.showFlash(state.readOnly ? "Dry run succeeded." : "Dry run succeeded: C commits the same payload (after confirmation).")
        } else if run.status == .succeeded {
            state.showFlash("Commit succeeded.")
        } else if case .cancelled = run.status {
            state.showFlash("Run cancelled.", .warning)
        } else if case .crashed(let signal) = run.status {
            state.showFlash("The run crashed (signal \(signal)); the console is fine.", .error)
        } else {
            state.showFlash("The run failed with exit \(exitStatus).", .error)
        }
        state.run = run
        if !state.isCommitting { state.commitCancel = nil }
        guard let logPath = run.logPath else { return [] }
        return [.recordHistory(historyRecord(run.launch, startedAt: run.startedAt, endedAt: date,
                                             exitStatus: signaled ? 128 + exitStatus : exitStatus, logPath: logPath))]
    }

    /// How a child's end reads: a cancelled run that stopped, a crash, success or failure.
    static func status(exitStatus: Int32, signaled: Bool, wasCancelling: Bool) -> RunStatus {
        if wasCancelling && (signaled || exitStatus != 0) { return .cancelled(exitStatus) }
        if signaled { return .crashed(signal: exitStatus) }
        return exitStatus == 0 ? .succeeded : .failed(exitStatus)
    }

    static func historyRecord(_ launch: RunLaunch, startedAt: Date, endedAt: Date, exitStatus: Int32,
                              logPath: String) -> RunHistoryRecord {
        let iso = Date.ISO8601FormatStyle(includingFractionalSeconds: true, timeZone: .gmt)
        return RunHistoryRecord(
            id: launch.id, ship: launch.ship, payloadPath: launch.origin.display, payloadSHA256: launch.payloadSHA256,
            mode: launch.mode, accountId: launch.target?.accountId, region: launch.target?.region,
            start: iso.format(startedAt), end: iso.format(endedAt), exitStatus: exitStatus, logPath: logPath)
    }

    /// A dry run's end in the commit gate; one that did not succeed also drops the details the
    /// dialog would have repeated for its target.
    static func recordDryRunEnd(_ state: inout AppState, _ run: RunState, outcome: CommitGate.Outcome, at date: Date) {
        guard !run.launch.mode.isCommit else { return }
        state.commitGate.dryRunFinished(runID: run.launch.id, outcome: outcome, at: date)
        if case .succeeded = outcome { return }
        if state.lastSuccessfulDryRun.map({ CommitGate.Target($0.fingerprint) }) == run.launch.gateTarget {
            state.lastSuccessfulDryRun = nil
        }
    }

    /// What the commit gate records for a finished dry run.
    static func gateOutcome(_ status: RunStatus, plan: PlanSummary?) -> CommitGate.Outcome {
        switch status {
        case .succeeded: return .succeeded(plan)
        case .cancelled: return .cancelled
        default: return .failed
        }
    }
}
