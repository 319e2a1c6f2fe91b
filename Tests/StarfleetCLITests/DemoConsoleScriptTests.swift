import Foundation
#if canImport(Glibc)
import Glibc
#endif
import StarfleetTestSupport
import Testing

/// `scripts/console` (the README's main command) in a real tmux pane: whatever way the operator
/// leaves, the moto server it started is gone and nothing listens on its port; a second demo on
/// the same directory says so instead of starting.
///
/// The script runs with `STARFLEET_BINARY` (the debug build, no release build in the suite) and a
/// three-account organization, each case in a demo directory of its own.
@Suite("scripts/console cleans up after itself", .serialized)
struct DemoConsoleScriptTests {
    enum Exit: String, CaseIterable, Sendable {
        case quitCommand = ":q"
        case controlC = "Ctrl-C"
        case closedTerminal = "SIGHUP (tmux session closed)"
        case terminateSignal = "SIGTERM to the script"
    }

    struct Demo {
        let directory: TemporaryDirectory
        let tmux: TmuxConsole
        var demoDirectory: String { directory.path + "/demo" }

        /// Starts the script in tmux and waits for the fleet view.
        static func start() async throws -> Demo {
            let directory = try TemporaryDirectory(prefix: "starfleet-demo-script")
            let root = RepositoryPaths.root.path
            let environment = [
                "STARFLEET_BINARY": root + "/.build/debug/starfleet",
                "STARFLEET_DEMO_DIR": directory.path + "/demo",
                "STARFLEET_DEMO_ACCOUNTS": "3",
                "HOME": directory.path + "/home",
                "XDG_STATE_HOME": directory.path + "/home/state",
                "LANG": "C.UTF-8",
                "TERM": "xterm-256color",
            ]
            let exports = environment.keys.sorted().map { "export \($0)=\(ConsoleLaunch.quote(environment[$0] ?? ""))" }
            let launcher = try directory.write((exports + [
                "unset STARFLEET_CONFIG_DIR STARFLEET_REGIONS_FILE AWS_ENDPOINT_URL NO_COLOR",
                "cd \(ConsoleLaunch.quote(root))",
                "bash scripts/console",
                "echo DEMO-EXITED $?",
                "sleep 600",
                "",
            ]).joined(separator: "\n"), to: "launch.sh")
            let tmux = try await TmuxConsole(width: 120, height: 40, script: launcher.path)
            let demo = Demo(directory: directory, tmux: tmux)
            do {
                try await tmux.wait(for: "AccountIndexGeneratorShip", timeout: 120)
            } catch {
                tmux.kill()
                throw error
            }
            return demo
        }

        func pid(_ file: String) throws -> Int32 {
            let text = try String(contentsOfFile: demoDirectory + "/" + file, encoding: .utf8)
            return try #require(Int32(text.trimmingCharacters(in: .whitespacesAndNewlines)), "\(file): \(text)")
        }

        func endpointPort() throws -> Int {
            let endpoint = try String(contentsOfFile: demoDirectory + "/moto.endpoint", encoding: .utf8)
            return try #require(URL(string: endpoint.trimmingCharacters(in: .whitespacesAndNewlines))?.port)
        }
    }

    static func isAlive(_ pid: Int32) -> Bool {
        // A zombie still answers kill(0); /proc tells the state.
        guard Glibc.kill(pid, 0) == 0 else { return false }
        let stat = (try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8)) ?? ""
        return !stat.contains(") Z ")
    }

    static func waitGone(_ pid: Int32, seconds: Double) async throws -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if !isAlive(pid) { return true }
            try await Task.sleep(for: .milliseconds(100))
        }
        return !isAlive(pid)
    }

    static func somethingListens(on port: Int) -> Bool {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        return result == 0
    }

    /// `ps` lines of the demo's script, its console and moto (they name the demo directory).
    static func processes(_ demo: Demo) async throws -> String {
        let table = try await ProcessRunner.run("ps", ["-eo", "pid,ppid,pgid,stat,etime,wchan:20,args"], timeout: 20)
        let lines = table.stdoutText.split(separator: "\n")
        return lines.filter { $0.contains(demo.directory.path) || $0.contains("scripts/console") || $0.contains("moto_server") }
            .joined(separator: "\n")
    }

    @Test("every way out stops the demo's moto server", arguments: Exit.allCases)
    func everyExitStopsMoto(exit: Exit) async throws {
        let demo = try await Demo.start()
        defer { demo.tmux.kill() }
        let moto = try demo.pid("moto.pid")
        let script = try demo.pid("console.pid")
        let port = try demo.endpointPort()
        #expect(Self.isAlive(moto) && Self.somethingListens(on: port), "moto should be up while the console runs")

        do {
            switch exit {
            case .quitCommand:
                try await demo.tmux.keys(":")
                try await demo.tmux.type("q")
                try await demo.tmux.keys("Enter")
                try await demo.tmux.wait(for: "DEMO-EXITED 0", timeout: 60)
            case .controlC:
                try await demo.tmux.keys("C-c")
                try await demo.tmux.wait(for: "DEMO-EXITED", timeout: 60)
            case .closedTerminal:
                _ = TmuxConsole.spawnAndWait(["tmux", "-L", demo.tmux.socket, "kill-server"])
            case .terminateSignal:
                #expect(Glibc.kill(script, SIGTERM) == 0)
                let screen = try await demo.tmux.wait(for: "DEMO-EXITED", timeout: 60)
                #expect(screen.contains("DEMO-EXITED 143"), "the script re-raises SIGTERM after cleaning up:\n\(screen)")
            }
        } catch {
            // Which process is still there says where the way out stopped.
            Issue.record("\(error)\nprocesses still running:\n\(try await Self.processes(demo))")
            return
        }
        #expect(try await Self.waitGone(script, seconds: 20), "scripts/console (pid \(script)) is still running")
        #expect(try await Self.waitGone(moto, seconds: 20), "moto_server (pid \(moto)) outlived the console (\(exit.rawValue))")
        #expect(!Self.somethingListens(on: port), "something still listens on the demo's port \(port)")
        #expect(!FileManager.default.fileExists(atPath: demo.demoDirectory + "/console.pid"))
        if Self.isAlive(moto) { _ = Glibc.kill(moto, SIGKILL) }
    }

    @Test("a second scripts/console on a running demo says so, exits 2 and leaves the first one alone")
    func secondDemoSaysSo() async throws {
        let demo = try await Demo.start()
        defer { demo.tmux.kill() }
        let moto = try demo.pid("moto.pid")
        let second = try await ProcessRunner.run(
            "bash", [RepositoryPaths.root.path + "/scripts/console"],
            environment: ["STARFLEET_DEMO_DIR": demo.demoDirectory, "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"],
            timeout: 30)
        #expect(second.exitCode == 2, "\(second.summary)")
        #expect(second.stderrText.contains("scripts/console is already running on \(demo.demoDirectory)"), "\(second.stderrText)")
        #expect(Self.isAlive(moto), "the first demo's moto must survive the refused second start")
        #expect(try demo.pid("moto.pid") == moto)

        try await demo.tmux.keys("q")
        try await demo.tmux.wait(for: "DEMO-EXITED 0", timeout: 30)
        #expect(try await Self.waitGone(moto, seconds: 20))
    }
}
