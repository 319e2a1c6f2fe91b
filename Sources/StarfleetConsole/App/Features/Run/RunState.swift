import Foundation
import Starfleet
import StarfleetSchema
import StarfleetTUI

/// Everything needed to start a run (and to fingerprint it).
public struct RunLaunch: Hashable, Sendable {
    public var id: String
    public var ship: String
    public var origin: PayloadOrigin
    /// The exact bytes shown in the inspector; the child runs these.
    public var payloadData: Data
    public var payloadSHA256: String
    public var target: RunTarget?
    public var mode: RunMode
    /// For a commit: the configuration digest the dry run saw (checked again before the start,
    /// and by the child itself: `--expect-config-digest`).
    public var expectedConfigurationDigest: String?
    /// For a commit: the account index file's digest the dry run saw (`--expect-index-digest`).
    public var expectedAccountIndexDigest: String?

    /// The commit gate's key for this run.
    public var gateTarget: CommitGate.Target {
        CommitGate.Target(ship: ship, accountId: target?.accountId, region: target?.region)
    }

    public init(id: String, ship: String, origin: PayloadOrigin, payloadData: Data, payloadSHA256: String,
                target: RunTarget?, mode: RunMode, expectedConfigurationDigest: String? = nil,
                expectedAccountIndexDigest: String? = nil) {
        self.id = id
        self.ship = ship
        self.origin = origin
        self.payloadData = payloadData
        self.payloadSHA256 = payloadSHA256
        self.target = target
        self.mode = mode
        self.expectedConfigurationDigest = expectedConfigurationDigest
        self.expectedAccountIndexDigest = expectedAccountIndexDigest
    }
}

public enum RunStatus: Hashable, Sendable {
    case starting
    case running
    case cancelling
    case succeeded
    case failed(Int32)
    /// Stopped after the operator cancelled it: the exit status (or signal) it ended with.
    case cancelled(Int32)
    /// Killed by a signal nobody in the console sent (a crash).
    case crashed(signal: Int32)
    case failedToStart(String)

    public var isActive: Bool {
        switch self {
        case .starting, .running, .cancelling: return true
        default: return false
        }
    }
}

/// A dry run that succeeded in this console: the details the commit dialog repeats (the
/// decision is `CommitGate`'s).
public struct DryRunRecord: Hashable, Sendable {
    public var fingerprint: RunFingerprint
    public var runID: String
    public var payloadName: String
    public var finishedAt: Date
    public var duration: TimeInterval
    public var lineCount: Int
    /// The lines worth repeating in the confirmation dialog.
    public var summary: [String]
    /// The plan the ship reported (`plan_add`, … in its JSON record); nil when it reported none.
    public var plan: PlanSummary?
}

public struct RunState: Sendable {
    public var launch: RunLaunch
    public var status: RunStatus = .starting
    public var fingerprint: RunFingerprint?
    public var logPath: String?
    public var startedAt: Date
    public var endedAt: Date?
    public var exitCode: Int32?
    public var log = LogPane(capacity: 10_000)
    public var lineCount: Int = 0
    /// Warnings and notable lines, for the dry-run summary.
    public var highlights: [String] = []
    /// The plan the ship reported as data (the record with `plan_add`, …).
    public var plan: PlanSummary?

    public init(launch: RunLaunch, startedAt: Date) {
        self.launch = launch
        self.startedAt = startedAt
    }
}


/// The commit confirmation: the dialog and the launch it confirms.
public struct CommitDialogState: Hashable, Sendable {
    public var dialog: Dialog
    public var launch: RunLaunch
    public var fingerprint: RunFingerprint
    public var error: String?
    /// A commit of marked targets: one launch each, in order (empty: the single `launch`).
    public var fleet: [RunLaunch] = []
    /// Their fingerprints, re-checked by the gate when the commit is confirmed.
    public var fleetFingerprints: [RunFingerprint] = []
    /// A fleet commit stops starting targets after the first failure (the dialog's third button toggles it).
    public var stopOnFirstFailure = true

    /// What the operator types: the ship's name, and for more than one target their count.
    public var phrase: String { fleet.count > 1 ? "\(launch.ship) \(fleet.count)" : launch.ship }
}
