/// A scrollable view of text lines: optional line numbers, optional wrapping,
/// a cursor line, per-line markers (e.g. errors) and search highlighting.
/// Used for YAML sources, payload trees and error trees.
public struct TextPane: Widget, Hashable, Sendable {
    public var lines: [StyledLine]
    /// First visible line (index into `lines`); rendering keeps `cursorLine` visible.
    public var scrollOffset: Int
    /// Cells scrolled to the right when not wrapping.
    public var horizontalOffset: Int
    public var showsLineNumbers: Bool
    /// Number shown for `lines[0]`.
    public var firstLineNumber: Int
    public var wraps: Bool
    /// Wrap at spaces instead of at the edge; a trailing note (a last span starting with two
    /// spaces, such as `  (default)`) stays whole: on the last row if it fits, else on its own.
    public var wrapsAtWords: Bool = false
    /// Highlighted line (selection style), if any.
    public var cursorLine: Int?
    /// Lines drawn with a marker in the gutter and their number in this style (`error` for errors).
    public var markers: [Int: ThemeKey]
    /// Text to highlight (case-insensitive).
    public var highlight: String?
    /// Style of text spans that do not set their own.
    public var baseStyle: ThemeKey

    public init(lines: [StyledLine], scrollOffset: Int = 0, horizontalOffset: Int = 0, showsLineNumbers: Bool = false,
                firstLineNumber: Int = 1, wraps: Bool = false, cursorLine: Int? = nil, markers: [Int: ThemeKey] = [:],
                highlight: String? = nil, baseStyle: ThemeKey = .text) {
        self.lines = lines
        self.scrollOffset = scrollOffset
        self.horizontalOffset = horizontalOffset
        self.showsLineNumbers = showsLineNumbers
        self.firstLineNumber = firstLineNumber
        self.wraps = wraps
        self.cursorLine = cursorLine
        self.markers = markers
        self.highlight = highlight
        self.baseStyle = baseStyle
    }

    public init(text: String, showsLineNumbers: Bool = false, wraps: Bool = false) {
        self.init(lines: text.split(separator: "\n", omittingEmptySubsequences: false).map { StyledLine(String($0)) },
                  showsLineNumbers: showsLineNumbers, wraps: wraps)
    }

    /// Width of the line-number gutter, marker column and separating space included.
    public var gutterWidth: Int {
        guard showsLineNumbers else { return markers.isEmpty ? 0 : 2 }
        let last = firstLineNumber + max(0, lines.count - 1)
        return String(last).count + 2
    }

    /// The first line rendering will show in an area of this height.
    public func effectiveScrollOffset(height: Int) -> Int {
        Scrolling.offset(keeping: cursorLine, current: scrollOffset, visible: height, count: lines.count)
    }

    /// The screen rows of a line `width` cells wide.
    public func pieces(of line: StyledLine, width: Int) -> [StyledLine] {
        let source = Self.expandTabs(line)
        guard wraps, width > 0 else { return [source.dropping(columns: horizontalOffset)] }
        return wrapsAtWords ? Self.wrapKeepingNote(source, width: width) : source.hardWrapped(width: width)
    }

    static func wrapKeepingNote(_ line: StyledLine, width: Int) -> [StyledLine] {
        guard line.spans.count > 1, let note = line.spans.last, note.text.hasPrefix("  "), note.width <= width else {
            return line.wrapped(width: width)
        }
        var rows = StyledLine(Array(line.spans.dropLast())).wrapped(width: width)
        if let last = rows.indices.last, rows[last].width + note.width <= width {
            rows[last].append(note)
        } else {
            rows.append(StyledLine([Span(String(note.text.dropFirst(2)), style: note.style)]))
        }
        return rows
    }

    /// The first line shown: while wrapping, late enough that the cursor line's rows all fit.
    func firstShownLine(height: Int, width: Int) -> Int {
        let offset = effectiveScrollOffset(height: height)
        guard wraps, let cursor = cursorLine, cursor >= offset, cursor < lines.count else { return offset }
        var rows = 0
        var first = cursor
        while first >= offset {
            let count = pieces(of: lines[first], width: width).count
            if rows + count > height, first < cursor { break }
            rows += count
            first -= 1
        }
        return max(offset, first + 1)
    }

    public func render(on surface: inout some Surface, in area: Rect, theme: Theme) {
        guard !area.isEmpty else { return }
        let base = theme[baseStyle]
        surface.fill(area, style: base)
        let gutter = min(gutterWidth, area.width)
        let textColumn = area.column + gutter
        let textWidth = area.width - gutter
        let numberStyle = base.patched(with: theme[.yamlLineNumber])
        let selection = theme[.selection]
        let matchStyle = theme[.searchMatch]

        var y = area.row
        var index = firstShownLine(height: area.height, width: textWidth)
        while y < area.bottom, index < lines.count {
            let pieces = pieces(of: lines[index], width: textWidth)
            let isCursor = index == cursorLine
            let marker = markers[index]
            for (pieceIndex, piece) in pieces.enumerated() where y < area.bottom {
                if isCursor { surface.fill(Rect(row: y, column: area.column, width: area.width, height: 1), style: selection) }
                if gutter > 0, pieceIndex == 0 {
                    let markerStyle = marker.map { base.patched(with: theme[$0]) } ?? numberStyle
                    if marker != nil { surface.put("▌", row: y, column: area.column, style: markerStyle) }
                    if showsLineNumbers {
                        let number = TextLayout.fit(String(firstLineNumber + index), width: gutter - 2, alignment: .right)
                        surface.put(number, row: y, column: area.column + 1, style: isCursor ? selection : markerStyle,
                                    maxWidth: gutter - 1)
                    }
                }
                if textWidth > 0 {
                    if isCursor {
                        surface.putSelected(piece, row: y, column: textColumn, selection: selection, theme: theme,
                                            maxWidth: textWidth)
                    } else {
                        surface.put(piece, row: y, column: textColumn, base: base, theme: theme, maxWidth: textWidth)
                    }
                    surface.highlightMatches(of: highlight, in: piece.plainText, row: y, column: textColumn,
                                             maxWidth: textWidth, style: matchStyle)
                }
                y += 1
            }
            index += 1
        }
    }

    static func expandTabs(_ line: StyledLine) -> StyledLine {
        guard line.spans.contains(where: { $0.text.contains("\t") }) else { return line }
        return StyledLine(line.spans.map { Span(TextLayout.sanitize($0.text), style: $0.style) })
    }
}
