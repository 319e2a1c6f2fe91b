import CNcursesw
import Dispatch
import Foundation

/// The real terminal, through ncursesw.
///
/// `start()` sets the locale, opens curses (cbreak, no echo, keypad, nonl,
/// hidden cursor, short ESCDELAY, default colours) and arranges for the
/// terminal to be restored however the process ends: `stop()`, normal exit
/// (atexit), SIGINT/SIGTERM/SIGHUP (restore, then exit 130) and crashes
/// (fatal signals restore the modes, then re-raise). Main thread only.
///
/// Keep every call to the shim's `cn_*restore*`/`cn_save_terminal_modes`/
/// `cn_set_curses_active` helpers in this file: their state lives in static
/// inline functions, which each Swift object file gets its own copy of.
@MainActor
public final class CursesTerminal: Terminal {
    public struct Options: Sendable {
        /// Milliseconds curses waits after Esc for the rest of an escape sequence.
        public var escapeDelay: Int32
        /// Raw mode: Ctrl-C, Ctrl-Z, Ctrl-S/Q arrive as keys instead of signals/flow control.
        public var rawMode: Bool
        /// Restore and exit with `interruptExitCode` on SIGINT/SIGTERM/SIGHUP.
        public var handlesTerminationSignals: Bool
        public var interruptExitCode: Int32

        public init(escapeDelay: Int32 = 25, rawMode: Bool = false, handlesTerminationSignals: Bool = true,
                    interruptExitCode: Int32 = 130) {
            self.escapeDelay = escapeDelay
            self.rawMode = rawMode
            self.handlesTerminationSignals = handlesTerminationSignals
            self.interruptExitCode = interruptExitCode
        }
    }

    public private(set) var size: Size
    public let colorCapability: ColorCapability
    public let borders: BorderSet
    /// Whether the locale's character set is UTF-8.
    public let isUTF8: Bool
    public private(set) var isActive: Bool

    private let screen: OpaquePointer
    private let surface: CursesSurface
    private var pendingKeys: [Key] = []
    private var signalSources: [any DispatchSourceSignal] = []
    private static var current: CursesTerminal?

    // MARK: - Lifecycle

    /// Opens the terminal. Throws when standard input/output is not a terminal
    /// or `TERM` is unusable (instead of curses printing and exiting).
    public static func start(options: Options = Options(),
                             environment: [String: String] = ProcessInfo.processInfo.environment) throws -> CursesTerminal {
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else { throw TerminalError.notATerminal }
        let utf8 = cn_setlocale_from_environment() != 0
        cn_save_terminal_modes()
        guard let output = fdopen(dup(STDOUT_FILENO), "w"), let input = fdopen(dup(STDIN_FILENO), "r") else {
            throw TerminalError.notATerminal
        }
        guard let screen = newterm(nil, output, input) else {
            fclose(output)
            fclose(input)
            throw TerminalError.unknownTerminalType(environment["TERM"] ?? "(unset)")
        }
        set_term(screen)
        cn_set_curses_active(1)
        cn_register_atexit_restore()
        cn_install_crash_handlers()

        let window = cn_stdscr()!
        if options.rawMode { raw() } else { cbreak() }
        noecho()
        nonl()
        keypad(window, true)
        intrflush(window, false)
        curs_set(0)
        set_escdelay(options.escapeDelay)
        wtimeout(window, 0)

        var colors = 0
        var defaultColors = false
        if has_colors() {
            start_color()
            defaultColors = use_default_colors() != ERR
            colors = Int(cn_COLORS())
        }
        let terminal = CursesTerminal(screen: screen, window: window, colors: colors, defaultColors: defaultColors,
                                      utf8: utf8, environment: environment)
        current = terminal
        if options.handlesTerminationSignals { terminal.installSignalHandlers(exitCode: options.interruptExitCode) }
        return terminal
    }

    private init(screen: OpaquePointer, window: CursesWindow, colors: Int, defaultColors: Bool, utf8: Bool,
                 environment: [String: String]) {
        self.screen = screen
        self.surface = CursesSurface(window: window, colorCount: colors, hasDefaultColors: defaultColors)
        self.colorCapability = ColorCapability.detect(colors: colors, environment: environment)
        self.isUTF8 = utf8
        self.borders = utf8 ? .rounded : .ascii
        self.isActive = true
        var rows: Int32 = 0
        var columns: Int32 = 0
        cn_getmaxyx(window, &rows, &columns)
        self.size = Size(width: Int(columns), height: Int(rows))
    }

    /// Restores the terminal (endwin). Safe to call more than once.
    public func stop() {
        guard isActive else { return }
        isActive = false
        for source in signalSources { source.cancel() }
        signalSources.removeAll()
        curs_set(1)
        endwin()
        cn_set_curses_active(0)
        if Self.current === self { Self.current = nil }
    }

    /// Leaves curses while `body` runs (to start an editor or pager), then comes back.
    public func suspend<T>(_ body: () throws -> T) rethrows -> T {
        def_prog_mode()
        endwin()
        defer {
            reset_prog_mode()
            requestFullRedraw()
            wrefresh(surface.window)
        }
        return try body()
    }

    // MARK: - Keys

    public func readKey(timeoutMilliseconds: Int32 = 0) -> Key? {
        guard isActive else { return nil }
        if !pendingKeys.isEmpty { return pendingKeys.removeFirst() }
        guard let key = readRawKey(timeoutMilliseconds: timeoutMilliseconds) else { return nil }
        switch key {
        case .escape:
            // Escape followed at once by a character is Alt+character.
            if let next = readRawKey(timeoutMilliseconds: 0) {
                if let combined = KeyDecoder.combineEscape(with: next) { return combined }
                pendingKeys.append(next)
                if next == .resize { updateSize() }
            }
            return .escape
        case .resize:
            updateSize()
            return .resize
        default:
            return key
        }
    }

    private func readRawKey(timeoutMilliseconds: Int32) -> Key? {
        let window = surface.window
        wtimeout(window, timeoutMilliseconds)
        var value: wint_t = 0
        let status = wget_wch(window, &value)
        if status == OK { return KeyDecoder.decodeCharacter(UInt32(value)) }
        if status == cn_KEY_CODE_YES() { return KeyDecoder.decodeKeyCode(Int32(bitPattern: UInt32(value))) }
        return nil
    }

    /// Re-reads the window size after KEY_RESIZE (ncurses has already resized
    /// stdscr) and re-applies the per-window settings.
    private func updateSize() {
        let window = surface.window
        var rows: Int32 = 0
        var columns: Int32 = 0
        cn_getmaxyx(window, &rows, &columns)
        size = Size(width: Int(columns), height: Int(rows))
        keypad(window, true)
        wtimeout(window, 0)
        surface.invalidate()
    }

    // MARK: - Output

    public func present(_ frame: MemorySurface) {
        guard isActive else { return }
        surface.paint(frame)
    }

    public func requestFullRedraw() {
        guard isActive else { return }
        surface.invalidate()
    }

    /// Written past curses (which has flushed its frame): the sequence moves no cursor.
    public func copyToClipboard(_ text: String) {
        guard isActive else { return }
        let bytes = Array(ClipboardSequence.osc52(copying: text).utf8)
        var written = 0
        while written < bytes.count {
            let result = bytes[written...].withUnsafeBytes { Foundation.write(STDOUT_FILENO, $0.baseAddress, $0.count) }
            if result <= 0 { break }
            written += result
        }
    }

    // MARK: - Signals

    private func installSignalHandlers(exitCode: Int32) {
        signalSources = Self.makeSignalSources(exitCode: exitCode)
    }

    /// Nonisolated on purpose: closures made here must not inherit main-actor
    /// isolation, since the watchdog runs on a global queue.
    private nonisolated static func makeSignalSources(exitCode: Int32) -> [any DispatchSourceSignal] {
        var sources: [any DispatchSourceSignal] = []
        for signalNumber in [SIGINT, SIGTERM, SIGHUP] {
            signal(signalNumber, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .main)
            source.setEventHandler { @Sendable in
                MainActor.assumeIsolated {
                    CursesTerminal.current?.stop()
                }
                exit(exitCode)
            }
            source.resume()
            sources.append(source)
            // If the main thread is busy and never gets to the handler above,
            // restore the modes directly and leave.
            let watchdog = DispatchSource.makeSignalSource(signal: signalNumber, queue: .global())
            watchdog.setEventHandler { @Sendable in
                DispatchQueue.global().asyncAfter(deadline: .now() + .seconds(1)) { @Sendable in
                    cn_emergency_restore()
                    _exit(exitCode)
                }
            }
            watchdog.resume()
            sources.append(watchdog)
        }
        return sources
    }
}
