import Foundation
import Synchronization

/// The history record a run keeps of itself: a "running" record when it starts and the
/// final one, with its real exit status, when it ends — written by the run, so that the record
/// is complete even when whoever started the run (the console) is gone by then.
public final class RunRecorder: Sendable {
    public let history: RunHistory
    public let started: RunHistoryRecord
    private let finished = Mutex(false)

    /// `started` is the record without `end`/`exit_status`.
    public init(history: RunHistory, started: RunHistoryRecord) {
        self.history = history
        self.started = started
    }

    public static func now() -> String {
        Date().formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: true, timeZone: .gmt))
    }

    /// Appends the "running" record.
    public func recordStart() throws {
        try history.append(started)
    }

    /// Appends the final record; only the first call writes (a signal handler and the normal
    /// end may both get here).
    public func recordEnd(exitStatus: Int32) throws {
        let first = finished.withLock { done -> Bool in
            defer { done = true }
            return !done
        }
        guard first else { return }
        try history.append(started.finished(end: Self.now(), exitStatus: exitStatus))
    }
}
