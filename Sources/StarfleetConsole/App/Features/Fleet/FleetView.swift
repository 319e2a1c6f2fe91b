import Starfleet
import StarfleetTUI

/// Home: every registered ship, its fan-out strategy and state.
enum FleetView {
    static func render(_ state: AppState, layout: ConsoleLayout, on surface: inout MemorySurface) {
        let theme = state.theme
        let fleet = state.fleet
        let ships = fleet.visibleShips
        let total = fleet.snapshot?.ships.count ?? 0
        var title = "Fleet · \(total) ship\(total == 1 ? "" : "s")"
        if !fleet.list.filter.isEmpty { title += " · filter “\(fleet.list.filter)” · \(ships.count) shown" }
        let inner = ConsoleView.frame(title, in: layout.listFrame, on: &surface, theme: theme)
        if let error = fleet.loadError {
            ConsoleView.message([StyledLine("✗ Cannot read the configuration", style: .theme(.error)),
                                 StyledLine(error), StyledLine(),
                                 StyledLine("Fix it, then :reload (or r).", style: .theme(.textMuted))],
                                in: inner, on: &surface, theme: theme)
            return
        }
        guard let snapshot = fleet.snapshot else {
            ConsoleView.message([StyledLine("Loading the configuration…", style: .theme(.textMuted))], in: inner,
                                on: &surface, theme: theme)
            return
        }
        var tableArea = inner
        if !snapshot.globalErrors.isEmpty {
            let rows = min(snapshot.globalErrors.count + 1, max(2, inner.height / 3))
            let split = inner.splitBottom(rows)
            tableArea = split.rest
            var lines = [StyledLine("✗ Configuration problems outside the ships' sections:", style: .theme(.error))]
            lines += snapshot.globalErrors.map {
                StyledLine([Span("  \($0.location)  ", .textMuted), Span("\($0.pathDescription): \($0.message)")])
            }
            for (offset, line) in lines.prefix(rows).enumerated() {
                surface.put(line, row: split.bottom.row + offset, column: split.bottom.column + 1, base: theme[.text],
                            theme: theme, maxWidth: split.bottom.width - 2)
            }
        }
        let columns = [
            TableColumn("Ship", width: .fit(min: 8, max: 40)),
            TableColumn("Fan-out", width: .fit(min: 7)),
            TableColumn("State", width: .fit(min: 7)),
            TableColumn("Queue", width: .fit(min: 5)),
            TableColumn("DLQ", width: .fit(min: 3)),
            TableColumn("Template prefix", width: .flex(weight: 1, min: 8)),
            TableColumn("Configuration file", width: .flex(weight: 1, min: 8)),
        ]
        ConsoleView.table(columns: columns, count: ships.count, list: fleet.list,
                          in: tableArea, emptyMessage: fleet.list.filter.isEmpty ? "No ships are registered." : "No ship matches the filter.",
                          on: &surface, theme: theme) { index in
            let ship = ships[index]
            var state = StyledLine([Span(" \(ship.state.label) ", ship.state.badge)])
            if ship.state == .invalid { state.append(Span(" \(ship.errors.count)", .error)) }
            let depth = fleet.queueDepths[ship.name]
            return TableRow([
                StyledLine(ship.name),
                StyledLine(ship.strategy.rawValue),
                state,
                queueCell(depth),
                deadLetterCell(depth),
                StyledLine(ship.templatePrefix ?? "—", style: ship.templatePrefix == nil ? .theme(.textMuted) : .inherit),
                StyledLine(ship.file.map(ConsoleView.shortPath) ?? "—"),
            ])
        }
    }

    /// Waiting messages, with those being worked on in brackets; `-` when the queue was not read.
    static func queueCell(_ depth: QueueDepth?) -> StyledLine {
        guard let depth else { return StyledLine("-", style: .theme(.textMuted)) }
        return StyledLine(depth.inFlight > 0 ? "\(depth.waiting) (+\(depth.inFlight))" : "\(depth.waiting)")
    }

    /// What kept failing; shown as an error once anything is there.
    static func deadLetterCell(_ depth: QueueDepth?) -> StyledLine {
        guard let count = depth?.deadLetters else { return StyledLine("-", style: .theme(.textMuted)) }
        return StyledLine("\(count)", style: count > 0 ? .theme(.error) : .inherit)
    }
}
