/// A grid of cells that widgets draw on (ratatui's `Buffer`).
///
/// Conformers provide raw cell access; every drawing operation lives in the
/// extension below and keeps the wide-character invariant: a wide character's
/// leading cell is always followed by its continuation cell, and overwriting
/// either half blanks the other. Everything outside the surface is clipped.
public protocol Surface {
    var size: Size { get }
    /// The cell at a position inside the surface.
    func cell(row: Int, column: Int) -> Cell
    /// Replaces one cell without any wide-character bookkeeping.
    mutating func setRawCell(_ cell: Cell, row: Int, column: Int)
}

extension Surface {
    public var bounds: Rect { Rect(size: size) }

    public func contains(row: Int, column: Int) -> Bool {
        row >= 0 && row < size.height && column >= 0 && column < size.width
    }

    // MARK: - Single characters

    /// Writes one grapheme cluster at a position, taking `DisplayWidth.of` cells.
    /// A wide character that does not fit before the right edge (or before
    /// `limit`) is replaced by a space. Returns the number of columns advanced.
    @discardableResult
    public mutating func put(_ character: Character, row: Int, column: Int, style: Style, limit: Int? = nil) -> Int {
        let width = DisplayWidth.of(character)
        guard width > 0 else { return 0 }
        let edge = min(size.width, limit ?? size.width)
        guard row >= 0, row < size.height, column < edge else { return width }
        if column < 0 {
            // Only the right half of a wide character is visible: show a blank.
            if width == 2, column == -1 { writeCell(Cell.blank(style), row: row, column: 0) }
            return width
        }
        if width == 2, column + 1 >= edge {
            writeCell(Cell.blank(style), row: row, column: column)
            return width
        }
        writeCell(Cell(character: character, width: width, style: style), row: row, column: column)
        return width
    }

    /// Places a leading cell (and for a wide one its continuation), blanking any
    /// wide character it cuts in half.
    private mutating func writeCell(_ cell: Cell, row: Int, column: Int) {
        breakWideCharacter(row: row, column: column)
        if cell.width == 2 {
            breakWideCharacter(row: row, column: column + 1)
            setRawCell(cell, row: row, column: column)
            setRawCell(Cell.continuation(cell.style), row: row, column: column + 1)
        } else {
            setRawCell(cell, row: row, column: column)
        }
    }

    /// Before a cell is replaced: if it belongs to a wide character, blank the other half.
    private mutating func breakWideCharacter(row: Int, column: Int) {
        guard contains(row: row, column: column) else { return }
        let existing = cell(row: row, column: column)
        if existing.isContinuation, column > 0 {
            let leader = cell(row: row, column: column - 1)
            setRawCell(Cell.blank(leader.style), row: row, column: column - 1)
        } else if existing.width == 2, column + 1 < size.width {
            let continuation = cell(row: row, column: column + 1)
            setRawCell(Cell.blank(continuation.style), row: row, column: column + 1)
        }
        if existing.width != 1 {
            setRawCell(Cell.blank(existing.style), row: row, column: column)
        }
    }

    // MARK: - Text

    /// Writes `text` from a position, clipped to the surface and to `maxWidth`
    /// cells. Control characters are skipped; zero-width clusters are dropped.
    /// Returns the number of columns used (at most `maxWidth`).
    @discardableResult
    public mutating func put(_ text: String, row: Int, column: Int, style: Style, maxWidth: Int? = nil) -> Int {
        let limit = maxWidth.map { column + max(0, $0) }
        var x = column
        for character in text {
            if let limit, x >= limit { break }
            if x >= size.width { break }
            x += put(character, row: row, column: x, style: style, limit: limit)
        }
        let used = x - column
        return maxWidth.map { min(used, $0) } ?? used
    }

    /// Writes a styled line; spans are resolved against `theme` on top of `base`.
    @discardableResult
    public mutating func put(_ line: StyledLine, row: Int, column: Int, base: Style, theme: Theme,
                             maxWidth: Int? = nil) -> Int {
        var used = 0
        for span in line.spans {
            let remaining = maxWidth.map { $0 - used }
            if let remaining, remaining <= 0 { break }
            used += put(span.text, row: row, column: column + used, style: span.style.resolve(in: theme, base: base),
                        maxWidth: remaining)
        }
        return used
    }

    // MARK: - Areas

    /// Fills a rectangle (clipped) with a character in a style.
    public mutating func fill(_ rect: Rect, with character: Character = " ", style: Style) {
        let area = rect.intersection(bounds)
        guard !area.isEmpty else { return }
        let step = max(1, DisplayWidth.of(character))
        for row in area.row..<area.bottom {
            var column = area.column
            while column < area.right {
                put(character, row: row, column: column, style: style, limit: area.right)
                column += step
            }
        }
    }

    /// Blanks the whole surface.
    public mutating func clear(style: Style = .plain) {
        fill(bounds, style: style)
    }

    /// Replaces the style of every cell in a rectangle, keeping the characters.
    public mutating func setStyle(_ style: Style, in rect: Rect) {
        transformStyle(in: rect) { _ in style }
    }

    /// Draws `overlay` on top of the existing styles in a rectangle.
    public mutating func patchStyle(_ overlay: Style, in rect: Rect) {
        transformStyle(in: rect) { $0.patched(with: overlay) }
    }

    public mutating func transformStyle(in rect: Rect, _ transform: (Style) -> Style) {
        let area = rect.intersection(bounds)
        guard !area.isEmpty else { return }
        for row in area.row..<area.bottom {
            for column in area.column..<area.right {
                var existing = cell(row: row, column: column)
                existing.style = transform(existing.style)
                setRawCell(existing, row: row, column: column)
            }
        }
    }

    // MARK: - Lines and frames

    public mutating func drawHorizontalLine(row: Int, columns: Range<Int>, style: Style, border: BorderSet = .rounded) {
        for column in columns { put(border.horizontal, row: row, column: column, style: style) }
    }

    public mutating func drawVerticalLine(column: Int, rows: Range<Int>, style: Style, border: BorderSet = .rounded) {
        for row in rows { put(border.vertical, row: row, column: column, style: style) }
    }

    /// Draws a box around `rect` with an optional title in the top edge
    /// (`╭─ Title ─…╮`), truncated to fit. Returns the inner rectangle.
    @discardableResult
    public mutating func drawFrame(_ rect: Rect, style: Style, title: String? = nil, titleStyle: Style? = nil,
                                   border: BorderSet = .rounded) -> Rect {
        guard rect.width >= 2, rect.height >= 2 else { return Rect(row: rect.row, column: rect.column, width: 0, height: 0) }
        let top = rect.row, bottom = rect.bottom - 1, left = rect.column, right = rect.right - 1
        put(border.topLeft, row: top, column: left, style: style)
        put(border.topRight, row: top, column: right, style: style)
        put(border.bottomLeft, row: bottom, column: left, style: style)
        put(border.bottomRight, row: bottom, column: right, style: style)
        drawHorizontalLine(row: top, columns: (left + 1)..<right, style: style, border: border)
        drawHorizontalLine(row: bottom, columns: (left + 1)..<right, style: style, border: border)
        drawVerticalLine(column: left, rows: (top + 1)..<bottom, style: style, border: border)
        drawVerticalLine(column: right, rows: (top + 1)..<bottom, style: style, border: border)
        if let title, !title.isEmpty, rect.width >= 6 {
            let text = " " + TextLayout.truncate(title, to: rect.width - 6) + " "
            put(text, row: top, column: left + 2, style: titleStyle ?? style, maxWidth: rect.width - 4)
        }
        return rect.inset(by: 1)
    }
}

/// Characters for boxes and lines.
public struct BorderSet: Hashable, Sendable {
    public var horizontal: Character
    public var vertical: Character
    public var topLeft: Character
    public var topRight: Character
    public var bottomLeft: Character
    public var bottomRight: Character

    public init(horizontal: Character, vertical: Character, topLeft: Character, topRight: Character,
                bottomLeft: Character, bottomRight: Character) {
        self.horizontal = horizontal
        self.vertical = vertical
        self.topLeft = topLeft
        self.topRight = topRight
        self.bottomLeft = bottomLeft
        self.bottomRight = bottomRight
    }

    public static let light = BorderSet(horizontal: "─", vertical: "│", topLeft: "┌", topRight: "┐",
                                        bottomLeft: "└", bottomRight: "┘")
    public static let rounded = BorderSet(horizontal: "─", vertical: "│", topLeft: "╭", topRight: "╮",
                                          bottomLeft: "╰", bottomRight: "╯")
    public static let double = BorderSet(horizontal: "═", vertical: "║", topLeft: "╔", topRight: "╗",
                                         bottomLeft: "╚", bottomRight: "╝")
    public static let heavy = BorderSet(horizontal: "━", vertical: "┃", topLeft: "┏", topRight: "┓",
                                        bottomLeft: "┗", bottomRight: "┛")
    /// For terminals without a UTF-8 locale.
    public static let ascii = BorderSet(horizontal: "-", vertical: "|", topLeft: "+", topRight: "+",
                                        bottomLeft: "+", bottomRight: "+")
}
