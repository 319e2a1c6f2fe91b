import Foundation
import Starfleet
import StarfleetTUI

/// The console's only way to change state: `reduce(&state, action)` applies an action and
/// returns the effects the runtime must perform. Pure: no I/O, no clock, no globals.
///
/// The root owns the screen stack, the overlays (help, input line, commit dialog), flash
/// messages and key dispatch; everything else belongs to the feature of its screen
/// (`App/Features/<Screen>/`), which the root routes to.
public enum ConsoleReducer {
    @discardableResult
    public static func reduce(_ state: inout AppState, _ action: Action) -> [Effect] {
        switch action {
        case .key(let key):
            return handleKey(key, &state)
        case .resize(let size):
            state.size = size
            return []
        case .tick(let date):
            state.now = date
            if let flash = state.flash, flash.expires <= date { state.flash = nil }
            return FleetFeature.refreshQueueDepthsIfDue(&state)
        case .themeLoaded(let theme, let warnings):
            state.theme = theme
            if warnings.isEmpty {
                state.showFlash("Theme \(theme.name) (\(theme.source))")
            } else {
                state.showFlash(warnings.joined(separator: "; "), .warning)
            }
            return []
        case .historyWriteFailed(let message):
            state.showFlash("Could not record the run in the history: \(message)", .error)
            return []
        case .configurationLoaded, .configurationFailed, .queueDepthsRead:
            return FleetFeature.reduce(action, &state)
        case .pickerListed, .pickerValidated:
            return PickerFeature.reduce(action, &state)
        case .payloadOpened, .fanOutLoaded:
            return InspectorFeature.reduce(action, &state)
        case .historyLoaded, .historyRecorded:
            return HistoryFeature.reduce(action, &state)
        case .historyLogLoaded:
            return HistoryLogFeature.reduce(action, &state)
        case .commitChecked, .runStarted, .runOutput, .runFinished, .runNotStarted:
            return RunFeature.reduce(action, &state)
        case .identityFetched:
            return HeaderFeature.reduce(action, &state)
        }
    }

    // MARK: - Routing

    /// The feature that owns a screen.
    static func feature(for screen: Screen) -> any ConsoleFeature.Type {
        switch screen {
        case .fleet: return FleetFeature.self
        case .shipErrors: return ShipErrorsFeature.self
        case .picker: return PickerFeature.self
        case .inspector: return InspectorFeature.self
        case .run: return RunFeature.self
        case .history: return HistoryFeature.self
        case .historyLog: return HistoryLogFeature.self
        }
    }

    /// The feature that performs a command: run and history commands are bound on several
    /// screens but belong to one feature; the rest act on the screen shown.
    static func owner(of command: ConsoleCommand, in state: AppState) -> any ConsoleFeature.Type {
        switch command {
        case .dryRun, .commit, .showRun, .cancelRun: return RunFeature.self
        case .showHistory: return HistoryFeature.self
        default: return feature(for: state.screen)
        }
    }

    /// Why a command is refused now (nil: it runs). Drives the footer, help and key dispatch.
    public static func disabledReason(for command: ConsoleCommand, in state: AppState) -> String? {
        switch command {
        case .quit, .help, .commandLine, .filter, .back, .redraw: return nil
        default: return owner(of: command, in: state).disabledReason(for: command, in: state)
        }
    }

    // MARK: - Keys

    static func handleKey(_ key: Key, _ state: inout AppState) -> [Effect] {
        if key == .ctrl("l") { return [.redraw] }
        if key == .resize { return [] }
        if case .commitDialog(let dialog) = state.overlay, !state.isTooSmall {
            return RunFeature.dialogKey(key, dialog, &state)
        }
        if case .help(let scroll) = state.overlay, !state.isTooSmall {
            switch key {
            case .escape, .char("?"), .char("q"): state.overlay = nil
            case .up, .char("k"): state.overlay = .help(scroll: max(0, scroll - 1))
            case .down, .char("j"): state.overlay = .help(scroll: scroll + 1)
            case .pageUp: state.overlay = .help(scroll: max(0, scroll - 10))
            case .pageDown: state.overlay = .help(scroll: scroll + 10)
            default: break
            }
            return []
        }
        if state.input != nil, !state.isTooSmall { return InputLineReducer.handle(key, &state) }
        let registry = ConsoleBindings.registry(for: state)
        switch registry.resolve(key, in: ConsoleBindings.contexts(for: state)) {
        case .perform(let binding):
            return perform(binding.command, &state)
        case .disabled(_, let reason):
            state.showFlash(reason, .warning)
            return []
        case .unbound:
            return []
        }
    }

    static func perform(_ command: ConsoleCommand, _ state: inout AppState) -> [Effect] {
        switch command {
        case .quit: return quit(&state, force: false)
        case .help:
            state.overlay = .help(scroll: 0)
            return []
        case .commandLine:
            state.input = ActiveInput(purpose: .command)
            return []
        case .filter:
            let current = currentFilter(state)
            state.input = ActiveInput(purpose: .filter, field: TextInput(current), previous: current)
            return []
        case .back: return back(&state)
        case .redraw: return [.redraw]
        default: return owner(of: command, in: state).perform(command, &state)
        }
    }

    static func quit(_ state: inout AppState, force: Bool) -> [Effect] {
        if state.fleetRun?.isActive == true {
            guard force else {
                state.showFlash("A fleet dry run is in progress: x cancels it, :q! cancels it and quits.", .warning)
                return []
            }
            state.shouldQuit = true
            return FleetRunFeature.cancel(&state)
        }
        if let run = state.run, run.status.isActive {
            guard force else {
                state.showFlash("A run is in progress: x cancels it (in the run view), :q! cancels it and quits.", .warning)
                return []
            }
            state.shouldQuit = true
            return [.cancelRun(id: run.launch.id)]
        }
        state.shouldQuit = true
        return []
    }

    static func back(_ state: inout AppState) -> [Effect] {
        if !currentFilter(state).isEmpty {
            setFilter("", &state)
            return []
        }
        if feature(for: state.screen).back(&state) { return [] }
        if state.screens.count > 1 {
            state.pop()
        } else {
            state.showFlash("This is the home screen: q quits.")
        }
        return []
    }

    static func currentFilter(_ state: AppState) -> String {
        feature(for: state.screen).filter(in: state) ?? ""
    }

    static func setFilter(_ text: String, _ state: inout AppState) {
        feature(for: state.screen).setFilter(text, &state)
    }
}
