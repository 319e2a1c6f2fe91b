/// Something that draws itself into a rectangle of a surface.
///
/// Widgets are values: their state is their stored properties, and `render`
/// is a pure function of that state, the area and the theme. Screens compose
/// widgets by splitting their area (`Rect.splitTop` …) and rendering each part.
public protocol Widget {
    func render(on surface: inout some Surface, in area: Rect, theme: Theme)
}

extension Widget {
    /// Renders into a fresh `MemorySurface` of the given size (handy in tests).
    public func rendered(width: Int, height: Int, theme: Theme = .plain) -> MemorySurface {
        var surface = MemorySurface(width: width, height: height)
        render(on: &surface, in: surface.bounds, theme: theme)
        return surface
    }
}

/// Styles used when something sits on a selected (highlighted) row: the
/// selection colours win unless the span has its own background (a badge).
enum SelectionStyling {
    static func apply(_ spanStyle: Style, selection: Style) -> Style {
        if spanStyle.background != .default && spanStyle.background != selection.background { return spanStyle }
        return Style(foreground: selection.foreground, background: selection.background,
                     attributes: selection.attributes.union(spanStyle.attributes))
    }
}

extension Surface {
    /// Writes a styled line where every span is styled as on a selected row.
    @discardableResult
    mutating func putSelected(_ line: StyledLine, row: Int, column: Int, selection: Style, theme: Theme,
                              maxWidth: Int) -> Int {
        var used = 0
        for span in line.spans {
            let remaining = maxWidth - used
            guard remaining > 0 else { break }
            let resolved = span.style.resolve(in: theme, base: .plain)
            let style = SelectionStyling.apply(resolved, selection: selection)
            used += put(span.text, row: row, column: column + used, style: style, maxWidth: remaining)
        }
        return used
    }

    /// Patches `style` over the columns of `text` that match `query` (case-insensitive).
    mutating func highlightMatches(of query: String?, in text: String, row: Int, column: Int, maxWidth: Int,
                                   style: Style) {
        guard let query, !query.isEmpty else { return }
        for range in TextSearch.matchColumns(in: text, query: query) {
            let start = column + range.lowerBound
            let end = min(column + range.upperBound, column + maxWidth)
            guard end > start else { continue }
            patchStyle(style, in: Rect(row: row, column: start, width: end - start, height: 1))
        }
    }
}

/// Scroll arithmetic shared by lists and panes.
public enum Scrolling {
    /// The first visible index that keeps `selected` on screen, moving as little
    /// as possible from `offset`, and never scrolling past the end.
    public static func offset(keeping selected: Int?, current offset: Int, visible: Int, count: Int) -> Int {
        guard visible > 0, count > 0 else { return 0 }
        var result = min(max(0, offset), max(0, count - visible))
        if let selected {
            let clamped = min(max(0, selected), count - 1)
            if clamped < result { result = clamped }
            if clamped >= result + visible { result = clamped - visible + 1 }
        }
        return max(0, result)
    }
}
