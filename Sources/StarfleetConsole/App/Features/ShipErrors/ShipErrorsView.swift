import Starfleet
import StarfleetTUI

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
        let wrapped = state.shipErrors.wrap ? lines.flatMap { $0.wrapped(width: max(1, content.width)) } : lines
        let offset = min(state.shipErrors.scroll, max(0, wrapped.count - content.height))
        TextPane(lines: wrapped, scrollOffset: offset).render(on: &surface, in: content, theme: theme)
    }
}
