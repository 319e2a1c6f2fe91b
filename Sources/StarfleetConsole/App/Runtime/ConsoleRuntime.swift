import Foundation
import Starfleet
import StarfleetTUI

/// The console's main loop, on the main actor (the only place curses is touched): read keys,
/// take the results background work left in the inbox, `reduce`, perform effects, render.
@MainActor
public final class ConsoleRuntime {
    public private(set) var state: AppState
    let terminal: any Terminal
    let services: ConsoleServices
    let inbox: ActionInbox
    private var trace: ConsoleTrace?
    private var lastRender = ContinuousClock.now
    private var lastTick = ContinuousClock.now
    private var lastActivity = ContinuousClock.now

    public init(state: AppState, terminal: any Terminal, services: ConsoleServices, trace: ConsoleTrace? = nil) {
        self.state = state
        self.terminal = terminal
        self.services = services
        self.inbox = services.inbox
        self.trace = trace
    }

    /// Starts `starfleet console` on the real terminal. Returns the exit status.
    public static func run(options: ConsoleOptions, fleet: Fleet, cloud: ConsoleCloud) async -> Int32 {
        let trace = ConsoleTrace(environment: options.environment)
        let settings = ConsoleSettings.load(stateDirectory: options.stateDirectory)
        let payloadDirectory = options.payloadsDirectory ?? settings.lastPayloadDirectory
            ?? FileManager.default.currentDirectoryPath
        let terminal: CursesTerminal
        do {
            terminal = try CursesTerminal.start(options: CursesTerminal.Options(rawMode: true))
        } catch {
            FileHandle.standardError.write(Data("starfleet console: \(error)\n".utf8))
            return 2
        }
        let loaded = ThemeLoader(environment: options.environment)
            .load(option: options.theme, capability: terminal.colorCapability)
        var state = AppState(configurationDirectory: options.configurationDirectory, readOnly: options.readOnly,
                             accountIndexOverride: options.accountIndexFile, payloadDirectory: payloadDirectory,
                             size: terminal.size, now: Date(), theme: loaded.theme)
        state.sessionTag = String(getpid())
        state.payloadRoot = options.payloadsDirectory
        state.commitGate = CommitGate(maxPlanAge: options.maxPlanAge)
        state.fleetConcurrency = options.fleetConcurrency
        state.header = HeaderState(identity: cloud.callerIdentity == nil ? nil : .pending, connection: cloud.connection,
                                   environment: EnvironmentLabel(options.environmentName))
        state.logWraps = settings.logWraps ?? false
        if !loaded.warnings.isEmpty {
            ConsoleReducer.reduce(&state, .themeLoaded(loaded.theme, warnings: loaded.warnings.map(\.description)))
            state.flash?.expires = Date().addingTimeInterval(15)
        }
        let keys = ConsoleKeyBindingsFile.load(environment: options.environment)
        state.keyBindings = keys.bindings
        state.keyBindingProblems = keys.problems
        if let problems = ConsoleKeyBindingsFile.summary(keys.problems) {
            let earlier = state.flash.map { $0.text + "; " } ?? ""
            state.showFlash(earlier + problems, .warning)
            state.flash?.expires = Date().addingTimeInterval(20)
        }
        let services = ConsoleServices(fleet: fleet, options: options, cloud: cloud, inbox: ActionInbox(),
                                       capability: terminal.colorCapability)
        let runtime = ConsoleRuntime(state: state, terminal: terminal, services: services, trace: trace)
        await runtime.loop()
        terminal.stop()
        return 0
    }

    /// Runs until the state asks to quit.
    public func loop() async {
        // The identity is asked in the background: the first frame never waits for STS.
        perform([.loadConfiguration, .loadHistory] + (state.header.identity == .pending ? [.fetchIdentity] : []))
        present()
        while !state.shouldQuit {
            var keyed = false
            while let key = terminal.readKey(timeoutMilliseconds: 0) {
                keyed = true
                dispatch(key == .resize ? .resize(terminal.size) : .key(key))
                if state.shouldQuit { break }
            }
            if state.shouldQuit { break }
            let turn = ContinuousClock.now
            let actions = inbox.drain(outputLimit: 2_000)
            for action in actions { dispatch(action) }
            let now = ContinuousClock.now
            var ticked = false
            if now - lastTick >= .milliseconds(250) {
                lastTick = now
                let hadFlash = state.flash != nil
                dispatch(.tick(Date()))
                ticked = hadFlash || state.isRunActive || state.fleet.isLoading || (state.picker?.isLoading ?? false)
            }
            if keyed || ticked || pendingRender || !actions.isEmpty {
                // Keys and results answer at once; a stream of log lines repaints at most ~30 times a second.
                let onlyOutput = actions.allSatisfy { if case .runOutput = $0 { return true } else { return false } }
                if keyed || ticked || !onlyOutput || now - lastRender >= .milliseconds(30) {
                    present()
                } else {
                    pendingRender = true
                }
            }
            trace?.turn(ContinuousClock.now - turn)
            // Busy: come back at once; quiet for a while: poll less often (keys still answer within ~20 ms).
            if keyed || !actions.isEmpty { lastActivity = now }
            let quiet = now - lastActivity > .seconds(1) && !state.isRunActive
            try? await Task.sleep(for: .milliseconds(keyed || !actions.isEmpty ? 2 : (quiet ? 20 : 8)))
        }
        trace?.finish()
    }

    private var pendingRender = false

    /// Applies an action and performs what it asks for.
    public func dispatch(_ action: Action) {
        perform(ConsoleReducer.reduce(&state, action))
    }

    func perform(_ effects: [Effect]) {
        for effect in effects {
            if effect == .redraw {
                terminal.requestFullRedraw()
                pendingRender = true
            } else if case .copyToClipboard(let text) = effect {
                terminal.copyToClipboard(text)
            } else {
                services.perform(effect)
            }
        }
    }

    func present() {
        terminal.present(ConsoleView.render(state))
        lastRender = ContinuousClock.now
        pendingRender = false
        if state.fleet.snapshot != nil || state.fleet.loadError != nil { trace?.firstFullFrame() }
    }
}

/// Timing marks for benchmarks: with `STARFLEET_CONSOLE_TRACE=FILE`, the console appends
/// `first_full_frame_ms N console_start_ms M` when the fleet is first painted: N from
/// `STARFLEET_CONSOLE_LAUNCH_NS` (wall-clock nanoseconds taken by the launcher just before
/// starting it; else from the console's start), M from the start of `ConsoleRuntime.run`.
public final class ConsoleTrace {
    let path: String
    let launchNanoseconds: UInt64
    let createdNanoseconds = ConsoleTrace.wallClock()
    private var wroteFirstFrame = false

    public init?(environment: [String: String]) {
        guard let path = environment["STARFLEET_CONSOLE_TRACE"], !path.isEmpty else { return nil }
        self.path = path
        self.launchNanoseconds = environment["STARFLEET_CONSOLE_LAUNCH_NS"].flatMap(UInt64.init) ?? Self.wallClock()
    }

    static func wallClock() -> UInt64 {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        return UInt64(now.tv_sec) * 1_000_000_000 + UInt64(now.tv_nsec)
    }

    func firstFullFrame() {
        guard !wroteFirstFrame else { return }
        wroteFirstFrame = true
        let now = Self.wallClock()
        let milliseconds = Double(now &- launchNanoseconds) / 1_000_000
        let inside = Double(now &- createdNanoseconds) / 1_000_000
        write(String(format: "first_full_frame_ms %.2f console_start_ms %.2f\n", milliseconds, inside))
    }

    private var longestTurn = Duration.zero
    private var turns = 0

    /// One turn of the main loop (taking the inbox, reducing, rendering): the longest is reported.
    func turn(_ duration: Duration) {
        turns += 1
        if duration > longestTurn { longestTurn = duration }
    }

    func finish() {
        let milliseconds = Double(longestTurn.components.seconds) * 1000 + Double(longestTurn.components.attoseconds) / 1e15
        write(String(format: "longest_loop_turn_ms %.2f turns %d\n", milliseconds, turns))
    }

    func write(_ line: String) {
        if let handle = FileHandle(forWritingAtPath: path) {
            handle.seekToEndOfFile()
            handle.write(Data(line.utf8))
            try? handle.close()
        } else {
            _ = FileManager.default.createFile(atPath: path, contents: Data(line.utf8))
        }
    }
}
