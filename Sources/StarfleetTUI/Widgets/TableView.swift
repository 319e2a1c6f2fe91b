/// How wide a table column is.
public enum ColumnWidth: Hashable, Sendable {
    /// Exactly this many cells.
    case fixed(Int)
    /// As wide as its widest content (header included), within the bounds.
    case fit(min: Int = 1, max: Int? = nil)
    /// A share of the space left after fixed and fitted columns.
    case flex(weight: Int = 1, min: Int = 1)
}

public struct TableColumn: Hashable, Sendable {
    public var title: String
    public var width: ColumnWidth
    public var alignment: TextLayout.Alignment

    public init(_ title: String, width: ColumnWidth = .fit(), alignment: TextLayout.Alignment = .left) {
        self.title = title
        self.width = width
        self.alignment = alignment
    }
}

public struct TableRow: Hashable, Sendable {
    public var cells: [StyledLine]
    /// Style of the row's text (spans may override it).
    public var style: SpanStyle

    public init(_ cells: [StyledLine], style: SpanStyle = .inherit) {
        self.cells = cells
        self.style = style
    }

    public init(_ cells: [String]) {
        self.init(cells.map { StyledLine($0) })
    }
}

/// A scrollable table with a header and a selected row. Column widths are
/// computed from display widths, so CJK and emoji content stays aligned.
public struct TableView: Widget, Hashable, Sendable {
    public var columns: [TableColumn]
    public var rows: [TableRow]
    public var selectedRow: Int?
    /// First visible row; rendering adjusts it (without mutating) to keep the selection visible.
    public var scrollOffset: Int
    public var showsHeader: Bool
    /// Blank cells between columns.
    public var columnSpacing: Int
    /// Shown when there are no rows.
    public var emptyMessage: String

    public init(columns: [TableColumn], rows: [TableRow], selectedRow: Int? = nil, scrollOffset: Int = 0,
                showsHeader: Bool = true, columnSpacing: Int = 2, emptyMessage: String = "Nothing to show") {
        self.columns = columns
        self.rows = rows
        self.selectedRow = selectedRow
        self.scrollOffset = scrollOffset
        self.showsHeader = showsHeader
        self.columnSpacing = columnSpacing
        self.emptyMessage = emptyMessage
    }

    /// Rows that fit in an area of this height.
    public func visibleRowCount(height: Int) -> Int {
        max(0, height - (showsHeader ? 1 : 0))
    }

    /// The scroll offset rendering will use for an area of this height.
    public func effectiveScrollOffset(height: Int) -> Int {
        Scrolling.offset(keeping: selectedRow, current: scrollOffset, visible: visibleRowCount(height: height),
                         count: rows.count)
    }

    // MARK: - Column widths

    /// Widths of the columns for the available width: fixed ones as given,
    /// fitted ones to their content, flexible ones share the rest. When there
    /// is not enough room, columns shrink from the right down to their minimum.
    public func columnWidths(available: Int) -> [Int] {
        let count = columns.count
        guard count > 0 else { return [] }
        var widths = Array(repeating: 0, count: count)
        var minimums = Array(repeating: 0, count: count)
        var flexWeights = Array(repeating: 0, count: count)
        for (index, column) in columns.enumerated() {
            switch column.width {
            case .fixed(let n):
                widths[index] = max(0, n)
                minimums[index] = max(0, n)
            case .fit(let low, let high):
                var content = DisplayWidth.of(column.title)
                for row in rows where index < row.cells.count {
                    content = max(content, row.cells[index].width)
                }
                widths[index] = min(max(content, low), high ?? .max)
                minimums[index] = max(1, low)
            case .flex(let weight, let low):
                widths[index] = max(1, low)
                minimums[index] = max(1, low)
                flexWeights[index] = max(1, weight)
            }
        }
        let spacing = columnSpacing * (count - 1)
        var total = widths.reduce(0, +) + spacing

        let totalWeight = flexWeights.reduce(0, +)
        if total < available, totalWeight > 0 {
            let extra = available - total
            var given = 0
            for index in 0..<count where flexWeights[index] > 0 {
                let share = extra * flexWeights[index] / totalWeight
                widths[index] += share
                given += share
            }
            if let last = flexWeights.lastIndex(where: { $0 > 0 }) { widths[last] += extra - given }
            total = available
        }
        // Shrink from the right: first down to the minimums, then further.
        var overflow = total - available
        for pass in 0..<2 where overflow > 0 {
            for index in stride(from: count - 1, through: 0, by: -1) where overflow > 0 {
                let floor = pass == 0 ? minimums[index] : 0
                let cut = min(overflow, max(0, widths[index] - floor))
                widths[index] -= cut
                overflow -= cut
            }
        }
        return widths
    }

    // MARK: - Rendering

    public func render(on surface: inout some Surface, in area: Rect, theme: Theme) {
        guard !area.isEmpty else { return }
        let base = theme[.tableRow]
        surface.fill(area, style: base)
        let widths = columnWidths(available: area.width)
        var body = area
        if showsHeader {
            let (headerRect, rest) = area.splitTop(1)
            body = rest
            let headerStyle = theme[.tableHeader]
            surface.fill(headerRect, style: headerStyle)
            var column = area.column
            for (index, tableColumn) in columns.enumerated() where widths[index] > 0 {
                let text = TextLayout.fit(tableColumn.title, width: widths[index], alignment: tableColumn.alignment)
                surface.put(text, row: headerRect.row, column: column, style: headerStyle, maxWidth: area.right - column)
                column += widths[index] + columnSpacing
            }
        }
        guard !body.isEmpty else { return }
        if rows.isEmpty {
            surface.put(TextLayout.truncate(emptyMessage, to: body.width - 1), row: body.row, column: body.column + 1,
                        style: base.patched(with: theme[.textMuted]))
            return
        }
        let offset = effectiveScrollOffset(height: area.height)
        let selection = theme[.selection]
        for line in 0..<body.height {
            let index = offset + line
            guard index < rows.count else { break }
            let row = rows[index]
            let y = body.row + line
            let isSelected = index == selectedRow
            let rowBase = row.style.resolve(in: theme, base: base)
            if isSelected { surface.fill(body.row(at: line), style: selection) }
            var column = body.column
            for (cellIndex, width) in widths.enumerated() where width > 0 {
                let content = cellIndex < row.cells.count ? row.cells[cellIndex] : StyledLine()
                let fitted = content.fitted(width: width, alignment: columns[cellIndex].alignment)
                let maxWidth = min(width, body.right - column)
                if maxWidth <= 0 { break }
                if isSelected {
                    surface.putSelected(fitted, row: y, column: column, selection: selection,
                                        theme: theme, maxWidth: maxWidth)
                } else {
                    surface.put(fitted, row: y, column: column, base: rowBase, theme: theme, maxWidth: maxWidth)
                }
                column += width + columnSpacing
            }
        }
    }
}
