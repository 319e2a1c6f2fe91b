import Starfleet

/// Home: every registered ship, its fan-out strategy and state.
enum FleetView {
    static func render(_ state: AppState, layout: ConsoleLayout, on surface: inout MemorySurface) {
        let theme = state.theme
        let fleet = state.fleet
        let ships = fleet.visibleShips
        let total = fleet.snapshot?.ships.count ?? 0
        var title = "Fleet · \(total) ship\(total == 1 ? "" : "s")"
        if !fleet.filter.isEmpty { title += " · filter “\(fleet.filter)” · \(ships.count) shown" }
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
            TableColumn("Template prefix", width: .flex(weight: 1, min: 8)),
            TableColumn("Configuration file", width: .flex(weight: 1, min: 8)),
        ]
        ConsoleView.table(columns: columns, count: ships.count, selected: fleet.selected, scroll: fleet.scroll,
                          in: tableArea, emptyMessage: fleet.filter.isEmpty ? "No ships are registered." : "No ship matches the filter.",
                          on: &surface, theme: theme) { index in
            let ship = ships[index]
            var state = StyledLine([Span(" \(ship.state.label) ", ship.state.badge)])
            if ship.state == .invalid { state.append(Span(" \(ship.errors.count)", .error)) }
            return TableRow([
                StyledLine(ship.name),
                StyledLine(ship.strategy.rawValue),
                state,
                StyledLine(ship.templatePrefix ?? "—", style: ship.templatePrefix == nil ? .theme(.textMuted) : .inherit),
                StyledLine(ship.file.map(ConsoleView.shortPath) ?? "—"),
            ])
        }
    }
}

/// An invalid ship's configuration problems, as a tree with file:line on every message.
enum ShipErrorsView {
    static func lines(for ship: ShipRow) -> [StyledLine] {
        var lines: [StyledLine] = [
            StyledLine([Span(ship.name, .yamlKey), Span(" has an invalid configuration"),
                        Span(ship.file.map { " (\($0))" } ?? "", .textMuted)]),
            StyledLine("Fix the lines below in the configuration directory, then :reload.", style: .theme(.textMuted)),
            StyledLine(),
        ]
        var previous: [String] = []
        for entry in ship.errors {
            let common = zip(previous, entry.path).prefix { $0 == $1 }.count
            for depth in common..<entry.path.count {
                lines.append(StyledLine([Span(String(repeating: "  ", count: depth)), Span(entry.path[depth], .yamlKey)]))
            }
            lines.append(StyledLine([Span(String(repeating: "  ", count: entry.path.count) + "✗ "),
                                     Span(entry.message, .error), Span("  " + entry.location, .textMuted)]))
            previous = entry.path
        }
        return lines
    }

    static func render(_ state: AppState, ship name: String, layout: ConsoleLayout, on surface: inout MemorySurface) {
        let theme = state.theme
        guard let ship = state.fleet.snapshot?.ships.first(where: { $0.name == name }) else {
            let inner = ConsoleView.frame(name, in: layout.body, on: &surface, theme: theme)
            ConsoleView.message([StyledLine("\(name) is no longer in the configuration.")], in: inner, on: &surface, theme: theme)
            return
        }
        let title = "\(name) · invalid configuration · \(ship.errors.count) problem\(ship.errors.count == 1 ? "" : "s")"
        let inner = ConsoleView.frame(title, in: layout.body, on: &surface, theme: theme)
        let content = inner.inset(left: 1)
        let lines = lines(for: ship)
        let wrapped = state.errorsWrap ? lines.flatMap { $0.wrapped(width: max(1, content.width)) } : lines
        let offset = min(state.errorsScroll, max(0, wrapped.count - content.height))
        TextPane(lines: wrapped, scrollOffset: offset).render(on: &surface, in: content, theme: theme)
    }
}
