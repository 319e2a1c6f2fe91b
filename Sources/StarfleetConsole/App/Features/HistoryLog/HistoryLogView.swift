import Foundation
import StarfleetTUI

/// A past run's saved log.
enum HistoryLogView {
    static func render(_ state: AppState, layout: ConsoleLayout, on surface: inout MemorySurface) {
        let theme = state.theme
        guard let log = state.historyLog else { return }
        let record = log.record
        var info = StyledLine([Span(" " + record.ship, style: .concrete(theme[.title])), Span(" · \(record.mode.rawValue) · \(record.start)")])
        if log.liveRunID != nil {
            info.append(Span(" · ● running, live", .notice))
        } else {
            info.append(Span(record.exitStatus.map { " · exit \($0)" } ?? " · running",
                             record.exitStatus == 0 ? .diffAdd : record.isRunning ? .logWarning : .error))
        }
        if log.totalLines > log.log.lineCount {
            info.append(Span(" · last \(log.log.lineCount) of \(log.totalLines) lines", .textMuted))
        } else if !log.isLoading {
            info.append(Span(" · \(log.totalLines) lines", .textMuted))
        }
        for note in RunView.viewNotes(log.log) { info.append(note) }
        surface.put(info, row: layout.historyLogInfo.row, column: 0, base: theme[.text], theme: theme,
                    maxWidth: layout.historyLogInfo.width)
        let inner = ConsoleView.frame("Log · \(record.logPath)", in: layout.historyLogFrame, on: &surface, theme: theme)
        if log.isLoading {
            ConsoleView.message([StyledLine("Reading \(record.logPath)…", style: .theme(.textMuted))], in: inner,
                                on: &surface, theme: theme)
        } else if let error = log.error {
            ConsoleView.message([StyledLine("✗ " + error, style: .theme(.error))], in: inner, on: &surface, theme: theme)
        } else {
            log.log.render(on: &surface, in: inner, theme: theme)
        }
    }
}
