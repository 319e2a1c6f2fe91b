import Foundation
import Starfleet
import StarfleetSchema
import StarfleetTUI

/// Everything that can happen to the console: keys, the clock, and results of effects.
public enum Action: Sendable {
    case key(Key)
    case resize(Size)
    case tick(Date)

    case configurationLoaded(FleetSnapshot)
    case configurationFailed(String)
    case themeLoaded(Theme, warnings: [String])

    case pickerListed(generation: Int, directory: String, Result<[PickerEntry], ConsoleFailure>)
    case pickerValidated(generation: Int, [(index: Int, validity: EntryValidity)])

    case payloadOpened(requestID: Int, Result<PayloadDocument, ConsoleFailure>)
    case fanOutLoaded(requestID: Int, Result<FanOutPlan, ConsoleFailure>)

    case historyLoaded([RunHistoryRecord])
    /// One run's latest record, after it ended (the history is not read again for each run).
    case historyRecorded(RunHistoryRecord)
    case historyLogLoaded(requestID: Int, Result<HistoryLogContents, ConsoleFailure>)

    /// The commit check re-read the configuration: the fingerprint a commit would have now.
    case commitChecked(runID: String, Result<RunFingerprint, ConsoleFailure>)

    case runStarted(id: String, fingerprint: RunFingerprint, logPath: String)
    case runOutput(id: String, [RunLogRecord])
    case runFinished(id: String, exitStatus: Int32, signaled: Bool, at: Date)
    /// The child could not be started, or a last check refused it.
    case runNotStarted(id: String, reason: String)
    case historyWriteFailed(String)
    /// Depths of the queues that answered, by ship name.
    case queueDepthsRead([String: QueueDepth])
    /// The background `GetCallerIdentity` answered (or failed, or timed out).
    case identityFetched(Result<AWSIdentity, ConsoleFailure>)
}

/// A saved log, read back (its last lines).
public struct HistoryLogContents: Sendable {
    public var lines: [LogLine]
    public var totalLines: Int

    public init(lines: [LogLine], totalLines: Int) {
        self.lines = lines
        self.totalLines = totalLines
    }
}

/// What `reduce` asks the runtime to do. Effects are data; the runtime performs them and
/// reports back with actions.
public enum Effect: Sendable, Equatable {
    case loadConfiguration
    case loadTheme(String)
    case listLocal(generation: Int, directory: String, preferSubdirectory: String?)
    case listS3(generation: Int, bucket: String, prefix: String, region: String)
    case validateEntries(generation: Int, ship: String, entries: [Int: PayloadOrigin])
    case openPayload(requestID: Int, ship: String, origin: PayloadOrigin)
    case loadFanOut(requestID: Int, ship: String, payload: PayloadMap)
    case loadHistory
    case openHistoryLog(requestID: Int, path: String)
    case checkCommit(RunLaunch)
    case startRun(RunLaunch)
    /// A dry run: SIGTERM, then SIGKILL after the grace period.
    case cancelRun(id: String)
    /// A commit: SIGTERM only, waiting for the ship's safe point.
    case terminateRun(id: String)
    /// A commit the operator chose not to wait for: SIGKILL.
    case killRun(id: String)
    case recordHistory(RunHistoryRecord)
    case rememberPayloadDirectory(String)
    /// Read the depth of each ship's queue (ship name → queue URL).
    case readQueueDepths([String: String])
    /// Ask STS who the console's credentials are (bounded by a timeout).
    case fetchIdentity
    case redraw
    /// Put text on the operator's clipboard (OSC 52 through the terminal; the runtime's own).
    case copyToClipboard(String)
    /// Remember the log panes' wrap setting in `console.json`.
    case rememberLogWrap(Bool)
}
