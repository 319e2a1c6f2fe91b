/// A list's cursor (ratatui's `ListState`): the selected row, the first row on screen and the
/// filter that narrows the rows. Moves clamp to the row count and keep the selection visible.
public struct ListState: Hashable, Sendable {
    public var selected: Int = 0
    public var scroll: Int = 0
    public var filter: String = ""

    public init(selected: Int = 0, scroll: Int = 0, filter: String = "") {
        self.selected = selected
        self.scroll = scroll
        self.filter = filter
    }

    /// Moves the selection in a list of `count` rows showing `visible` at once.
    public mutating func move(_ motion: Motion, count: Int, visible: Int) {
        Self.move(&selected, &scroll, motion, count: count, visible: visible)
    }

    /// A new filter starts at the top.
    public mutating func setFilter(_ text: String) {
        filter = text
        selected = 0
        scroll = 0
    }

    /// Back to the top, unfiltered (a new listing).
    public mutating func reset() {
        self = ListState()
    }

    /// Keeps the selection on a row after the rows changed.
    public mutating func clamp(count: Int) {
        selected = min(max(0, selected), max(0, count - 1))
    }

    /// The selected index among `count` rows, nil when there are none.
    public func index(in count: Int) -> Int? {
        count > 0 ? min(max(0, selected), count - 1) : nil
    }

    /// The same motion for a cursor kept in two plain integers (the inspector's panes).
    public static func move(_ selected: inout Int, _ scroll: inout Int, _ motion: Motion, count: Int, visible: Int) {
        guard count > 0 else {
            selected = 0
            scroll = 0
            return
        }
        let page = max(1, visible - 1)
        switch motion {
        case .up: selected -= 1
        case .down: selected += 1
        case .pageUp: selected -= page
        case .pageDown: selected += page
        case .top: selected = 0
        case .bottom: selected = count - 1
        }
        selected = min(max(0, selected), count - 1)
        scroll = Scrolling.offset(keeping: selected, current: scroll, visible: visible, count: count)
    }
}
