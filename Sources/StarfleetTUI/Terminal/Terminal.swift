/// What the console needs from a terminal: its size and colours, keys, and a
/// way to show a frame. `CursesTerminal` is the real one; tests can provide
/// their own (scripted keys, captured frames).
@MainActor
public protocol Terminal: AnyObject {
    /// Current size in cells (updated when a `.resize` key is read).
    var size: Size { get }
    /// Colours the terminal can show (already `NO_COLOR`-aware).
    var colorCapability: ColorCapability { get }
    /// Box characters that this terminal's locale can show.
    var borders: BorderSet { get }
    /// The next key, waiting at most `timeoutMilliseconds` (0: do not wait). Nil when none came.
    func readKey(timeoutMilliseconds: Int32) -> Key?
    /// Shows a frame.
    func present(_ frame: MemorySurface)
    /// Makes the next `present` repaint every cell (Ctrl-L).
    func requestFullRedraw()
    /// Puts text on the clipboard (OSC 52, written straight to the terminal).
    func copyToClipboard(_ text: String)
}

/// Why the terminal could not be set up.
public enum TerminalError: Error, Sendable, CustomStringConvertible {
    case notATerminal
    case unknownTerminalType(String)

    public var description: String {
        switch self {
        case .notATerminal: return "standard input and output must be a terminal"
        case .unknownTerminalType(let name): return "cannot use terminal type '\(name)' (check TERM)"
        }
    }
}
