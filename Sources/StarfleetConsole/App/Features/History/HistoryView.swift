import Foundation
import Starfleet
import StarfleetTUI

/// Past runs, newest first.
enum HistoryView {
    static func render(_ state: AppState, layout: ConsoleLayout, on surface: inout MemorySurface) {
        let theme = state.theme
        let history = state.history
        let records = history.visibleRecords
        var title = "Run history · \(history.records.count) run\(history.records.count == 1 ? "" : "s")"
        if !history.list.filter.isEmpty { title += " · filter “\(history.list.filter)”" }
        let inner = ConsoleView.frame(title, in: layout.listFrame, on: &surface, theme: theme)
        if history.isLoading && history.records.isEmpty {
            ConsoleView.message([StyledLine("Loading the history…", style: .theme(.textMuted))], in: inner,
                                on: &surface, theme: theme)
            return
        }
        let columns = [
            TableColumn("Started (UTC)", width: .fixed(19)),
            TableColumn("Ship", width: .fit(min: 4, max: 32)),
            TableColumn("Mode", width: .fixed(8)),
            TableColumn("Target", width: .fit(min: 6, max: 30)),
            TableColumn("Exit", width: .fixed(7), alignment: .right),
            TableColumn("Payload", width: .flex(weight: 1, min: 8)),
        ]
        ConsoleView.table(columns: columns, count: records.count, list: history.list,
                          in: inner, emptyMessage: "No runs yet.", on: &surface, theme: theme) { index in
            let record = records[index]
            let target = [record.accountId, record.region].compactMap { $0 }.joined(separator: " / ")
            return TableRow([
                StyledLine(String(record.start.replacingOccurrences(of: "T", with: " ").prefix(19))),
                StyledLine(record.ship),
                StyledLine(record.mode.rawValue, style: record.mode.isCommit ? .theme(.error) : .inherit),
                StyledLine(target.isEmpty ? "—" : target),
                Self.exitCell(record),
                StyledLine(record.payloadPath),
            ])
        }
    }

    /// The exit status, or "running" while the run has not written its final record (reload to update).
    static func exitCell(_ record: RunHistoryRecord) -> StyledLine {
        guard let status = record.exitStatus else { return StyledLine("running", style: .theme(.logWarning)) }
        return StyledLine(String(status), style: status == 0 ? .theme(.diffAdd) : .theme(.error))
    }
}
