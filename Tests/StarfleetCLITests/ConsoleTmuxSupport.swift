import Foundation
#if canImport(Glibc)
import Glibc
#endif
import Starfleet
import StarfleetAWS
import StarfleetTestSupport
import Testing

/// A console running in a private tmux server (`tmux -L <unique socket>`), driven with
/// send-keys and read with capture-pane. `kill()` stops the whole server.
final class TmuxConsole: @unchecked Sendable {
    let socket = "sf-console-\(UUID().uuidString.prefix(8).lowercased())"
    let target = "console"
    private(set) var lastScreen = ""

    /// Starts `script` (a shell script path) in a detached session of the given size.
    init(width: Int, height: Int, script: String) async throws {
        // Spawned and reaped directly, output to /dev/null: the tmux server forked here would hold
        // pipes open, and Foundation's Process did not reap this client reliably.
        let status = Self.spawnAndWait(["tmux", "-L", socket, "-f", "/dev/null", "new-session", "-d", "-x", String(width),
                                        "-y", String(height), "-s", target, "sh " + script])
        guard status == 0 else { throw ConsoleTmuxError("tmux new-session exited \(status)") }
        panePID = Int32(try await tmux(["display-message", "-p", "-t", target, "#{pane_pid}"])
            .trimmingCharacters(in: .whitespacesAndNewlines))
    }

    /// The pane's shell (the leader of the console's process group).
    private(set) var panePID: Int32?

    /// Starts `arguments` through `/usr/bin/env`, stdio on /dev/null, and waits. The tmux server
    /// (and every pane it forks) inherits the spawning thread's signal mask; test threads block
    /// SIGHUP/SIGTERM, and a pane whose shell cannot see SIGHUP never notices its terminal closing,
    /// so it starts with an empty mask and default dispositions. Returns the exit status.
    static func spawnAndWait(_ arguments: [String]) -> Int32 {
        guard let child = try? SessionChild.spawn(executable: "/usr/bin/env", arguments: arguments,
                                                  environment: ProcessInfo.processInfo.environment,
                                                  output: nil, newSession: false) else { return -1 }
        let exit = child.waitForExit()
        return exit.signaled ? -1 : exit.status
    }

    @discardableResult
    func tmux(_ arguments: [String]) async throws -> String {
        let result = try await ProcessRunner.run("tmux", ["-L", socket] + arguments, timeout: 20)
        guard result.exitCode == 0 else {
            throw ConsoleTmuxError( "tmux \(arguments.joined(separator: " ")) failed: \(result.summary)")
        }
        return result.stdoutText
    }

    /// tmux key names (`Enter`, `Escape`, `Tab`, `Down`, `C-l`) or single characters.
    func keys(_ keys: String...) async throws {
        try await tmux(["send-keys", "-t", target] + keys)
        // Escape followed within the escape delay by a character reads as Alt+character.
        if keys.last == "Escape" { try await Task.sleep(for: .milliseconds(150)) }
    }

    /// Types text literally.
    func type(_ text: String) async throws {
        try await tmux(["send-keys", "-t", target, "-l", text])
    }

    func screen() async throws -> String {
        lastScreen = try await tmux(["capture-pane", "-p", "-t", target])
        return lastScreen
    }

    func resize(width: Int, height: Int) async throws {
        try await tmux(["resize-window", "-t", target, "-x", String(width), "-y", String(height)])
    }

    /// Whether the pane is in the alternate screen (curses still active).
    func alternateScreen() async throws -> Bool {
        try await tmux(["display-message", "-p", "-t", target, "#{alternate_on}"]).trimmingCharacters(in: .whitespacesAndNewlines) == "1"
    }

    /// Polls the screen until `predicate` holds; fails with the last screen otherwise. A capture
    /// can land halfway through a repaint (the first changed rows drawn, the rest not yet), so the
    /// screen returned is a second capture, taken a moment later, for which `predicate` holds too.
    @discardableResult
    func wait(_ description: String, timeout: Double = 30, _ predicate: (String) -> Bool) async throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            let text = try await screen()
            if predicate(text) {
                try await Task.sleep(for: .milliseconds(60))
                let settled = try await screen()
                if predicate(settled) { return settled }
            }
            if Date() > deadline {
                throw ConsoleTmuxError( "timed out after \(timeout) s waiting for \(description); the screen:\n\(text)")
            }
            try await Task.sleep(for: .milliseconds(100))
        }
    }

    @discardableResult
    func wait(for text: String, timeout: Double = 30) async throws -> String {
        try await wait("“\(text)”", timeout: timeout) { $0.contains(text) }
    }

    /// `q`, then the shell's marker is on screen and the alternate screen is gone.
    func quitAndExpectRestoredTerminal() async throws {
        try await keys("q")
        let text = try await wait(for: "CONSOLE-EXITED 0", timeout: 15)
        #expect(!text.contains("╭─"), "curses output left on the screen:\n\(text)")
        #expect(try await alternateScreen() == false)
    }

    /// Stops the console (its process group) and the tmux server. Synchronous, for `defer`.
    func kill() {
        if let panePID, panePID > 1 { _ = Glibc.kill(-panePID, SIGKILL) }
        _ = Self.spawnAndWait(["tmux", "-L", socket, "kill-server"])
    }
}

/// What the console end-to-end tests share: a moto_server seeded with ~15 accounts, the
/// example configuration pointed at it, an account index written by the real generator, the
/// debug binaries.
actor ConsoleTmuxWorld {
    static let shared = ConsoleTmuxWorld(organization: SeededMotoServer(accounts: 15, depth: 3))
    /// The bundled demo's size (scripts/console: 60 accounts), for the acceptance scenario.
    static let demo = ConsoleTmuxWorld(organization: SeededMotoServer(accounts: 60, depth: 3))
    let organization: SeededMotoServer

    init(organization: SeededMotoServer) {
        self.organization = organization
    }
    static let root = RepositoryPaths.root
    static let starfleet = root.appendingPathComponent(".build/debug/starfleet").path
    static let probeFleet = root.appendingPathComponent(".build/debug/starfleet-probe-fleet").path
    static let indexKey = "console-e2e/accountIndex.json"
    static let bucket = "starfleet-account-index"

    struct Fixture: Sendable {
        let server: MotoServer
        let seed: MotoOrganizationSeed
        let directory: TemporaryDirectory
        /// The example configuration with the seeded ids, reading the index written for these tests.
        let configuration: String
        let session: AWSSession
    }

    private var building: Task<Fixture, any Error>?

    func get() async throws -> Fixture {
        if let building { return try await building.value }
        let organization = organization
        let task = Task { try await Self.make(organization) }
        building = task
        return try await task.value
    }

    private static func make(_ organization: SeededMotoServer) async throws -> Fixture {
        for binary in [starfleet, probeFleet] where !FileManager.default.isExecutableFile(atPath: binary) {
            throw ConsoleTmuxError( "\(binary) is missing: build first with `swift build --build-tests`")
        }
        guard ProcessRunner.which("tmux") != nil else {
            throw ConsoleTmuxError( "tmux is not installed (scripts/ensure-deps installs it)")
        }
        let (server, seed) = try await organization.get()
        let directory = try TemporaryDirectory(prefix: "starfleet-console-e2e")
        let configuration = directory.path + "/configuration"
        try FileManager.default.copyItem(atPath: root.appendingPathComponent("examples/configuration").path, toPath: configuration)
        let generator = configuration + "/account_index_generator.yaml"
        var text = try String(contentsOfFile: generator, encoding: .utf8)
        text = text.replacingOccurrences(of: "OrgRootId: r-0000", with: "OrgRootId: \(seed.rootId)")
        text = text.replacingOccurrences(of: "OrgAccountId: \"000000000000\"", with: "OrgAccountId: \"\(seed.managementAccountId)\"")
        try text.write(toFile: generator, atomically: true, encoding: .utf8)
        let starfleetFile = configuration + "/starfleet.yaml"
        let global = try String(contentsOfFile: starfleetFile, encoding: .utf8)
            .replacingOccurrences(of: "IndexObjectPath: accountIndex.json", with: "IndexObjectPath: \(indexKey)")
        try global.write(toFile: starfleetFile, atomically: true, encoding: .utf8)

        // The index the fan-out tab reads, written once by the real generator.
        let payload = try directory.write(generatorPayload(key: indexKey), to: "setup/index.yaml")
        let result = try await ProcessRunner.run(
            starfleet, ["run", "AccountIndexGeneratorShip", "--config", configuration, "--payload", payload.path, "--commit"],
            environment: environment(server: server, home: directory.path + "/setup-home"), timeout: 120)
        guard result.exitCode == 0 else {
            throw ConsoleTmuxError( "writing the account index failed: \(result.summary)")
        }
        let session = AWSSession(region: "us-east-1", credentialsProvider: MotoServer.credentialsProvider,
                                 environment: ["AWS_ENDPOINT_URL": server.endpoint.absoluteString, "HOME": "/nonexistent"])
        return Fixture(server: server, seed: seed, directory: directory, configuration: configuration, session: session)
    }

    static func generatorPayload(key: String) -> String {
        """
        TemplateName: GenerateAccountIndex
        TemplateDescription: Writes the account index for the console tests.
        AccountInventoryBucket: \(bucket)
        InventoryBucketRegion: us-east-1
        InventoryObjectPrefix: \(key)
        """
    }

    /// Dummy credentials and the moto endpoint; private state and config homes.
    static func environment(server: MotoServer, home: String, endpoint: String? = nil) -> [String: String] {
        var environment = server.inheritedClientEnvironment
        environment["STARFLEET_CONFIG_DIR"] = nil
        environment["STARFLEET_REGIONS_FILE"] = nil
        environment["STARFLEET_THEME"] = nil
        environment["NO_COLOR"] = nil
        environment["HOME"] = home
        environment["XDG_STATE_HOME"] = home + "/state"
        environment["XDG_CONFIG_HOME"] = home + "/config"
        environment["LANG"] = "C.UTF-8"
        environment["LC_ALL"] = "C.UTF-8"
        environment["TERM"] = "screen-256color"
        if let endpoint { environment["AWS_ENDPOINT_URL"] = endpoint }
        return environment
    }
}

/// One console launch: its own home (history, console.json), a launcher script for tmux.
struct ConsoleLaunch {
    let home: String
    let script: String

    init(fixture: ConsoleTmuxWorld.Fixture, binary: String = ConsoleTmuxWorld.starfleet, arguments: [String],
         endpoint: String? = nil, extraEnvironment: [String: String] = [:]) throws {
        let name = UUID().uuidString.prefix(8)
        home = fixture.directory.path + "/home-\(name)"
        try FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
        var environment = ConsoleTmuxWorld.environment(server: fixture.server, home: home, endpoint: endpoint)
        environment.merge(extraEnvironment) { _, new in new }
        let exports = environment.keys.sorted().compactMap { key -> String? in
            guard key.range(of: "^[A-Za-z_][A-Za-z0-9_]*$", options: .regularExpression) != nil else { return nil }
            return "export \(key)=\(Self.quote(environment[key] ?? ""))"
        }
        let command = ([binary, "console"] + arguments).map(Self.quote).joined(separator: " ")
        script = home + "/run-console.sh"
        try (exports + ["cd \(Self.quote(fixture.directory.path))", command, "echo CONSOLE-EXITED $?", "sleep 600", ""])
            .joined(separator: "\n").write(toFile: script, atomically: true, encoding: .utf8)
    }

    static func quote(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}

struct ConsoleTmuxError: Error, CustomStringConvertible {
    let message: String
    init(_ message: String) { self.message = message }
    var description: String { message }
}
