/// The `?` overlay: the key bindings that apply here, generated from the
/// registry, in a centred box that scrolls when it is taller than the screen.
public struct HelpOverlay: Widget, Hashable, Sendable {
    public var sections: [HelpSection]
    public var title: String
    public var scrollOffset: Int

    public init(sections: [HelpSection], title: String = "Keys · Esc closes", scrollOffset: Int = 0) {
        self.sections = sections
        self.title = title
        self.scrollOffset = scrollOffset
    }

    public init<Command: Hashable & Sendable>(registry: KeyBindingRegistry<Command>, contexts: [BindingContext], scrollOffset: Int = 0) {
        self.init(sections: registry.helpSections(for: contexts), scrollOffset: scrollOffset)
    }

    /// The overlay's text: a heading per section, then one line per binding
    /// (`  keys   description`, with `(disabled: reason)` where it applies).
    public static func lines(for sections: [HelpSection]) -> [StyledLine] {
        let keyWidth = sections.flatMap(\.entries).map { DisplayWidth.of($0.keys) }.max() ?? 0
        var lines: [StyledLine] = []
        for (index, section) in sections.enumerated() {
            if index > 0 { lines.append(StyledLine()) }
            lines.append(StyledLine(section.title, style: .theme(.helpSection)))
            for entry in section.entries {
                var line = StyledLine([Span("  "), Span(TextLayout.pad(entry.keys, to: keyWidth), .helpKey),
                                       Span("  " + entry.description)])
                if let reason = entry.disabledReason {
                    line.append(Span(" (disabled: \(reason))", .textMuted))
                }
                lines.append(line)
            }
        }
        return lines
    }

    public func render(on surface: inout some Surface, in area: Rect, theme: Theme) {
        let lines = Self.lines(for: sections)
        let contentWidth = max(lines.map(\.width).max() ?? 0, DisplayWidth.of(title) + 4)
        let box = area.centered(width: min(contentWidth + 4, area.width), height: min(lines.count + 2, area.height))
        guard box.width >= 4, box.height >= 3 else { return }
        let base = theme[.dialog]
        surface.fill(box, style: base)
        let inner = surface.drawFrame(box, style: base.patched(with: theme[.frameFocused]), title: title,
                                      titleStyle: base.patched(with: theme[.title]))
        let content = inner.inset(left: 1, right: 1)
        let offset = min(max(0, scrollOffset), max(0, lines.count - content.height))
        for row in 0..<content.height where offset + row < lines.count {
            surface.put(lines[offset + row], row: content.row + row, column: content.column, base: base, theme: theme,
                        maxWidth: content.width)
        }
    }
}
