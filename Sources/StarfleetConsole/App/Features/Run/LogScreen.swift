import StarfleetTUI

/// The log commands the run screen and a saved log's screen share: search, next/previous
/// match, wrap, scrolling. The pane is the saved log's on that screen, else the run's.
enum LogScreen {
    static func perform(_ command: ConsoleCommand, _ state: inout AppState) -> [Effect] {
        switch command {
        case .search:
            state.input = ActiveInput(purpose: .search, field: TextInput(pane(state)?.search ?? ""))
        case .nextMatch, .previousMatch:
            search(&state, forward: command == .nextMatch)
        case .toggleWrap:
            update(&state) { $0.wraps.toggle() }
        case .move(let motion):
            let layout = ConsoleLayout(state)
            let height = state.screen == .historyLog ? layout.historyLog.height : layout.runLog.height
            update(&state) { move(&$0, motion, height: height) }
        default:
            break
        }
        return []
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
        if state.screen == .historyLog {
            if var log = state.historyLog {
                change(&log.log)
                state.historyLog = log
            }
        } else if var run = state.run {
            change(&run.log)
            state.run = run
        }
    }

    static func search(_ state: inout AppState, forward: Bool) {
        let height = ConsoleLayout(state).runLog.height
        var found = true
        update(&state) { found = forward ? $0.searchNext(viewHeight: height) : $0.searchPrevious(viewHeight: height) }
        if !found, let search = pane(state)?.search { state.showFlash("No line matches “\(search)”.", .warning) }
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
