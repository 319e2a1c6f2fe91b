import Foundation
import Starfleet
import StarfleetTUI

/// A dry run of many targets at once: each target is its own child `starfleet run` with its own
/// saved log and history record; at most `concurrency` run at a time.
public struct FleetRunState: Sendable {
    public struct Item: Sendable {
        public var launch: RunLaunch
        /// nil while queued.
        public var status: RunStatus?
        public var startedAt: Date?
        public var plan: PlanSummary?
        public var logPath: String?
        /// The history record, once finished (what `L` opens).
        public var record: RunHistoryRecord?
        /// The target's newest lines, live while it runs (the saved file holds them all).
        public var log = LogPane(capacity: FleetRunState.targetLogCapacity)
        /// Records the child wrote so far.
        public var lineCount = 0

        public init(launch: RunLaunch) {
            self.launch = launch
        }

        public var isQueued: Bool { status == nil }
        public var isRunning: Bool { status?.isActive ?? false }
        public var isDone: Bool { status.map { !$0.isActive } ?? false }
        public var isFailure: Bool {
            switch status {
            case .failed?, .crashed?, .failedToStart?: return true
            default: return false
            }
        }
    }

    /// Lines kept in memory per target: 60 targets stay within a few MB.
    public static let targetLogCapacity = 2_000

    public var ship: String
    public var items: [Item]
    public var concurrency: Int
    public var startedAt: Date
    public var mode: RunMode = .dryRun
    /// A commit stops starting targets after the first one fails.
    public var stopOnFirstFailure = true
    /// The operator cancelled: nothing more starts.
    public var isCancelling = false

    public var isActive: Bool { items.contains { $0.isQueued || $0.isRunning } }
    public var doneCount: Int { items.count { $0.isDone } }
    public var runningCount: Int { items.count { $0.isRunning } }
    public var queuedCount: Int { items.count { $0.isQueued } }
    public var failures: [Item] { items.filter(\.isFailure) }

    /// The plans of the targets that succeeded, added up.
    public var totals: PlanSummary {
        items.reduce(into: PlanSummary()) { sum, item in
            guard item.status == .succeeded, let plan = item.plan else { return }
            sum.toAdd += plan.toAdd
            sum.toChange += plan.toChange
            sum.toDestroy += plan.toDestroy
        }
    }

    public func index(of runID: String) -> Int? { items.firstIndex { $0.launch.id == runID } }

    /// The item of a fan-out row's target.
    public func item(accountId: String, region: String?) -> Item? {
        items.first { $0.launch.target?.accountId == accountId && $0.launch.target?.region == region }
    }

    /// The targets the summary pane lists: failures first, then the running ones, then the
    /// finished rest (queued targets are only counted).
    public var summaryItems: [Item] {
        failures + items.filter(\.isRunning) + items.filter { $0.isDone && !$0.isFailure }
    }

    /// `Fleet dry run · 12/60 done · 4 running · 1 failed · 43 queued · +10 ~2 -0 · ✗ 000000000004, …`
    public var summary: String {
        var parts = [mode.isCommit ? "Fleet commit" : "Fleet dry run", "\(doneCount)/\(items.count) done"]
        if runningCount > 0 { parts.append("\(runningCount) running") }
        let failed = failures
        if !failed.isEmpty { parts.append("\(failed.count) failed") }
        if queuedCount > 0 { parts.append(isCancelling ? "\(queuedCount) cancelling" : "\(queuedCount) queued") }
        let sum = totals
        parts.append("+\(sum.toAdd) ~\(sum.toChange) -\(sum.toDestroy)")
        if !failed.isEmpty {
            let accounts = failed.prefix(3).compactMap { $0.launch.target?.display }
            parts.append("✗ " + accounts.joined(separator: ", ") + (failed.count > 3 ? " and \(failed.count - 3) more" : ""))
        }
        return parts.joined(separator: " · ")
    }
}
