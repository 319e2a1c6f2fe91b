import StarfleetTUI

/// Past runs, newest first; Enter opens one's saved log.
enum HistoryFeature: ConsoleFeature {
    static func reduce(_ action: Action, _ state: inout AppState) -> [Effect] {
        switch action {
        case .historyLoaded(let records):
            state.history.records = records
            state.history.isLoading = false
        case .historyRecorded(let record):
            if let index = state.history.records.firstIndex(where: { $0.id == record.id }) {
                state.history.records[index] = record
            } else {
                state.history.records.insert(record, at: 0)
            }
        default:
            return []
        }
        state.history.list.clamp(count: state.history.visibleRecords.count)
        return []
    }

    static func perform(_ command: ConsoleCommand, _ state: inout AppState) -> [Effect] {
        switch command {
        case .showHistory:
            state.push(.history)
            state.history.isLoading = true
            return [.loadHistory]
        case .reloadHistory:
            state.history.isLoading = true
            return [.loadHistory]
        case .openHistoryLog:
            return HistoryLogFeature.open(&state)
        case .move(let motion):
            state.history.list.move(motion, count: state.history.visibleRecords.count,
                                    visible: ConsoleLayout(state).listVisibleRows)
            return []
        default:
            return []
        }
    }

    static func filter(in state: AppState) -> String? { state.history.list.filter }

    static func setFilter(_ text: String, _ state: inout AppState) { state.history.list.setFilter(text) }
}
