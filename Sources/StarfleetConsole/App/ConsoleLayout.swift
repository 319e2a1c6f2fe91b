import StarfleetTUI

/// Where each part of the screen goes, shared by the views (to draw) and `reduce` (to scroll).
public struct ConsoleLayout: Sendable {
    public let size: Size
    public let hasInputLine: Bool

    public init(size: Size, hasInputLine: Bool) {
        self.size = size
        self.hasInputLine = hasInputLine
    }

    public init(_ state: AppState) {
        self.init(size: state.size, hasInputLine: state.input != nil)
    }

    public var screen: Rect { Rect(size: size) }
    public var header: Rect { screen.splitTop(1).top }
    public var footer: Rect { screen.splitBottom(1).bottom }
    public var inputLine: Rect? {
        hasInputLine ? Rect(row: size.height - 2, column: 0, width: size.width, height: 1) : nil
    }
    /// Between the header and the footer (and the input line).
    public var body: Rect {
        Rect(row: 1, column: 0, width: size.width, height: size.height - 2 - (hasInputLine ? 1 : 0))
    }

    /// A list screen: a frame around a table (header row included).
    public var listFrame: Rect { body }
    public var listTable: Rect { body.inset(by: 1) }
    public var listVisibleRows: Int { max(1, listTable.height - 1) }

    /// Picker: a frame, a location line, then the table.
    public var pickerFrame: Rect { body }
    public var pickerLocation: Rect { body.inset(by: 1).splitTop(1).top }
    public var pickerTable: Rect { body.inset(by: 1).splitTop(1).rest }
    public var pickerVisibleRows: Int { max(1, pickerTable.height - 1) }

    /// Inspector: a tab bar, then two framed panes side by side.
    public var inspectorTabs: Rect { body.splitTop(1).top }
    public var inspectorPanes: Rect { body.splitTop(1).rest }
    public var inspectorLeftFrame: Rect { inspectorPanes.splitLeft(inspectorPanes.width / 2).left }
    public var inspectorRightFrame: Rect { inspectorPanes.splitLeft(inspectorPanes.width / 2).rest }
    public var inspectorPaneHeight: Int { max(1, inspectorPanes.height - 2) }
    public var fanOutTable: Rect { inspectorPanes.inset(by: 1) }
    public var fanOutVisibleRows: Int { max(1, fanOutTable.height - 1) }

    /// Run view: two information lines, then the framed log.
    public var runInfo: Rect { body.splitTop(2).top }
    public var runLogFrame: Rect { body.splitTop(2).rest }
    public var runLog: Rect { runLogFrame.inset(by: 1) }

    /// A saved log: one information line, then the framed log.
    public var historyLogInfo: Rect { body.splitTop(1).top }
    public var historyLogFrame: Rect { body.splitTop(1).rest }
    public var historyLog: Rect { historyLogFrame.inset(by: 1) }

    /// An invalid ship's errors: a framed text pane.
    public var errorsPane: Rect { body.inset(by: 1) }
}
