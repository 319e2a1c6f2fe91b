/// A size in terminal cells.
public struct Size: Hashable, Sendable, CustomStringConvertible {
    public var width: Int
    public var height: Int

    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
    }

    public static let zero = Size(width: 0, height: 0)

    public var description: String { "\(width)×\(height)" }

    /// True when both dimensions are at least those of `other`.
    public func contains(_ other: Size) -> Bool {
        width >= other.width && height >= other.height
    }
}

/// A rectangle of cells: `row`/`column` of its top-left corner, then its size.
/// Zero-based, rows grow downwards. Width and height are never negative.
public struct Rect: Hashable, Sendable, CustomStringConvertible {
    public var row: Int
    public var column: Int
    public var width: Int
    public var height: Int

    public init(row: Int, column: Int, width: Int, height: Int) {
        self.row = row
        self.column = column
        self.width = max(0, width)
        self.height = max(0, height)
    }

    public init(size: Size) {
        self.init(row: 0, column: 0, width: size.width, height: size.height)
    }

    public var description: String { "(\(row),\(column)) \(width)×\(height)" }

    public var size: Size { Size(width: width, height: height) }
    public var isEmpty: Bool { width == 0 || height == 0 }
    /// One past the last row.
    public var bottom: Int { row + height }
    /// One past the last column.
    public var right: Int { column + width }

    public func contains(row r: Int, column c: Int) -> Bool {
        r >= row && r < bottom && c >= column && c < right
    }

    // MARK: - Deriving rectangles

    public func intersection(_ other: Rect) -> Rect {
        let top = max(row, other.row)
        let left = max(column, other.column)
        let bottomEdge = min(bottom, other.bottom)
        let rightEdge = min(right, other.right)
        return Rect(row: top, column: left, width: rightEdge - left, height: bottomEdge - top)
    }

    public func inset(by amount: Int) -> Rect {
        inset(top: amount, left: amount, bottom: amount, right: amount)
    }

    public func inset(top: Int = 0, left: Int = 0, bottom: Int = 0, right: Int = 0) -> Rect {
        Rect(row: row + top, column: column + left, width: width - left - right, height: height - top - bottom)
    }

    /// The first `count` rows, and the rest.
    public func splitTop(_ count: Int) -> (top: Rect, rest: Rect) {
        let n = min(max(0, count), height)
        return (Rect(row: row, column: column, width: width, height: n),
                Rect(row: row + n, column: column, width: width, height: height - n))
    }

    /// The last `count` rows, and the rest.
    public func splitBottom(_ count: Int) -> (rest: Rect, bottom: Rect) {
        let n = min(max(0, count), height)
        return (Rect(row: row, column: column, width: width, height: height - n),
                Rect(row: row + height - n, column: column, width: width, height: n))
    }

    /// The first `count` columns, and the rest.
    public func splitLeft(_ count: Int) -> (left: Rect, rest: Rect) {
        let n = min(max(0, count), width)
        return (Rect(row: row, column: column, width: n, height: height),
                Rect(row: row, column: column + n, width: width - n, height: height))
    }

    /// The last `count` columns, and the rest.
    public func splitRight(_ count: Int) -> (rest: Rect, right: Rect) {
        let n = min(max(0, count), width)
        return (Rect(row: row, column: column, width: width - n, height: height),
                Rect(row: row, column: column + width - n, width: n, height: height))
    }

    /// A rectangle of at most the given size centred in this one.
    public func centered(width w: Int, height h: Int) -> Rect {
        let cw = min(w, width)
        let ch = min(h, height)
        return Rect(row: row + (height - ch) / 2, column: column + (width - cw) / 2, width: cw, height: ch)
    }

    /// The single row at `offset` from the top (empty when outside).
    public func row(at offset: Int) -> Rect {
        guard offset >= 0, offset < height else { return Rect(row: row, column: column, width: 0, height: 0) }
        return Rect(row: row + offset, column: column, width: width, height: 1)
    }
}
