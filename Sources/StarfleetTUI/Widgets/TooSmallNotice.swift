/// Replaces the whole screen when the terminal is smaller than the console
/// needs (80×24 by default), saying how big it is and how big it must be.
public struct TooSmallNotice: Widget, Hashable, Sendable {
    public static let minimumSize = Size(width: 80, height: 24)

    public var actual: Size
    public var minimum: Size

    public init(actual: Size, minimum: Size = TooSmallNotice.minimumSize) {
        self.actual = actual
        self.minimum = minimum
    }

    /// Whether a terminal of this size gets the notice instead of the screens.
    public static func isTooSmall(_ size: Size, minimum: Size = TooSmallNotice.minimumSize) -> Bool {
        !size.contains(minimum)
    }

    public var messageLines: [String] {
        ["Terminal too small",
         "\(actual.width)x\(actual.height) — needs at least \(minimum.width)x\(minimum.height)",
         "Enlarge the window, or press q to quit"]
    }

    public func render(on surface: inout some Surface, in area: Rect, theme: Theme) {
        guard !area.isEmpty else { return }
        let base = theme[.text]
        surface.fill(area, style: base)
        var rows: [(String, Style)] = []
        for (index, message) in messageLines.enumerated() {
            let style = index == 0 ? base.patched(with: theme[.notice]).adding(.bold) : base
            rows += TextLayout.wrap(message, width: area.width).map { ($0, style) }
        }
        let top = area.row + max(0, (area.height - rows.count) / 2)
        for (offset, (text, style)) in rows.enumerated() where top + offset < area.bottom {
            let width = DisplayWidth.of(text)
            let column = area.column + max(0, (area.width - width) / 2)
            surface.put(text, row: top + offset, column: column, style: style, maxWidth: area.width)
        }
    }
}
