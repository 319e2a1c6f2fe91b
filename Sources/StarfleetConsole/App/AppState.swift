import Foundation
import Logging
import Starfleet
import StarfleetSchema

/// The screens, in the order an operator usually meets them.
public enum Screen: Hashable, Sendable {
    /// Home: every registered ship.
    case fleet
    /// An invalid ship's configuration errors.
    case shipErrors(String)
    case picker
    case inspector
    case run
    case history
    /// A past run's saved log.
    case historyLog
}

/// A short message in the footer.
public struct Flash: Hashable, Sendable {
    public enum Kind: Hashable, Sendable { case info, warning, error }
    public var text: String
    public var kind: Kind
    public var expires: Date

    public init(_ text: String, kind: Kind = .info, expires: Date) {
        self.text = text
        self.kind = kind
        self.expires = expires
    }
}

/// The one-line input at the bottom: a filter, a command or a log search.
public struct ActiveInput: Hashable, Sendable {
    public enum Purpose: Hashable, Sendable { case filter, command, search }
    public var purpose: Purpose
    public var field: TextInput
    /// The filter before editing started (restored by Esc).
    public var previous: String

    public init(purpose: Purpose, field: TextInput = TextInput(), previous: String = "") {
        self.purpose = purpose
        self.field = field
        self.previous = previous
    }

    public var prompt: String {
        switch purpose {
        case .filter: return "/"
        case .command: return ":"
        case .search: return "search /"
        }
    }
}

// MARK: - Fleet

public struct FleetState: Hashable, Sendable {
    public var snapshot: FleetSnapshot?
    /// Why the configuration could not be read at all.
    public var loadError: String?
    public var isLoading: Bool = true
    public var selected: Int = 0
    public var scroll: Int = 0
    public var filter: String = ""

    public init() {}

    /// Ships matching the filter.
    public var visibleShips: [ShipRow] {
        let ships = snapshot?.ships ?? []
        guard !filter.isEmpty else { return ships }
        return ships.filter {
            TextSearch.contains($0.name, filter) || TextSearch.contains($0.state.label, filter)
                || TextSearch.contains($0.strategy.rawValue, filter)
        }
    }

    public var selectedShip: ShipRow? {
        let ships = visibleShips
        guard !ships.isEmpty else { return nil }
        return ships[min(max(0, selected), ships.count - 1)]
    }
}

// MARK: - Payload picker

public enum PickerSource: Hashable, Sendable {
    case local
    case s3
}

/// Whether a picker entry validates for the ship (filled in by background validation).
public enum EntryValidity: Hashable, Sendable {
    case pending
    case valid
    case invalid(Int)
    case unreadable(String)
}

public struct PickerEntry: Hashable, Sendable {
    public enum Kind: Hashable, Sendable { case parent, directory, file }
    public var name: String
    public var kind: Kind
    public var origin: PayloadOrigin?
    /// Directory entries: the path to open.
    public var directory: String?
    public var validity: EntryValidity

    public init(name: String, kind: Kind, origin: PayloadOrigin? = nil, directory: String? = nil,
                validity: EntryValidity = .pending) {
        self.name = name
        self.kind = kind
        self.origin = origin
        self.directory = directory
        self.validity = validity
    }
}

public struct PickerState: Hashable, Sendable {
    public var ship: String
    public var source: PickerSource = .local
    public var directory: String
    /// `s3://bucket/prefix` when browsing S3.
    public var s3Location: String = ""
    public var entries: [PickerEntry] = []
    public var isLoading: Bool = true
    public var error: String?
    public var selected: Int = 0
    public var scroll: Int = 0
    public var filter: String = ""
    /// Results of an older listing are dropped.
    public var generation: Int = 0
    public var validatedCount: Int = 0

    public init(ship: String, directory: String) {
        self.ship = ship
        self.directory = directory
    }

    public var visibleIndices: [Int] {
        guard !filter.isEmpty else { return Array(entries.indices) }
        return entries.indices.filter { entries[$0].kind != .parent && TextSearch.contains(entries[$0].name, filter) }
    }

    public var fileCount: Int { entries.reduce(0) { $0 + ($1.kind == .file ? 1 : 0) } }
}

// MARK: - Inspector

/// The account (and region) a fanned-out ship runs in.
public struct RunTarget: Hashable, Sendable {
    public var accountId: String
    public var accountName: String?
    public var region: String?

    public init(accountId: String, accountName: String? = nil, region: String? = nil) {
        self.accountId = accountId
        self.accountName = accountName
        self.region = region
    }

    public var display: String {
        "\(accountId)\(accountName.map { " (\($0))" } ?? "")\(region.map { " / \($0)" } ?? "")"
    }
}

public struct FanOutRow: Hashable, Sendable {
    public var accountId: String
    public var accountName: String?
    public var region: String?
}

public struct FanOutState: Hashable, Sendable {
    public var isLoading: Bool = false
    public var error: String?
    public var rows: [FanOutRow] = []
    public var invocationCount: Int = 0
    public var selected: Int = 0
    public var scroll: Int = 0
    public var filter: String = ""
    public var requested: Bool = false

    public init() {}

    public var visibleRows: [FanOutRow] {
        guard !filter.isEmpty else { return rows }
        return rows.filter {
            TextSearch.contains($0.accountId, filter) || TextSearch.contains($0.accountName ?? "", filter)
                || TextSearch.contains($0.region ?? "", filter)
        }
    }
}

public struct InspectorState: Hashable, Sendable {
    public enum Tab: Hashable, Sendable { case payload, fanOut }
    public enum Side: Hashable, Sendable { case source, loaded }

    public var ship: String
    public var strategy: FanOutStrategy
    public var origin: PayloadOrigin
    public var document: PayloadDocument?
    public var error: String?
    public var requestID: Int
    public var tab: Tab = .payload
    public var focus: Side = .source
    public var sourceCursor: Int = 0
    public var sourceScroll: Int = 0
    public var loadedCursor: Int = 0
    public var loadedScroll: Int = 0
    public var fanOut = FanOutState()
    public var target: RunTarget?
    /// Text highlighted on both sides (`/` in the payload tab).
    public var highlight: String = ""

    public init(ship: String, strategy: FanOutStrategy, origin: PayloadOrigin, requestID: Int) {
        self.ship = ship
        self.strategy = strategy
        self.origin = origin
        self.requestID = requestID
    }

    public var needsTarget: Bool { strategy != .singleInvocation }
}

// MARK: - Runs

/// Everything needed to start a run (and to fingerprint it).
public struct RunLaunch: Hashable, Sendable {
    public var id: String
    public var ship: String
    public var origin: PayloadOrigin
    /// The exact bytes shown in the inspector; the child runs these.
    public var payloadData: Data
    public var payloadSHA256: String
    public var target: RunTarget?
    public var commit: Bool
    /// For a commit: the configuration digest the dry run saw (checked again before the start).
    public var expectedConfigurationDigest: String?

    public init(id: String, ship: String, origin: PayloadOrigin, payloadData: Data, payloadSHA256: String,
                target: RunTarget?, commit: Bool, expectedConfigurationDigest: String? = nil) {
        self.id = id
        self.ship = ship
        self.origin = origin
        self.payloadData = payloadData
        self.payloadSHA256 = payloadSHA256
        self.target = target
        self.commit = commit
        self.expectedConfigurationDigest = expectedConfigurationDigest
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

/// A dry run that succeeded in this console: what commit compares against.
public struct DryRunRecord: Hashable, Sendable {
    public var fingerprint: RunFingerprint
    public var runID: String
    public var payloadName: String
    public var finishedAt: Date
    public var duration: TimeInterval
    public var lineCount: Int
    /// The lines worth repeating in the confirmation dialog.
    public var summary: [String]
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
    public var lastInfo: String?

    public init(launch: RunLaunch, startedAt: Date) {
        self.launch = launch
        self.startedAt = startedAt
    }
}

// MARK: - History

public struct HistoryState: Hashable, Sendable {
    public var records: [RunHistoryRecord] = []
    public var isLoading: Bool = false
    public var selected: Int = 0
    public var scroll: Int = 0
    public var filter: String = ""

    public init() {}

    public var visibleRecords: [RunHistoryRecord] {
        guard !filter.isEmpty else { return records }
        return records.filter {
            TextSearch.contains($0.ship, filter) || TextSearch.contains($0.payloadPath, filter)
                || TextSearch.contains($0.mode, filter) || TextSearch.contains($0.start, filter)
                || TextSearch.contains($0.accountId ?? "", filter)
        }
    }
}

public struct HistoryLogState: Sendable {
    public var record: RunHistoryRecord
    public var requestID: Int
    public var isLoading: Bool = true
    public var error: String?
    public var log = LogPane(capacity: 10_000)
    public var totalLines: Int = 0

    public init(record: RunHistoryRecord, requestID: Int) {
        self.record = record
        self.requestID = requestID
    }
}

// MARK: - Overlays

public struct CommitDialogState: Hashable, Sendable {
    public var dialog: Dialog
    public var launch: RunLaunch
    public var fingerprint: RunFingerprint
    public var error: String?
}

public enum Overlay: Hashable, Sendable {
    case help(scroll: Int)
    case commitDialog(CommitDialogState)
}

// MARK: - The whole state

/// Everything the console shows, in one value. Only `ConsoleReducer.reduce` changes it.
public struct AppState: Sendable {
    // Fixed at start.
    public var configurationDirectory: String
    public var readOnly: Bool
    public var accountIndexOverride: String?

    public var size: Size
    public var now: Date
    public var theme: Theme
    public var screens: [Screen] = [.fleet]
    public var fleet = FleetState()
    public var picker: PickerState?
    public var inspector: InspectorState?
    public var run: RunState?
    public var history = HistoryState()
    public var historyLog: HistoryLogState?
    public var overlay: Overlay?
    public var input: ActiveInput?
    public var flash: Flash?
    /// The last dry run that succeeded (commit needs one with the same fingerprint).
    public var lastSuccessfulDryRun: DryRunRecord?
    /// A commit waiting for its last check (configuration re-read) before the dialog opens.
    public var pendingCommit: RunLaunch?
    /// The local directory the picker opens (from `--payloads`, else `console.json`).
    public var payloadDirectory: String
    public var shouldQuit = false
    /// A counter for request ids and run ids.
    public var sequence = 0
    /// Makes run ids unique across consoles sharing a history (the runtime sets the pid).
    public var sessionTag = "0"
    /// Scroll position and wrapping of the configuration-errors screen.
    public var errorsScroll = 0
    public var errorsWrap = true

    public init(configurationDirectory: String, readOnly: Bool = false, accountIndexOverride: String? = nil,
                payloadDirectory: String, size: Size, now: Date, theme: Theme) {
        self.configurationDirectory = configurationDirectory
        self.readOnly = readOnly
        self.accountIndexOverride = accountIndexOverride
        self.payloadDirectory = payloadDirectory
        self.size = size
        self.now = now
        self.theme = theme
    }

    public var screen: Screen { screens.last ?? .fleet }

    public var isTooSmall: Bool { TooSmallNotice.isTooSmall(size) }

    public var isCommitting: Bool { run.map { $0.launch.commit && $0.status.isActive } ?? false }
    public var isRunActive: Bool { run?.status.isActive ?? false }
}
