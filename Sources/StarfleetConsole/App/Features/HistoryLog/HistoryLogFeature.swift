import Starfleet
import StarfleetTUI

/// A past run's saved log (its last 10,000 lines), searchable like the live one.
enum HistoryLogFeature: ConsoleFeature {
    static func reduce(_ action: Action, _ state: inout AppState) -> [Effect] {
        guard case .historyLogLoaded(let requestID, let result) = action,
              var log = state.historyLog, log.requestID == requestID else { return [] }
        log.isLoading = false
        switch result {
        case .success(let contents):
            // A live target log reloaded from its saved file once it finished: the file has it all.
            log.log.clear()
            log.log.append(contentsOf: contents.lines)
            log.totalLines = contents.totalLines
        case .failure(let failure):
            log.error = failure.message
        }
        state.historyLog = log
        return []
    }

    static func perform(_ command: ConsoleCommand, _ state: inout AppState) -> [Effect] {
        LogScreen.perform(command, &state)
    }

    /// `&` filters the log's lines.
    static func filter(in state: AppState) -> String? { LogScreen.filter(in: state) }
    static func setFilter(_ text: String, _ state: inout AppState) { LogScreen.setFilter(text, &state) }

    /// Opens the history's selected record.
    static func open(_ state: inout AppState) -> [Effect] {
        let records = state.history.visibleRecords
        guard let index = state.history.list.index(in: records.count) else { return [] }
        return open(records[index], &state)
    }

    /// Opens a run's saved log (from the history, or a fleet dry run's target).
    static func open(_ record: RunHistoryRecord, _ state: inout AppState) -> [Effect] {
        let requestID = state.nextID()
        state.historyLog = HistoryLogState(record: record, requestID: requestID)
        state.historyLog?.log.wraps = state.logWraps
        state.push(.historyLog)
        return [.openHistoryLog(requestID: requestID, path: record.logPath)]
    }
}
