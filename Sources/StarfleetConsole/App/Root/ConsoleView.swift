import Foundation
import Starfleet
import StarfleetTUI

/// `render(state)`: the whole screen as a `MemorySurface`. Pure; the runtime paints the result.
public enum ConsoleView {
    public static func render(_ state: AppState) -> MemorySurface {
        var surface = MemorySurface(size: state.size)
        render(state, on: &surface)
        return surface
    }

    public static func render(_ state: AppState, on surface: inout MemorySurface) {
        let theme = state.theme
        guard !state.isTooSmall else {
            TooSmallNotice(actual: state.size).render(on: &surface, in: surface.bounds, theme: theme)
            return
        }
        surface.fill(surface.bounds, style: theme[.text])
        let layout = ConsoleLayout(state)
        header(state).render(on: &surface, in: layout.header, theme: theme)
        switch state.screen {
        case .fleet: FleetView.render(state, layout: layout, on: &surface)
        case .shipErrors(let name): ShipErrorsView.render(state, ship: name, layout: layout, on: &surface)
        case .picker: PickerView.render(state, layout: layout, on: &surface)
        case .inspector: InspectorView.render(state, layout: layout, on: &surface)
        case .run: RunView.render(state, layout: layout, on: &surface)
        case .history: HistoryView.render(state, layout: layout, on: &surface)
        case .historyLog: HistoryLogView.render(state, layout: layout, on: &surface)
        }
        if let input = state.input, let area = layout.inputLine {
            InputLine(prompt: input.prompt, input: input.field,
                      placeholder: input.purpose == .command ? "q · theme NAME · reload · history · payloads DIR" : nil)
                .render(on: &surface, in: area, theme: theme)
        }
        footer(state).render(on: &surface, in: layout.footer, theme: theme)
        if let flash = state.flash { toast(flash, layout: layout, on: &surface, theme: theme) }
        switch state.overlay {
        case .help(let scroll):
            var screenOnly = state
            screenOnly.overlay = nil
            screenOnly.input = nil
            let sections = ConsoleBindings.registry(for: state).helpSections(for: ConsoleBindings.contexts(for: screenOnly))
            HelpOverlay(sections: sections + ConsoleKeyBindingsFile.helpSections(state.keyBindingProblems), scrollOffset: scroll)
                .render(on: &surface, in: layout.body, theme: theme)
        case .commitDialog(let dialog):
            dialog.dialog.render(on: &surface, in: layout.screen, theme: theme)
        case nil:
            break
        }
    }

    // MARK: - Header and footer

    static func header(_ state: AppState) -> HeaderBar {
        let indexWidth = state.fleet.snapshot.map { DisplayWidth.of($0.indexSource) } ?? 0
        var segments = HeaderView.segments(state.header, width: state.size.width)
        // The identity and endpoint come first; the configuration path gives way to them.
        let identityWidth = segments.reduce(0) { $0 + $1.width + 3 }
        let room = max(12, min(state.size.width * 2 / 5, state.size.width - 42 - indexWidth - identityWidth))
        segments.append(StyledLine([Span("config ", .textMuted), Span(abbreviate(state.configurationDirectory, to: room))]))
        if let snapshot = state.fleet.snapshot {
            segments.append(StyledLine([Span("index ", .textMuted),
                                        Span(snapshot.indexSource, style: snapshot.indexSourceIsValid ? .inherit : .theme(.error))]))
        } else if let override = state.accountIndexOverride {
            segments.append(StyledLine([Span("index ", .textMuted), Span(override)]))
        }
        var badges: [Badge] = []
        if state.isCommitting {
            badges.append(Badge("COMMIT", style: .badgeCommit))
        } else {
            badges.append(Badge(state.isRunActive ? "DRY RUN ▶" : "DRY RUN", style: .badgeDryRun))
        }
        if state.readOnly { badges.append(Badge("[R]", style: .badgeReadonly)) }
        if let environment = HeaderView.badge(state.header) { badges.append(environment) }
        return HeaderBar(title: "Starfleet", segments: segments, badges: badges, titleStyle: HeaderView.titleStyle(state.header))
    }

    static func footer(_ state: AppState) -> FooterBar {
        FooterBar(registry: ConsoleBindings.registry(for: state), contexts: ConsoleBindings.contexts(for: state))
    }

    /// The flash message, on the bottom edge of the body (above the footer), right-aligned.
    static func toast(_ flash: Flash, layout: ConsoleLayout, on surface: inout MemorySurface, theme: Theme) {
        let row = layout.body.bottom - 1
        guard row > 0, layout.body.width > 8 else { return }
        let icon: String
        let style: Style
        switch flash.kind {
        case .info:
            icon = "ℹ"
            style = theme[.notice].adding(.reverse)
        case .warning:
            icon = "⚠"
            style = theme[.notice].adding(.reverse).adding(.bold)
        case .error:
            icon = "✗"
            style = theme[.error].adding(.reverse)
        }
        let text = TextLayout.truncate(" \(icon) \(flash.text) ", to: layout.body.width - 4)
        let width = DisplayWidth.of(text)
        surface.put(text, row: row, column: layout.body.right - width - 2, style: style)
    }

    // MARK: - Shared pieces

    /// A frame with a title; focused frames use `frame.focused`.
    @discardableResult
    static func frame(_ title: String, in area: Rect, focused: Bool = true, on surface: inout MemorySurface,
                      theme: Theme) -> Rect {
        surface.drawFrame(area, style: theme[focused ? .frameFocused : .frame], title: title, titleStyle: theme[.title])
    }

    /// Muted text in the first row of an area (loading, empty, errors).
    static func message(_ lines: [StyledLine], in area: Rect, on surface: inout MemorySurface, theme: Theme) {
        var row = area.row
        for line in lines {
            for piece in line.wrapped(width: max(1, area.width - 2)) where row < area.bottom {
                surface.put(piece, row: row, column: area.column + 1, base: theme[.text], theme: theme, maxWidth: area.width - 2)
                row += 1
            }
        }
    }

    /// Renders a table showing only the rows on screen (lists may hold thousands of entries).
    static func table(columns: [TableColumn], count: Int, list: ListState, in area: Rect,
                      emptyMessage: String, on surface: inout MemorySurface, theme: Theme,
                      row makeRow: (Int) -> TableRow) {
        let selected = list.selected
        let visible = max(1, area.height - 1)
        let offset = Scrolling.offset(keeping: count > 0 ? selected : nil, current: list.scroll, visible: visible, count: count)
        let end = min(count, offset + visible)
        let rows = (offset..<max(offset, end)).map(makeRow)
        TableView(columns: columns, rows: rows, selectedRow: count > 0 ? selected - offset : nil,
                  emptyMessage: emptyMessage)
            .render(on: &surface, in: area, theme: theme)
        if count > visible, area.width > 12 {
            let text = " \(offset + 1)–\(end) of \(count) "
            surface.put(text, row: area.bottom, column: area.right - DisplayWidth.of(text) - 1, style: theme[.frame])
        }
    }

    static func seconds(_ interval: TimeInterval) -> String {
        interval < 60 ? String(format: "%.1f s", max(0, interval))
                      : "\(Int(interval) / 60) min \(String(format: "%02d", Int(interval) % 60)) s"
    }

    /// A path cut from the left (`…/configuration`) to at most `width` cells.
    static func abbreviate(_ path: String, to width: Int) -> String {
        guard DisplayWidth.of(path) > width, width > 2 else { return path }
        var tail = ""
        for character in path.reversed() {
            if DisplayWidth.of(tail) + DisplayWidth.of(character) + 1 > width { break }
            tail.insert(character, at: tail.startIndex)
        }
        return "…" + tail
    }

    static func shortPath(_ path: String) -> String {
        (path as NSString).lastPathComponent
    }
}
