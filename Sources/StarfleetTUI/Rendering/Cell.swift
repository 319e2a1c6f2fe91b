/// One terminal cell: a grapheme cluster, how many cells it spans, and its style.
///
/// A wide character (CJK, emoji) lives in its leading cell with `width == 2`;
/// the cell to its right is a *continuation* (`width == 0`) that shows nothing
/// of its own.
public struct Cell: Hashable, Sendable {
    public var character: Character
    /// 1 or 2 for a leading cell, 0 for a continuation cell.
    public var width: Int
    public var style: Style

    public init(character: Character, width: Int, style: Style) {
        self.character = character
        self.width = width
        self.style = style
    }

    /// A space in the given style.
    public static func blank(_ style: Style = .plain) -> Cell {
        Cell(character: " ", width: 1, style: style)
    }

    /// The right half of a wide character.
    public static func continuation(_ style: Style) -> Cell {
        Cell(character: " ", width: 0, style: style)
    }

    public var isContinuation: Bool { width == 0 }
}
