import StarfleetTUI

/// The console's key bindings: one table that drives key dispatch, the footer and `?` help.
public enum ConsoleBindings {
    // Contexts (screens and modes).
    public static let fleet: BindingContext = "fleet"
    public static let errors: BindingContext = "errors"
    public static let picker: BindingContext = "picker"
    public static let inspector: BindingContext = "inspector"
    public static let fanOut: BindingContext = "fan-out"
    public static let run: BindingContext = "run"
    public static let history: BindingContext = "history"
    public static let log: BindingContext = "log"
    public static let dialog: BindingContext = "dialog"
    public static let input: BindingContext = "input"
    public static let help: BindingContext = "help"
    public static let tooSmall: BindingContext = "too-small"

    static let lists: Set<BindingContext> = [fleet, errors, picker, inspector, fanOut, run, history, log]

    /// Every binding (commit ones are dangerous: read-only mode removes them).
    public static let all: [ConsoleKeyBinding] = [
        // Modal contexts first: they never include `global`. The dialog, the input line and the help
        // overlay handle their own keys; these bindings only describe them (footer and help).
        KeyBinding(.dialogFocus, keys: [.tab, .backTab], label: "Next button",
                   description: "Move the focus between the buttons", contexts: [dialog], isHelpOnly: true),
        KeyBinding(.dialogActivate, keys: [.enter], label: "Activate",
                   description: "Press the focused button", contexts: [dialog], isHelpOnly: true),
        KeyBinding(.dialogCancel, keys: [.escape], label: "Cancel",
                   description: "Close the dialog without doing anything", contexts: [dialog], isHelpOnly: true),
        KeyBinding(.inputSubmit, keys: [.enter], label: "Apply", contexts: [input], isHelpOnly: true),
        KeyBinding(.inputCancel, keys: [.escape], label: "Cancel", contexts: [input], isHelpOnly: true),
        KeyBinding(.closeHelp, keys: [.escape, .char("?"), .char("q")], label: "Close help", contexts: [help], isHelpOnly: true),
        KeyBinding(.quit, keys: [.char("q"), .ctrl("c")], label: "Quit", contexts: [tooSmall]),

        // Fleet.
        KeyBinding(.openShip, keys: [.enter], label: "Open",
                   description: "Choose a payload for the ship (or show its configuration errors)", contexts: [fleet]),
        KeyBinding(.reloadConfiguration, keys: [.char("r")], label: "Reload", description: "Re-read the configuration",
                   contexts: [fleet]),
        // Picker.
        KeyBinding(.openEntry, keys: [.enter], label: "Open",
                   description: "Inspect the payload (or enter the directory)", contexts: [picker]),
        KeyBinding(.toggleSource, keys: [.tab], label: "Local/S3",
                   description: "Switch between the local directory and the S3 template bucket", contexts: [picker]),
        KeyBinding(.parentDirectory, keys: [.backspace, .char("-")], label: "Up",
                   description: "Go to the parent directory", contexts: [picker]),
        KeyBinding(.refreshListing, keys: [.char("r")], label: "Refresh", description: "List again", contexts: [picker]),
        // Inspector.
        KeyBinding(.switchSide, keys: [.tab], label: "Switch side",
                   description: "Move the cursor between the source and the loaded payload", contexts: [inspector]),
        KeyBinding(.showFanOut, keys: [.char("f")], label: "Fan-out",
                   description: "Accounts (and regions) the payload fans out to; pick where to run", contexts: [inspector]),
        KeyBinding(.showPayload, keys: [.char("f"), .char("p")], label: "Payload",
                   description: "Back to the payload tab", contexts: [fanOut]),
        KeyBinding(.pickTarget, keys: [.enter], label: "Pick target",
                   description: "Run in the selected account (and region)", contexts: [fanOut]),
        KeyBinding(.toggleMark, keys: [.char(" ")], label: "Mark",
                   description: "Mark or unmark the target: d dry-runs every marked target", contexts: [fanOut]),
        KeyBinding(.markAll, keys: [.char("a")], label: "Mark all", description: "Mark every target shown (the filter's)",
                   contexts: [fanOut], showInFooter: false),
        KeyBinding(.markNone, keys: [.char("u")], label: "Unmark all", description: "Clear every mark",
                   contexts: [fanOut], showInFooter: false),
        KeyBinding(.invertMarks, keys: [.char("i")], label: "Invert marks", description: "Invert the marks of the targets shown",
                   contexts: [fanOut], showInFooter: false),
        KeyBinding(.openTargetLog, keys: [.char("L")], label: "Target log",
                   description: "The saved log of the target's fleet dry run", contexts: [fanOut], showInFooter: false),
        KeyBinding(.dryRun, keys: [.char("d")], label: "Dry run",
                   description: "Run the ship without changing anything (every marked target, else the picked one)",
                   contexts: [inspector, fanOut, run]),
        KeyBinding(.commit, keys: [.char("C")], label: "Commit",
                   description: "Commit (after a successful dry run of the same ship, payload, configuration and target); asks for confirmation",
                   contexts: [inspector, fanOut, run], isDangerous: true),
        KeyBinding(.showRun, keys: [.char("l")], label: "Run log", description: "Show the current (or last) run",
                   contexts: [inspector, fanOut, fleet, history]),
        KeyBinding(.showHistory, keys: [.char("h")], label: "History", description: "Past runs and their logs",
                   contexts: [fleet, picker, inspector, fanOut, run]),
        // Run and logs.
        KeyBinding(.cancelRun, keys: [.char("x")], label: "Cancel run",
                   description: "Stop the run (SIGTERM, then SIGKILL after a grace period); a fleet dry run starts no more targets",
                   contexts: [run, fanOut]),
        KeyBinding(.search, keys: [.char("/")], label: "Search", description: "Search the log", contexts: [run, log]),
        KeyBinding(.nextMatch, keys: [.char("n")], label: "Next match", contexts: [run, log, inspector], showInFooter: false),
        KeyBinding(.previousMatch, keys: [.char("N")], label: "Previous match", contexts: [run, log, inspector],
                   showInFooter: false),
        KeyBinding(.toggleWrap, keys: [.char("w")], label: "Wrap", description: "Wrap long lines on or off",
                   contexts: [run, log, errors]),
        KeyBinding(.move(.bottom), keys: [.char("G"), .end], label: "Follow",
                   description: "Jump to the end (and follow new lines)", contexts: [run, log]),
        KeyBinding(.filter, keys: [.char("&")], label: "Filter lines",
                   description: "Show only the lines containing the text (Esc clears the filter)", contexts: [run, log],
                   showInFooter: false),
        KeyBinding(.cycleLogLevel, keys: [.char("v")], label: "Level",
                   description: "Show lines from this level up: all → info → warning → error → all", contexts: [run, log],
                   showInFooter: false),
        KeyBinding(.toggleTimestamps, keys: [.char("t")], label: "Timestamps", description: "Show or hide the timestamps",
                   contexts: [run, log], showInFooter: false),
        KeyBinding(.toggleWrap, keys: [.char("w")], label: "Wrap", description: "Wrap long lines in both panes on or off",
                   contexts: [inspector]),
        KeyBinding(.scrollLeft, keys: [.left, .char("<")], label: "Scroll left",
                   description: "Scroll long lines to the left (wrap off)", contexts: [run, log, inspector], showInFooter: false),
        KeyBinding(.scrollRight, keys: [.right, .char(">")], label: "Scroll right",
                   description: "Scroll long lines to the right (wrap off)", contexts: [run, log, inspector], showInFooter: false),
        KeyBinding(.copyLine, keys: [.char("y")], label: "Copy line",
                   description: "Copy the selected line (the search match, else the top line while paused, else the newest) with OSC 52",
                   contexts: [run, log], showInFooter: false),
        KeyBinding(.copyAccount, keys: [.char("a")], label: "Copy account", description: "Copy the run's account id (OSC 52)",
                   contexts: [run, log], showInFooter: false),
        KeyBinding(.copyRunID, keys: [.char("i")], label: "Copy run id", description: "Copy the run id (OSC 52)",
                   contexts: [run, log], showInFooter: false),
        KeyBinding(.copyLogPath, keys: [.char("p")], label: "Copy log path", description: "Copy the saved log's path (OSC 52)",
                   contexts: [run, log], showInFooter: false),
        // History.
        KeyBinding(.openHistoryLog, keys: [.enter], label: "Open log", description: "Show the run's saved log",
                   contexts: [history]),
        KeyBinding(.reloadHistory, keys: [.char("r")], label: "Reload", contexts: [history]),
        // Movement everywhere there is a list.
        KeyBinding(.move(.up), keys: [.up, .char("k")], label: "Up", description: "Move up", contexts: lists,
                   showInFooter: false),
        KeyBinding(.move(.down), keys: [.down, .char("j")], label: "Down", description: "Move down", contexts: lists,
                   showInFooter: false),
        KeyBinding(.move(.pageUp), keys: [.pageUp], label: "Page up", contexts: lists, showInFooter: false),
        KeyBinding(.move(.pageDown), keys: [.pageDown], label: "Page down", contexts: lists, showInFooter: false),
        KeyBinding(.move(.top), keys: [.home, .char("g")], label: "Top", description: "Jump to the top", contexts: lists,
                   showInFooter: false),
        KeyBinding(.move(.bottom), keys: [.end, .char("G")], label: "Bottom", description: "Jump to the bottom",
                   contexts: [fleet, errors, picker, inspector, fanOut, history], showInFooter: false),
        // Global.
        StandardBindings<ConsoleCommand>.filter,
        StandardBindings<ConsoleCommand>.commandLine,
        StandardBindings<ConsoleCommand>.help,
        StandardBindings<ConsoleCommand>.back,
        StandardBindings<ConsoleCommand>.redraw,
        KeyBinding(.quit, keys: [.char("q"), .ctrl("c")], label: "Quit", description: "Quit the console"),
    ]

    /// The registry with the current state's disabled reasons applied (each feature answers for its commands).
    public static func registry(for state: AppState) -> KeyBindingRegistry<ConsoleCommand> {
        var bindings = state.keyBindings
        if let inspector = state.inspector, !inspector.needsTarget,
           let index = bindings.firstIndex(where: { $0.command == .showFanOut }) {
            bindings[index].showInFooter = false
        }
        var registry = KeyBindingRegistry(bindings, readOnly: state.readOnly)
        registry.setDisabledReasons { ConsoleReducer.disabledReason(for: $0, in: state) }
        return registry
    }

    /// The contexts in effect, most specific first.
    public static func contexts(for state: AppState) -> [BindingContext] {
        if state.isTooSmall { return [tooSmall] }
        if case .commitDialog = state.overlay { return [dialog] }
        if case .help = state.overlay { return [help] }
        if state.input != nil { return [input] }
        return [screenContext(state), .global]
    }

    static func screenContext(_ state: AppState) -> BindingContext {
        switch state.screen {
        case .fleet: return fleet
        case .shipErrors: return errors
        case .picker: return picker
        case .inspector: return state.inspector?.tab == .fanOut ? fanOut : inspector
        case .run: return run
        case .history: return history
        case .historyLog: return log
        }
    }
}
