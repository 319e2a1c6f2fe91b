import Foundation
import Starfleet
import StarfleetTUI

/// A run's end: its final status and log line, the successful dry run a commit needs, the
/// flash message, and the history record.
enum RunCompletion {
    static func finished(_ state: inout AppState, id: String, exitStatus: Int32, signaled: Bool, at date: Date) -> [Effect] {
        guard var run = state.run, run.launch.id == id else { return [] }
        let wasCancelling = run.status == .cancelling
        run.endedAt = date
        run.exitCode = exitStatus
        if wasCancelling && (signaled || exitStatus != 0) {
            run.status = .cancelled(exitStatus)
        } else if signaled {
            run.status = .crashed(signal: exitStatus)
        } else if exitStatus == 0 {
            run.status = .succeeded
        } else {
            run.status = .failed(exitStatus)
        }
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
        recordDryRunEnd(&state, run, outcome: gateOutcome(run), at: date)
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
        guard let logPath = run.logPath else { return [] }
        let iso = Date.ISO8601FormatStyle(includingFractionalSeconds: true, timeZone: .gmt)
        let record = RunHistoryRecord(
            id: id, ship: run.launch.ship, payloadPath: run.launch.origin.display, payloadSHA256: run.launch.payloadSHA256,
            mode: run.launch.mode, accountId: run.launch.target?.accountId,
            region: run.launch.target?.region, start: iso.format(run.startedAt), end: iso.format(date),
            exitStatus: signaled ? 128 + exitStatus : exitStatus, logPath: logPath)
        return [.recordHistory(record)]
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
    static func gateOutcome(_ run: RunState) -> CommitGate.Outcome {
        switch run.status {
        case .succeeded: return .succeeded(run.plan)
        case .cancelled: return .cancelled
        default: return .failed
        }
    }
}
