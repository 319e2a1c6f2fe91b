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
    public static let all: [KeyBinding] = [
        // Modal contexts first: they never include `global`.
        KeyBinding(id: "dialog.focus", keys: [.tab, .backTab], label: "Next button",
                   description: "Move the focus between the buttons", contexts: [dialog]),
        KeyBinding(id: "dialog.activate", keys: [.enter], label: "Activate",
                   description: "Press the focused button", contexts: [dialog]),
        KeyBinding(id: "dialog.cancel", keys: [.escape], label: "Cancel",
                   description: "Close the dialog without doing anything", contexts: [dialog]),
        KeyBinding(id: "input.submit", keys: [.enter], label: "Apply", contexts: [input]),
        KeyBinding(id: "input.cancel", keys: [.escape], label: "Cancel", contexts: [input]),
        KeyBinding(id: "help.close", keys: [.escape, .char("?"), .char("q")], label: "Close help", contexts: [help]),
        KeyBinding(id: "quit", keys: [.char("q"), .ctrl("c")], label: "Quit", contexts: [tooSmall]),

        // Fleet.
        KeyBinding(id: "fleet.open", keys: [.enter], label: "Open",
                   description: "Choose a payload for the ship (or show its configuration errors)", contexts: [fleet]),
        KeyBinding(id: "fleet.reload", keys: [.char("r")], label: "Reload", description: "Re-read the configuration",
                   contexts: [fleet]),
        // Picker.
        KeyBinding(id: "picker.open", keys: [.enter], label: "Open",
                   description: "Inspect the payload (or enter the directory)", contexts: [picker]),
        KeyBinding(id: "picker.source", keys: [.tab], label: "Local/S3",
                   description: "Switch between the local directory and the S3 template bucket", contexts: [picker]),
        KeyBinding(id: "picker.parent", keys: [.backspace, .char("-")], label: "Up",
                   description: "Go to the parent directory", contexts: [picker]),
        KeyBinding(id: "picker.refresh", keys: [.char("r")], label: "Refresh", description: "List again", contexts: [picker]),
        // Inspector.
        KeyBinding(id: "inspector.side", keys: [.tab], label: "Switch side",
                   description: "Move the cursor between the source and the loaded payload", contexts: [inspector]),
        KeyBinding(id: "inspector.fanout", keys: [.char("f")], label: "Fan-out",
                   description: "Accounts (and regions) the payload fans out to; pick where to run", contexts: [inspector]),
        KeyBinding(id: "inspector.payload", keys: [.char("f"), .char("p")], label: "Payload",
                   description: "Back to the payload tab", contexts: [fanOut]),
        KeyBinding(id: "fanout.pick", keys: [.enter, .char(" ")], label: "Pick target",
                   description: "Run in the selected account (and region)", contexts: [fanOut]),
        KeyBinding(id: "run.dry", keys: [.char("d")], label: "Dry run",
                   description: "Run the ship without changing anything", contexts: [inspector, fanOut, run]),
        KeyBinding(id: "run.commit", keys: [.char("C")], label: "Commit",
                   description: "Commit (after a successful dry run of the same ship, payload, configuration and target); asks for confirmation",
                   contexts: [inspector, fanOut, run], isDangerous: true),
        KeyBinding(id: "run.show", keys: [.char("l")], label: "Run log", description: "Show the current (or last) run",
                   contexts: [inspector, fanOut, fleet, history]),
        KeyBinding(id: "fleet.history", keys: [.char("h")], label: "History", description: "Past runs and their logs",
                   contexts: [fleet, picker, inspector, fanOut, run]),
        // Run and logs.
        KeyBinding(id: "run.cancel", keys: [.char("x")], label: "Cancel run",
                   description: "Stop the run (SIGTERM, then SIGKILL after a grace period)", contexts: [run]),
        KeyBinding(id: "log.search", keys: [.char("/")], label: "Search", description: "Search the log", contexts: [run, log]),
        KeyBinding(id: "log.next", keys: [.char("n")], label: "Next match", contexts: [run, log], showInFooter: false),
        KeyBinding(id: "log.previous", keys: [.char("N")], label: "Previous match", contexts: [run, log], showInFooter: false),
        KeyBinding(id: "log.wrap", keys: [.char("w")], label: "Wrap", description: "Wrap long lines on or off",
                   contexts: [run, log, errors]),
        KeyBinding(id: "move.bottom", keys: [.char("G"), .end], label: "Follow",
                   description: "Jump to the end (and follow new lines)", contexts: [run, log]),
        // History.
        KeyBinding(id: "history.open", keys: [.enter], label: "Open log", description: "Show the run's saved log",
                   contexts: [history]),
        KeyBinding(id: "history.reload", keys: [.char("r")], label: "Reload", contexts: [history]),
        // Movement everywhere there is a list.
        KeyBinding(id: "move.up", keys: [.up, .char("k")], label: "Up", description: "Move up", contexts: lists,
                   showInFooter: false),
        KeyBinding(id: "move.down", keys: [.down, .char("j")], label: "Down", description: "Move down", contexts: lists,
                   showInFooter: false),
        KeyBinding(id: "move.pageUp", keys: [.pageUp], label: "Page up", contexts: lists, showInFooter: false),
        KeyBinding(id: "move.pageDown", keys: [.pageDown], label: "Page down", contexts: lists, showInFooter: false),
        KeyBinding(id: "move.top", keys: [.home, .char("g")], label: "Top", description: "Jump to the top", contexts: lists,
                   showInFooter: false),
        KeyBinding(id: "move.end", keys: [.end, .char("G")], label: "Bottom", description: "Jump to the bottom",
                   contexts: [fleet, errors, picker, inspector, fanOut, history], showInFooter: false),
        // Global.
        StandardBindings.filter,
        StandardBindings.command,
        StandardBindings.help,
        StandardBindings.back,
        StandardBindings.redraw,
        KeyBinding(id: "quit", keys: [.char("q"), .ctrl("c")], label: "Quit", description: "Quit the console"),
    ]

    /// The registry with the current state's disabled reasons applied.
    public static func registry(for state: AppState) -> KeyBindingRegistry {
        var bindings = all
        if let inspector = state.inspector, !inspector.needsTarget,
           let index = bindings.firstIndex(where: { $0.id == "inspector.fanout" }) {
            bindings[index].showInFooter = false
        }
        var registry = KeyBindingRegistry(bindings, readOnly: state.readOnly)
        registry.setDisabledReason(ConsoleReducer.commitGateReason(state), for: "run.commit")
        registry.setDisabledReason(ConsoleReducer.dryRunReason(state), for: "run.dry")
        registry.setDisabledReason(state.isRunActive ? nil : "No run is in progress.", for: "run.cancel")
        registry.setDisabledReason(state.run == nil ? "No run yet." : nil, for: "run.show")
        if let inspector = state.inspector, !inspector.needsTarget {
            registry.setDisabledReason("\(inspector.ship) runs once (SINGLE_INVOCATION); it does not fan out.",
                                       for: "inspector.fanout")
        }
        if state.picker?.source == .local, state.fleet.snapshot?.templateBucket == nil {
            registry.setDisabledReason("STARFLEET.TemplateBucket is not set.", for: "picker.source")
        }
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
