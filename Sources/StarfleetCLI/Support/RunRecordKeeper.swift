import Foundation
import Starfleet

#if canImport(Glibc)
import Glibc
#endif

/// The log file and history record a `starfleet run` keeps itself (`RunOwnership`): opened
/// before anything is logged, completed however the run ends.
final class RunRecordKeeper: Sendable {
    let logFile: AppendOnlyFile?
    let recorder: RunRecorder?

    private init(logFile: AppendOnlyFile?, recorder: RunRecorder?) {
        self.logFile = logFile
        self.recorder = recorder
    }

    /// Detaches (if asked), opens the log file and writes the "running" record.
    static func begin(_ invocation: RunInvocation) throws -> RunRecordKeeper {
        let ownership = invocation.ownership
        if ownership.detach {
            // Out of the caller's session, so its terminal hanging up does not reach this run. The
            // console's children already lead a session (RunSupervisor spawns them with
            // POSIX_SPAWN_SETSID); a child of Foundation's Process leads a process group, and then
            // setsid() is refused (EPERM): the group keeps the terminal's signals out. SIGHUP is ignored.
            _ = setsid()
            signal(SIGHUP, SIG_IGN)
        }
        if ownership.logFile != nil || ownership.detach {
            // Whoever reads stderr may go away; the run goes on (its log file has every line).
            signal(SIGPIPE, SIG_IGN)
        }
        var logFile: AppendOnlyFile?
        if let path = ownership.logFile {
            do {
                logFile = try AppendOnlyFile(path: path)
            } catch {
                throw CLIFailure(.usage, "--log-file \(error)")
            }
        }
        guard let directory = ownership.historyDirectory, let id = ownership.runID else {
            return RunRecordKeeper(logFile: logFile, recorder: nil)
        }
        let payloadDigest = FileManager.default.contents(atPath: invocation.payloadPath).map(RunFingerprint.sha256) ?? ""
        let record = RunHistoryRecord(
            id: id, ship: invocation.ship, payloadPath: ownership.payloadLabel ?? invocation.payloadPath,
            payloadSHA256: payloadDigest, mode: invocation.mode, accountId: invocation.accountId, region: invocation.region,
            start: RunRecorder.now(), end: nil, exitStatus: nil, logPath: ownership.logFile ?? "")
        let recorder = RunRecorder(history: RunHistory(directory: directory), started: record)
        do {
            try recorder.recordStart()
        } catch {
            throw CLIFailure(.usage, "--history-dir \(directory): cannot write the history (\(error))")
        }
        return RunRecordKeeper(logFile: logFile, recorder: recorder)
    }

    /// The run's end: a failure's message joins the log (it goes to stderr too), then the final record.
    func end(exitStatus: Int32, message: String? = nil) {
        if let message { logFile?.append(line: message) }
        try? recorder?.recordEnd(exitStatus: exitStatus)
    }

    /// The exit status and stderr message of an error that ends the run.
    static func outcome(of error: any Error) -> (status: Int32, message: String?) {
        if let failure = error as? CLIFailure { return (failure.code.rawValue, failure.message) }
        return (CLIFailure.Code.usage.rawValue, "\(error)")
    }
}
