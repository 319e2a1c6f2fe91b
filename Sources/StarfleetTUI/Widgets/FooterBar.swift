/// The bottom line: the keys that apply here (from the binding registry) and
/// an optional message on the right.
/// ```
///  Enter Open  / Filter  ? Help  q Quit                     3 ships hidden
/// ```
/// Items that do not fit are left out whole, from the end.
public struct FooterBar: Widget, Hashable, Sendable {
    public var items: [FooterItem]
    public var message: StyledLine?

    public init(items: [FooterItem], message: StyledLine? = nil) {
        self.items = items
        self.message = message
    }

    /// The footer for a screen, straight from the registry.
    public init<Command: Hashable & Sendable>(registry: KeyBindingRegistry<Command>, contexts: [BindingContext], message: StyledLine? = nil) {
        self.init(items: registry.footerItems(for: contexts), message: message)
    }

    public func render(on surface: inout some Surface, in area: Rect, theme: Theme) {
        guard area.height > 0, area.width > 0 else { return }
        let row = area.row
        let base = theme[.footer]
        surface.fill(area.row(at: 0), style: base)

        var messageStart = area.right
        if let message, message.width > 0 {
            let reserved = items.isEmpty ? 0 : min(itemsWidth(), area.width / 2)
            let room = area.width - 2 - reserved
            let shown = message.truncated(to: max(0, min(message.width, room)))
            messageStart = area.right - shown.width - 1
            surface.put(shown, row: row, column: messageStart, base: base, theme: theme, maxWidth: shown.width)
        }

        var column = area.column + 1
        for item in items {
            let width = DisplayWidth.of(item.key) + 1 + DisplayWidth.of(item.label)
            guard column + width <= messageStart - 1 else { break }
            let keyStyle = item.isEnabled ? base.patched(with: theme[.footerKey]) : base.patched(with: theme[.footerDisabled])
            let labelStyle = item.isEnabled ? base : base.patched(with: theme[.footerDisabled])
            column += surface.put(item.key, row: row, column: column, style: keyStyle)
            column += surface.put(" " + item.label, row: row, column: column, style: labelStyle)
            column += 2
        }
    }

    private func itemsWidth() -> Int {
        items.reduce(1) { $0 + DisplayWidth.of($1.key) + 1 + DisplayWidth.of($1.label) + 2 }
    }
}
