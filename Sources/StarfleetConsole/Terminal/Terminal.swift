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
}

extension Terminal {
    /// Keys as an async stream, polled on the main actor every `pollInterval`.
    /// Each poll drains every key already typed. The stream ends when cancelled.
    public func keyEvents(pollInterval: Duration = .milliseconds(10)) -> AsyncStream<Key> {
        AsyncStream { continuation in
            let task = Task { @MainActor [weak self] in
                while !Task.isCancelled {
                    guard let terminal = self else { break }
                    while let key = terminal.readKey(timeoutMilliseconds: 0) {
                        continuation.yield(key)
                    }
                    try? await Task.sleep(for: pollInterval)
                }
                continuation.finish()
            }
            continuation.onTermination = { _ in task.cancel() }
        }
    }
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
