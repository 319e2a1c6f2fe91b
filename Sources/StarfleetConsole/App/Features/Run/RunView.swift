import Foundation
import StarfleetTUI

/// The current (or last) run: what runs where, its status and elapsed time, its streaming log.
enum RunView {
    static func render(_ state: AppState, layout: ConsoleLayout, on surface: inout MemorySurface) {
        let theme = state.theme
        guard let run = state.run else {
            let inner = ConsoleView.frame("Run", in: layout.body, on: &surface, theme: theme)
            ConsoleView.message([StyledLine("No run yet.")], in: inner, on: &surface, theme: theme)
            return
        }
        let info = layout.runInfo
        var first = StyledLine([Span(" "), run.launch.mode.isCommit ? Span(" COMMIT ", .badgeCommit) : Span(" DRY RUN ", .badgeDryRun),
                                Span(" "), Span(run.launch.ship, style: .concrete(theme[.title])),
                                Span(" · " + ConsoleView.abbreviate(run.launch.origin.display, to: max(20, info.width / 2)))])
        if let target = run.launch.target { first.append(Span(" · " + target.display)) }
        surface.put(first, row: info.row, column: info.column, base: theme[.text], theme: theme, maxWidth: info.width)
        surface.put(statusLine(run, now: state.now), row: info.row + 1, column: info.column + 1, base: theme[.text],
                    theme: theme, maxWidth: info.width - 2)

        let title = "Log" + (run.logPath.map { " · " + $0 } ?? "")
        let inner = ConsoleView.frame(title, in: layout.runLogFrame, on: &surface, theme: theme)
        run.log.render(on: &surface, in: inner, theme: theme)
        if run.log.lineCount == 0 {
            ConsoleView.message([StyledLine(run.status.isActive ? "Waiting for the first log line…" : "No output.",
                                            style: .theme(.textMuted))], in: inner, on: &surface, theme: theme)
        }
    }

    static func statusLine(_ run: RunState, now: Date) -> StyledLine {
        let elapsed = ConsoleView.seconds((run.endedAt ?? now).timeIntervalSince(run.startedAt))
        var line = StyledLine()
        switch run.status {
        case .starting: line.append(Span("◌ starting", .notice))
        case .running: line.append(Span("● running", .notice))
        case .cancelling: line.append(Span("◍ cancelling", .logWarning))
        case .succeeded: line.append(Span("✔ succeeded · exit 0", .diffAdd))
        case .failed(let code): line.append(Span("✘ failed · exit \(code)", .error))
        case .cancelled(let code): line.append(Span("■ cancelled · exit \(code)", .logWarning))
        case .crashed(let signal): line.append(Span("✘ crashed · signal \(signal)", .error))
        case .failedToStart(let reason): line.append(Span("✘ not started: \(reason)", .error))
        }
        line.append(Span(" · ⏱ \(elapsed) · \(run.lineCount) line\(run.lineCount == 1 ? "" : "s")", .textMuted))
        line.append(Span(run.log.isFollowing ? " · following" : " · paused (G follows)", .textMuted))
        for note in viewNotes(run.log) { line.append(note) }
        return line
    }

    /// What the operator changed about the view: wrap, filters, timestamps, sideways scroll, search.
    static func viewNotes(_ log: LogPane) -> [Span] {
        var notes: [Span] = []
        if log.wraps { notes.append(Span(" · wrap on", .textMuted)) }
        if let level = log.minimumLevel { notes.append(Span(" · \(level.rawValue) and above", .notice)) }
        if !log.textFilter.isEmpty {
            notes.append(Span(" · filter “\(log.textFilter)”: \(log.shownCount) of \(log.lineCount) lines", .notice))
        }
        if !log.showsTimestamps { notes.append(Span(" · no timestamps", .textMuted)) }
        if !log.wraps, log.horizontalOffset > 0 { notes.append(Span(" · from column \(log.horizontalOffset + 1)", .textMuted)) }
        if let search = log.search { notes.append(Span(" · search “\(search)”", .textMuted)) }
        return notes
    }
}
