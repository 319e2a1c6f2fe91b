/// A surface held in memory: what every screen renders into, what tests read
/// back as text, and what `CursesSurface` paints onto the terminal.
public struct MemorySurface: Surface, Hashable, Sendable {
    public private(set) var size: Size
    /// Row-major cells, `size.width * size.height` of them.
    public private(set) var cells: [Cell]

    public init(size: Size, style: Style = .plain) {
        self.size = size
        self.cells = Array(repeating: Cell.blank(style), count: size.width * size.height)
    }

    public init(width: Int, height: Int) {
        self.init(size: Size(width: width, height: height))
    }

    public func cell(row: Int, column: Int) -> Cell {
        guard contains(row: row, column: column) else { return Cell.blank() }
        return cells[row * size.width + column]
    }

    public mutating func setRawCell(_ cell: Cell, row: Int, column: Int) {
        guard contains(row: row, column: column) else { return }
        cells[row * size.width + column] = cell
    }

    /// Starts over with a blank grid of a new size (after a terminal resize).
    public mutating func reset(size newSize: Size, style: Style = .plain) {
        size = newSize
        cells = Array(repeating: Cell.blank(style), count: newSize.width * newSize.height)
    }

    // MARK: - Reading back

    /// The text of one row; continuation cells contribute nothing, so a wide
    /// character appears once.
    public func line(_ row: Int, trimmingTrailingSpaces: Bool = true) -> String {
        guard row >= 0, row < size.height else { return "" }
        var text = ""
        for column in 0..<size.width {
            let cell = cells[row * size.width + column]
            if !cell.isContinuation { text.append(cell.character) }
        }
        return trimmingTrailingSpaces ? TextLayout.trimTrailingSpaces(text) : text
    }

    /// The text of every row.
    public func lines(trimmingTrailingSpaces: Bool = true) -> [String] {
        (0..<size.height).map { line($0, trimmingTrailingSpaces: trimmingTrailingSpaces) }
    }

    /// All rows joined by newlines (handy in test failure messages).
    public var text: String { lines().joined(separator: "\n") }

    public func style(row: Int, column: Int) -> Style {
        cell(row: row, column: column).style
    }

    /// The first position (row, column in cells) where `needle` appears on screen.
    public func find(_ needle: String) -> (row: Int, column: Int)? {
        for row in 0..<size.height {
            let text = line(row, trimmingTrailingSpaces: false)
            guard let range = text.firstRange(of: needle) else { continue }
            return (row, DisplayWidth.of(text[..<range.lowerBound]))
        }
        return nil
    }

    /// Style at the start of the first occurrence of `needle`.
    public func style(of needle: String) -> Style? {
        find(needle).map { style(row: $0.row, column: $0.column) }
    }
}
