import StarfleetTUI

/// The log commands the run screen and a saved log's screen share: search, next/previous
/// match, the line filter (`&`, text) and level filter (`v`), timestamps, wrap, scrolling and
/// copying. The pane is the saved log's on that screen, else the run's.
enum LogScreen {
    /// Cells one press of ←/→ scrolls.
    static let sidewaysStep = 10

    static func perform(_ command: ConsoleCommand, _ state: inout AppState) -> [Effect] {
        switch command {
        case .search:
            state.input = ActiveInput(purpose: .search, field: TextInput(pane(state)?.search ?? ""))
        case .nextMatch, .previousMatch:
            search(&state, forward: command == .nextMatch)
        case .toggleWrap:
            let wraps = !(pane(state)?.wraps ?? state.logWraps)
            update(&state) { $0.wraps = wraps }
            state.logWraps = wraps
            state.showFlash(wraps ? "Wrap on (remembered)." : "Wrap off (remembered): ←/→ scroll sideways.")
            return [.rememberLogWrap(wraps)]
        case .cycleLogLevel:
            update(&state) { $0.setFilter(minimumLevel: LogPane.nextLevel(after: $0.minimumLevel), text: $0.textFilter) }
            let level = pane(state)?.minimumLevel
            state.showFlash(level.map { "Showing \($0.rawValue) lines and above (v: next level)." } ?? "Showing every level.")
        case .toggleTimestamps:
            update(&state) { $0.showsTimestamps.toggle() }
        case .scrollLeft, .scrollRight:
            if pane(state)?.wraps == true {
                state.showFlash("Wrap is on: w turns it off to scroll sideways.", .warning)
            } else {
                update(&state) { $0.scrollHorizontally(by: command == .scrollLeft ? -sidewaysStep : sidewaysStep) }
            }
        case .copyLine, .copyAccount, .copyRunID, .copyLogPath:
            return copy(command, &state)
        case .move(let motion):
            let height = viewHeight(state)
            update(&state) { move(&$0, motion, height: height) }
        default:
            break
        }
        return []
    }

    static func viewHeight(_ state: AppState) -> Int {
        let layout = ConsoleLayout(state)
        return state.screen == .historyLog ? layout.historyLog.height : layout.runLog.height
    }

    /// The line filter `&` edits (applied as it is typed; Esc clears it).
    static func filter(in state: AppState) -> String? { pane(state)?.textFilter ?? "" }

    static func setFilter(_ text: String, _ state: inout AppState) {
        update(&state) { $0.setFilter(minimumLevel: $0.minimumLevel, text: text) }
    }

    /// The input line submitted a search: remember it and jump to the first match.
    static func submitSearch(_ text: String?, _ state: inout AppState) {
        update(&state) { $0.search = text }
        search(&state, forward: true)
    }

    static func pane(_ state: AppState) -> LogPane? {
        state.screen == .historyLog ? state.historyLog?.log : state.run?.log
    }

    static func update(_ state: inout AppState, _ change: (inout LogPane) -> Void) {
        // Moved out and back: a second reference would make the change copy the ring buffer.
        if state.screen == .historyLog {
            guard var log = state.historyLog else { return }
            state.historyLog = nil
            change(&log.log)
            state.historyLog = log
        } else if var run = state.run {
            state.run = nil
            change(&run.log)
            state.run = run
        }
    }

    static func search(_ state: inout AppState, forward: Bool) {
        let height = viewHeight(state)
        var found = true
        update(&state) { found = forward ? $0.searchNext(viewHeight: height) : $0.searchPrevious(viewHeight: height) }
        if !found, let search = pane(state)?.search { state.showFlash("No line matches “\(search)”.", .warning) }
    }

    /// What the copy keys copy: the selected line, the account, the run id or the log path of
    /// the run shown (the live run's, or the saved log's record).
    static func copySource(_ command: ConsoleCommand, _ state: AppState) -> (what: String, text: String?) {
        let record = state.screen == .historyLog ? state.historyLog?.record : nil
        let run = state.screen == .historyLog ? nil : state.run
        switch command {
        case .copyLine:
            guard let pane = pane(state), let line = pane.selectedLine(viewHeight: viewHeight(state)) else { return ("line", nil) }
            return ("the line", pane.showsTimestamps ? line.text : line.untimedText)
        case .copyAccount:
            return ("the account id", record?.accountId ?? run?.launch.target?.accountId)
        case .copyRunID:
            return ("the run id", record?.id ?? run?.launch.id)
        default:
            return ("the log path", record?.logPath ?? run?.logPath)
        }
    }

    static func copy(_ command: ConsoleCommand, _ state: inout AppState) -> [Effect] {
        let (what, text) = copySource(command, state)
        guard let text, !text.isEmpty else {
            let reason = command == .copyAccount ? "This run has no account (single invocation)."
                : command == .copyLogPath ? "The run has no saved log yet." : "Nothing to copy yet."
            state.showFlash(reason, .warning)
            return []
        }
        state.showFlash("Copied \(what) to the clipboard (OSC 52): \(TextLayout.truncate(text, to: 60))")
        return [.copyToClipboard(text)]
    }

    static func move(_ log: inout LogPane, _ motion: Motion, height: Int) {
        switch motion {
        case .up: log.scrollUp(1, viewHeight: height)
        case .down: log.scrollDown(1, viewHeight: height)
        case .pageUp: log.pageUp(viewHeight: height)
        case .pageDown: log.pageDown(viewHeight: height)
        case .top: log.scrollToTop()
        case .bottom: log.follow()
        }
    }
}
