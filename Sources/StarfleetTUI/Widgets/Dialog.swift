/// A modal dialog: a framed box centred over the screen with a title, body
/// lines, an optional one-line text field and a row of buttons, one focused.
/// ```
/// ╭─ Commit AccountIndexGeneratorShip? ──────────╮
/// │ Payload: payloads/index.yaml                  │
/// │                                               │
/// │ Type the ship name to confirm:                │
/// │ AccountIndex▏                                 │
/// │                                               │
/// │           [ Cancel ]   [ Commit ]             │
/// ╰───────────────────────────────────────────────╯
/// ```
public struct Dialog: Widget, Hashable, Sendable {
    public var title: String
    public var body: [StyledLine]
    public var buttons: [String]
    public var focusedButton: Int
    /// A text field shown under the body, with an optional label line above it.
    public var input: TextInput?
    public var inputLabel: String?
    /// Draws the frame and title in the `error` style (for hard-to-undo actions).
    public var isDangerous: Bool
    /// Preferred outer width; by default it fits the content, within the screen.
    public var preferredWidth: Int?

    public init(title: String, body: [StyledLine], buttons: [String] = ["OK"], focusedButton: Int = 0,
                input: TextInput? = nil, inputLabel: String? = nil, isDangerous: Bool = false,
                preferredWidth: Int? = nil) {
        self.title = title
        self.body = body
        self.buttons = buttons
        self.focusedButton = focusedButton
        self.input = input
        self.inputLabel = inputLabel
        self.isDangerous = isDangerous
        self.preferredWidth = preferredWidth
    }

    // MARK: - Keys

    public enum Outcome: Hashable, Sendable {
        /// Nothing final happened (focus moved, text edited, key ignored).
        case none
        /// Enter on a button (its index).
        case activated(Int)
        /// Escape.
        case cancelled
    }

    /// Tab/Shift-Tab/←/→ move the focus between buttons, Enter activates the
    /// focused button, Esc cancels; other keys edit the text field, if any.
    public mutating func handle(_ key: Key) -> Outcome {
        switch key {
        case .escape:
            return .cancelled
        case .enter:
            return buttons.isEmpty ? .none : .activated(min(max(0, focusedButton), buttons.count - 1))
        case .tab:
            moveFocus(by: 1)
            return .none
        case .backTab:
            moveFocus(by: -1)
            return .none
        case .right where input == nil:
            moveFocus(by: 1)
            return .none
        case .left where input == nil:
            moveFocus(by: -1)
            return .none
        default:
            if input != nil { input?.handle(key) }
            return .none
        }
    }

    private mutating func moveFocus(by step: Int) {
        guard !buttons.isEmpty else { return }
        focusedButton = ((focusedButton + step) % buttons.count + buttons.count) % buttons.count
    }

    // MARK: - Layout

    /// The dialog's outer rectangle inside `area`.
    public func frame(in area: Rect) -> Rect {
        let buttonsWidth = buttonRowWidth
        let contentWidth = max(DisplayWidth.of(title) + 4, buttonsWidth, body.map(\.width).max() ?? 0,
                               inputLabel.map { DisplayWidth.of($0) } ?? 0, input == nil ? 0 : 30)
        let width = min(preferredWidth ?? (contentWidth + 4), max(0, area.width - 2), 100)
        let inner = max(1, width - 4)
        let bodyRows = body.reduce(0) { $0 + $1.wrapped(width: inner).count }
        let inputRows = input == nil ? 0 : (inputLabel == nil ? 2 : 3)
        let height = min(2 + bodyRows + inputRows + (buttons.isEmpty ? 0 : 2), area.height)
        return area.centered(width: max(width, min(area.width, 12)), height: height)
    }

    private var buttonRowWidth: Int {
        buttons.reduce(0) { $0 + DisplayWidth.of($1) + 4 } + max(0, buttons.count - 1) * 3
    }

    // MARK: - Rendering

    public func render(on surface: inout some Surface, in area: Rect, theme: Theme) {
        let box = frame(in: area)
        guard box.width >= 4, box.height >= 2 else { return }
        let base = theme[.dialog]
        surface.fill(box, style: base)
        let frameStyle = isDangerous ? base.patched(with: theme[.error]) : base.patched(with: theme[.frameFocused])
        let inner = surface.drawFrame(box, style: frameStyle, title: title,
                                      titleStyle: isDangerous ? frameStyle.adding(.bold) : base.patched(with: theme[.title]))
        let content = inner.inset(left: 1, right: 1)
        guard !content.isEmpty else { return }

        var y = content.row
        let reserved = (buttons.isEmpty ? 0 : 2) + (input == nil ? 0 : (inputLabel == nil ? 2 : 3))
        let bodyLimit = max(content.row, content.bottom - reserved)
        for line in body {
            for piece in line.wrapped(width: content.width) where y < bodyLimit {
                surface.put(piece, row: y, column: content.column, base: base, theme: theme, maxWidth: content.width)
                y += 1
            }
        }
        if let input {
            y = max(y, content.row)
            y += 1
            if let inputLabel, y < content.bottom {
                surface.put(TextLayout.truncate(inputLabel, to: content.width), row: y, column: content.column, style: base)
                y += 1
            }
            if y < content.bottom {
                let field = InputLine(prompt: "> ", input: input)
                field.render(on: &surface, in: Rect(row: y, column: content.column, width: content.width, height: 1),
                             theme: theme)
                y += 1
            }
        }
        guard !buttons.isEmpty else { return }
        let buttonRow = content.bottom - 1
        guard buttonRow >= content.row else { return }
        var x = content.column + max(0, (content.width - buttonRowWidth) / 2)
        for (index, label) in buttons.enumerated() {
            let focused = index == focusedButton
            let text = focused ? "[ \(label) ]" : "  \(label)  "
            let style = base.patched(with: theme[focused ? .dialogButtonFocused : .dialogButton])
            x += surface.put(text, row: buttonRow, column: x, style: style, maxWidth: content.right - x)
            x += 3
        }
    }
}
