import Starfleet
import StarfleetTUI

/// Inspector: the source YAML beside what the schema made of it; a fan-out tab for ACCOUNT and
/// ACCOUNT_REGION ships.
enum InspectorView {
    static func render(_ state: AppState, layout: ConsoleLayout, on surface: inout MemorySurface) {
        let theme = state.theme
        guard let inspector = state.inspector else { return }
        renderTabs(inspector, area: layout.inspectorTabs, on: &surface, theme: theme)
        switch inspector.tab {
        case .payload: renderPayload(state, inspector, layout: layout, on: &surface)
        case .fanOut: renderFanOut(state, inspector, layout: layout, on: &surface)
        }
    }

    static func renderTabs(_ inspector: InspectorState, area: Rect, on surface: inout MemorySurface, theme: Theme) {
        var line = StyledLine([Span(" ")])
        let active = theme[.selection]
        let tabs: [(String, InspectorState.Tab)] = inspector.needsTarget
            ? [("Payload", .payload), ("Fan-out (f)", .fanOut)] : [("Payload", .payload)]
        for (title, tab) in tabs {
            line.append(Span(" \(title) ", style: tab == inspector.tab ? .concrete(active) : .theme(.textMuted)))
            line.append(Span(" "))
        }
        line.append(Span(" \(inspector.ship) · \(inspector.strategy.rawValue)", .textMuted))
        var right = StyledLine()
        if inspector.needsTarget {
            right.append(Span("Target: ", .textMuted))
            if let target = inspector.target {
                right.append(Span(target.display, style: .concrete(theme[.title])))
            } else {
                right.append(Span("none picked (f, Enter)", .notice))
            }
        }
        let rightWidth = min(right.width, area.width / 2)
        surface.put(line, row: area.row, column: area.column, base: theme[.text], theme: theme,
                    maxWidth: area.width - rightWidth - 1)
        if rightWidth > 0 {
            surface.put(right.truncated(to: rightWidth), row: area.row, column: area.right - rightWidth - 1,
                        base: theme[.text], theme: theme, maxWidth: rightWidth)
        }
    }

    static func renderPayload(_ state: AppState, _ inspector: InspectorState, layout: ConsoleLayout,
                              on surface: inout MemorySurface) {
        let theme = state.theme
        let leftTitle = "Source · \(inspector.origin.name)"
        guard let document = inspector.document else {
            let inner = ConsoleView.frame(leftTitle, in: layout.inspectorPanes, on: &surface, theme: theme)
            let text = inspector.error.map { StyledLine("✗ " + $0, style: .theme(.error)) }
                ?? StyledLine("Loading \(inspector.origin.display)…", style: .theme(.textMuted))
            ConsoleView.message([text], in: inner, on: &surface, theme: theme)
            return
        }
        let highlight = inspector.highlight.isEmpty ? nil : inspector.highlight
        let leftInner = ConsoleView.frame(leftTitle, in: layout.inspectorLeftFrame, focused: inspector.focus == .source,
                                          on: &surface, theme: theme)
        var source = TextPane(lines: document.source.lines, scrollOffset: inspector.sourceScroll,
                              horizontalOffset: inspector.sourceColumn, showsLineNumbers: true, wraps: inspector.wraps,
                              cursorLine: inspector.sourceCursor, markers: document.source.markers, highlight: highlight)
        source.wrapsAtWords = true
        source.render(on: &surface, in: leftInner, theme: theme)
        putViewNote(inspector, column: inspector.sourceColumn, under: leftInner, on: &surface, theme: theme)
        var rightTitle = document.loadedTitle
        if document.analysis.isValid { rightTitle += " · \(document.analysis.problemCount == 0 ? "valid" : "")" }
        let rightInner = ConsoleView.frame(rightTitle, in: layout.inspectorRightFrame, focused: inspector.focus == .loaded,
                                           on: &surface, theme: theme)
        var loaded = TextPane(lines: document.loaded.lines, scrollOffset: inspector.loadedScroll,
                              horizontalOffset: inspector.loadedColumn, wraps: inspector.wraps,
                              cursorLine: document.loaded.lines.isEmpty ? nil : inspector.loadedCursor, highlight: highlight)
        loaded.wrapsAtWords = true
        loaded.render(on: &surface, in: rightInner.inset(left: 1), theme: theme)
        putViewNote(inspector, column: inspector.loadedColumn, under: rightInner, on: &surface, theme: theme)
    }

    /// A pane's note in its bottom border: wrapping, or how far it is scrolled sideways.
    static func putViewNote(_ inspector: InspectorState, column: Int, under inner: Rect, on surface: inout MemorySurface,
                            theme: Theme) {
        let note = inspector.wraps ? " wrap " : (column > 0 ? " from column \(column + 1) " : "")
        guard !note.isEmpty, inner.width > DisplayWidth.of(note) + 2 else { return }
        surface.put(note, row: inner.bottom, column: inner.right - DisplayWidth.of(note) - 1, style: theme[.frame])
    }

    /// The row's latest dry run as the commit gate sees it now.
    static func outcome(_ state: AppState, _ row: FanOutRow) -> StyledLine {
        if let item = state.fleetRun?.item(accountId: row.accountId, region: row.region), item.isQueued {
            return StyledLine("queued", style: .theme(.textMuted))
        }
        guard let fingerprint = RunFeature.fingerprint(state, accountId: row.accountId, region: row.region) else {
            return StyledLine()
        }
        switch state.commitGate.status(of: fingerprint, now: state.now) {
        case .notRun: return StyledLine("—", style: .theme(.textMuted))
        case .running: return StyledLine("… running", style: .theme(.textMuted))
        case .ready(let plan?) where !plan.hasChanges: return StyledLine("✔ no changes", style: .theme(.diffAdd))
        case .ready(let plan?): return StyledLine("✔ +\(plan.toAdd) ~\(plan.toChange) -\(plan.toDestroy)", style: .theme(.diffAdd))
        case .ready(nil): return StyledLine("✔ succeeded", style: .theme(.diffAdd))
        case .failed: return StyledLine("✗ failed", style: .theme(.error))
        case .cancelled: return StyledLine("■ cancelled", style: .theme(.logWarning))
        case .stale: return StyledLine("stale", style: .theme(.logWarning))
        }
    }

    /// The summary line, then up to `room` targets (failures first, then running ones) with
    /// their outcome; `L` opens any of them.
    static func summaryLines(_ fleet: FleetRunState, room: Int) -> [StyledLine] {
        let style: ThemeKey = fleet.failures.isEmpty ? (fleet.isActive ? .textMuted : .diffAdd) : .error
        var lines = [StyledLine(fleet.summary, style: .theme(style))]
        let listed = fleet.summaryItems.filter { $0.isFailure || $0.isRunning }
        guard room > 0, !listed.isEmpty else { return lines }
        let shown = listed.count > room ? room - 1 : room
        for item in listed.prefix(shown) {
            let target = item.launch.target?.display ?? item.launch.ship
            let lineCount = " · \(item.lineCount) line\(item.lineCount == 1 ? "" : "s")"
            switch item.status {
            case .failed(let code)?:
                lines.append(StyledLine([Span("  ✗ " + target, .error), Span(" · failed · exit \(code)" + lineCount + " · L: its log", .textMuted)]))
            case .crashed(let signal)?:
                lines.append(StyledLine([Span("  ✗ " + target, .error), Span(" · crashed · signal \(signal)" + lineCount, .textMuted)]))
            case .failedToStart(let reason)?:
                lines.append(StyledLine([Span("  ✗ " + target, .error), Span(" · not started: " + reason, .textMuted)]))
            default:
                lines.append(StyledLine([Span("  ● " + target, .notice), Span(" · running" + lineCount + " · L: live log", .textMuted)]))
            }
        }
        if listed.count > shown { lines.append(StyledLine("  … and \(listed.count - shown) more", style: .theme(.textMuted))) }
        return lines
    }

    static func renderFanOut(_ state: AppState, _ inspector: InspectorState, layout: ConsoleLayout,
                             on surface: inout MemorySurface) {
        let theme = state.theme
        let fanOut = inspector.fanOut
        let rows = fanOut.visibleRows
        var title = "Fan-out · \(inspector.strategy.rawValue)"
        if !fanOut.isLoading && fanOut.error == nil {
            title += " · \(fanOut.invocationCount) invocation\(fanOut.invocationCount == 1 ? "" : "s")"
        }
        if !fanOut.marked.isEmpty { title += " · \(fanOut.marked.count) marked" }
        if !fanOut.list.filter.isEmpty { title += " · filter “\(fanOut.list.filter)”" }
        let inner = ConsoleView.frame(title, in: layout.inspectorPanes, on: &surface, theme: theme)
        if fanOut.isLoading {
            let source = state.fleet.snapshot?.indexSource ?? "the account index"
            ConsoleView.message([StyledLine("Loading the account index (\(source))…", style: .theme(.textMuted))],
                                in: inner, on: &surface, theme: theme)
            return
        }
        if let error = fanOut.error {
            ConsoleView.message([StyledLine("✗ " + error, style: .theme(.error))], in: inner, on: &surface, theme: theme)
            return
        }
        var tableArea = inner
        if let fleet = state.fleetRun, fleet.ship == inspector.ship, inner.height > 3 {
            // The fleet run's summary: progress and plan totals, then the targets, failures first.
            let lines = summaryLines(fleet, room: max(0, min(6, (inner.height - 4) / 3)))
            let (top, rest) = inner.splitTop(lines.count)
            ConsoleView.message(lines, in: top, on: &surface, theme: theme)
            tableArea = rest
        }
        var columns = [TableColumn("", width: .fixed(1)), TableColumn("Account", width: .fit(min: 12)),
                       TableColumn("Name", width: .flex(weight: 2, min: 8)), TableColumn("OU path", width: .flex(weight: 2, min: 6))]
        if inspector.strategy == .accountRegion { columns.append(TableColumn("Region", width: .fit(min: 10))) }
        columns += [TableColumn("Tags", width: .flex(weight: 2, min: 6)), TableColumn("Last dry run", width: .fixed(16)),
                    TableColumn("", width: .fixed(10))]
        ConsoleView.table(columns: columns, count: rows.count, list: fanOut.list, in: tableArea,
                          emptyMessage: "The payload fans out to no account.", on: &surface, theme: theme) { index in
            let row = rows[index]
            var cells = [fanOut.marked.contains(row.key) ? StyledLine("●", style: .theme(.badgeDryRun)) : StyledLine(" "),
                         StyledLine(row.accountId), StyledLine(row.accountName ?? "—"), StyledLine(row.orgPath, style: .theme(.textMuted))]
            if inspector.strategy == .accountRegion { cells.append(StyledLine(row.region ?? "—")) }
            cells.append(StyledLine(row.tags, style: .theme(.textMuted)))
            cells.append(outcome(state, row))
            let picked = inspector.target.map { $0.accountId == row.accountId && $0.region == row.region } ?? false
            cells.append(picked ? StyledLine(" TARGET ", style: .theme(.badgeDryRun)) : StyledLine())
            return TableRow(cells)
        }
    }
}
