/// A one-line text field with a prompt (`/` to filter, `:` for commands).
/// The cursor is drawn as a reversed cell (the hardware cursor stays hidden),
/// and the text scrolls horizontally to keep it in view.
public struct InputLine: Widget, Hashable, Sendable {
    public var prompt: String
    public var input: TextInput
    /// Shown dimmed while the field is empty.
    public var placeholder: String?
    public var showsCursor: Bool

    public init(prompt: String, input: TextInput, placeholder: String? = nil, showsCursor: Bool = true) {
        self.prompt = prompt
        self.input = input
        self.placeholder = placeholder
        self.showsCursor = showsCursor
    }

    public func render(on surface: inout some Surface, in area: Rect, theme: Theme) {
        guard !area.isEmpty else { return }
        let base = theme[.input]
        let line = area.row(at: 0)
        surface.fill(line, style: base)
        var column = area.column
        if !prompt.isEmpty {
            column += surface.put(prompt, row: line.row, column: column, style: base.adding(.bold), maxWidth: area.width)
        }
        let width = area.right - column
        guard width > 0 else { return }

        let characters = Array(input.text)
        if characters.isEmpty, let placeholder {
            surface.put(TextLayout.truncate(placeholder, to: width), row: line.row, column: column,
                        style: base.patched(with: theme[.textMuted]))
        }
        // Scroll so the cursor (which needs one cell after the text) stays visible.
        let cursorColumn = DisplayWidth.of(String(characters.prefix(input.cursor)))
        let cursorWidth = input.cursor < characters.count ? max(1, DisplayWidth.of(characters[input.cursor])) : 1
        let skip = max(0, cursorColumn + cursorWidth - width)
        let visible = TextLayout.dropping(columns: skip, from: input.text)
        surface.put(visible, row: line.row, column: column, style: base, maxWidth: width)
        if showsCursor {
            let x = column + cursorColumn - skip
            var under: Character = input.cursor < characters.count ? characters[input.cursor] : " "
            if characters.isEmpty, let first = placeholder?.first, DisplayWidth.of(first) == 1 { under = first }
            surface.put(under, row: line.row, column: x, style: base.patched(with: theme[.inputCursor]), limit: area.right)
        }
    }
}
