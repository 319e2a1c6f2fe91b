import Foundation

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
        var first = StyledLine([Span(" "), run.launch.commit ? Span(" COMMIT ", .badgeCommit) : Span(" DRY RUN ", .badgeDryRun),
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
        if run.log.wraps { line.append(Span(" · wrap on", .textMuted)) }
        if let search = run.log.search { line.append(Span(" · search “\(search)”", .textMuted)) }
        return line
    }
}

/// Past runs, newest first.
enum HistoryView {
    static func render(_ state: AppState, layout: ConsoleLayout, on surface: inout MemorySurface) {
        let theme = state.theme
        let history = state.history
        let records = history.visibleRecords
        var title = "Run history · \(history.records.count) run\(history.records.count == 1 ? "" : "s")"
        if !history.filter.isEmpty { title += " · filter “\(history.filter)”" }
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
            TableColumn("Exit", width: .fixed(5), alignment: .right),
            TableColumn("Payload", width: .flex(weight: 1, min: 8)),
        ]
        ConsoleView.table(columns: columns, count: records.count, selected: history.selected, scroll: history.scroll,
                          in: inner, emptyMessage: "No runs yet.", on: &surface, theme: theme) { index in
            let record = records[index]
            let target = [record.accountId, record.region].compactMap { $0 }.joined(separator: " / ")
            return TableRow([
                StyledLine(String(record.start.replacingOccurrences(of: "T", with: " ").prefix(19))),
                StyledLine(record.ship),
                StyledLine(record.mode, style: record.mode == "commit" ? .theme(.error) : .inherit),
                StyledLine(target.isEmpty ? "—" : target),
                StyledLine(String(record.exitStatus), style: record.exitStatus == 0 ? .theme(.diffAdd) : .theme(.error)),
                StyledLine(record.payloadPath),
            ])
        }
    }
}

/// A past run's saved log.
enum HistoryLogView {
    static func render(_ state: AppState, layout: ConsoleLayout, on surface: inout MemorySurface) {
        let theme = state.theme
        guard let log = state.historyLog else { return }
        let record = log.record
        var info = StyledLine([Span(" " + record.ship, style: .concrete(theme[.title])), Span(" · \(record.mode) · \(record.start)"),
                               Span(" · exit \(record.exitStatus)", record.exitStatus == 0 ? .diffAdd : .error)])
        if log.totalLines > log.log.lineCount {
            info.append(Span(" · last \(log.log.lineCount) of \(log.totalLines) lines", .textMuted))
        } else if !log.isLoading {
            info.append(Span(" · \(log.totalLines) lines", .textMuted))
        }
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
