import StarfleetTUI

/// Everything a key can ask the console to do. Each binding carries one; the root reducer
/// handles the global ones and hands the rest to the feature that owns the screen.
public enum ConsoleCommand: Hashable, Sendable, StandardCommands {
    // Global.
    case quit
    case help
    case commandLine
    case filter
    case back
    case redraw
    case move(Motion)
    // Logs (run, saved log, configuration errors).
    case search
    case nextMatch
    case previousMatch
    case toggleWrap
    // Fleet.
    case openShip
    case reloadConfiguration
    case showHistory
    // Picker.
    case openEntry
    case toggleSource
    case parentDirectory
    case refreshListing
    // Inspector.
    case switchSide
    case showFanOut
    case showPayload
    case pickTarget
    case toggleMark
    case markAll
    case markNone
    case invertMarks
    case openTargetLog
    // Runs.
    case dryRun
    case commit
    case showRun
    case cancelRun
    // History.
    case openHistoryLog
    case reloadHistory
    // Help-only: the dialog, the input line and the help overlay handle these keys themselves.
    case dialogFocus
    case dialogActivate
    case dialogCancel
    case inputSubmit
    case inputCancel
    case closeHelp
    // Log panes and the inspector's panes: sideways scrolling, level filter, timestamps, copying (OSC 52).
    case scrollLeft
    case scrollRight
    case cycleLogLevel
    case toggleTimestamps
    case copyLine
    case copyAccount
    case copyRunID
    case copyLogPath
}

public typealias ConsoleKeyBinding = KeyBinding<ConsoleCommand>
