import Foundation
import Logging
import Starfleet
import StarfleetSchema
import StarfleetTUI

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

// MARK: - Overlays

public enum Overlay: Hashable, Sendable {
    case help(scroll: Int)
    case commitDialog(CommitDialogState)
}

// MARK: - The whole state

/// Everything the console shows, in one value. `ConsoleReducer.reduce` changes it; the runtime
/// only sets `sessionTag` and stretches the first flash message before the first frame.
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
    /// Cancelling a running commit: the question asked, or SIGTERM sent.
    public var commitCancel: CommitCancelStage?
    /// The dry run of the marked targets, while it runs and after.
    public var fleetRun: FleetRunState?
    /// How many targets of a fleet dry run run at once (`--fleet-concurrency`).
    public var fleetConcurrency = 4
    /// Each target's latest dry run: what decides whether commit is offered.
    public var commitGate = CommitGate()
    /// The details of the last dry run that succeeded, for the commit dialog (shown only while
    /// the gate still approves that run).
    public var lastSuccessfulDryRun: DryRunRecord?
    /// A commit waiting for its last check (configuration re-read) before the dialog opens.
    public var pendingCommit: RunLaunch?
    /// For a commit of marked targets: those targets (`pendingCommit` is the first).
    public var pendingFleetTargets: [RunTarget] = []
    /// The local directory the picker opens (from `--payloads`, else `console.json`).
    public var payloadDirectory: String
    /// `--payloads DIR`: every ship's picker starts in `DIR/<ShipName>/` (or `DIR`), whatever
    /// the previous picker browsed.
    public var payloadRoot: String?
    public var shouldQuit = false
    /// A counter for request ids and run ids.
    public var sequence = 0
    /// Makes run ids unique across consoles sharing a history (the runtime sets the pid).
    public var sessionTag = "0"
    public var shipErrors = ShipErrorsState()
    /// Identity, profile/endpoint and environment label for the header.
    public var header = HeaderState()
    /// The bindings in effect: the defaults with `keys.yaml`'s overrides applied.
    public var keyBindings: [ConsoleKeyBinding] = ConsoleBindings.all
    /// What `keys.yaml` got wrong (the flash says it at start; `?` help keeps listing it).
    public var keyBindingProblems: [KeyBindingProblem] = []
    /// Whether log panes wrap long lines (`w`; remembered in `console.json`).
    public var logWraps = false

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

    public var isCommitting: Bool {
        (run.map { $0.launch.mode.isCommit && $0.status.isActive } ?? false)
            || (fleetRun.map { $0.mode.isCommit && $0.isActive } ?? false)
    }
    public var isRunActive: Bool { (run?.status.isActive ?? false) || (fleetRun?.isActive ?? false) }
}
