import Foundation
import StarfleetTestSupport
import Testing

/// The real console in tmux: the header says who and where (identity from moto, the endpoint,
/// the environment label), and `keys.yaml` changes the keys (its bad entry is reported).
@Suite("Console header and keys.yaml in tmux")
struct ConsoleHeaderTmuxTests {
    @Test("--environment production and the moto identity in the header; keys.yaml rebinds history to H")
    func headerAndKeyOverride() async throws {
        let fixture = try await ConsoleTmuxWorld.shared.get()
        let launch = try ConsoleLaunch(fixture: fixture, arguments: ["--config", fixture.configuration, "--environment", "production"])
        try FileManager.default.createDirectory(atPath: launch.home + "/config/starfleet", withIntermediateDirectories: true)
        try "# mine\nshow-history: H\ndryrun: D\n".write(toFile: launch.home + "/config/starfleet/keys.yaml", atomically: true, encoding: .utf8)
        let console = try await TmuxConsole(width: 160, height: 40, script: launch.script)
        defer { console.kill() }

        var screen = try await console.wait(for: "unknown command 'dryrun'")
        #expect(screen.contains("keys.yaml:3: unknown command 'dryrun'"), "\(screen)")
        screen = try await console.wait(for: "identity: \(fixture.seed.managementAccountId) arn:aws:", timeout: 45)
        let header = String(screen.split(separator: "\n").first ?? "")
        #expect(header.contains("▲ PRODUCTION"), "\(header)")
        #expect(header.contains("endpoint \(fixture.server.endpoint.absoluteString)"), "\(header)")
        #expect(screen.contains("AccountIndexGeneratorShip"))
        let footer = String(screen.split(separator: "\n").last ?? "")
        #expect(footer.contains("H History"), "\(footer)")

        try await console.keys("h")
        try await Task.sleep(for: .milliseconds(500))
        #expect(!(try await console.screen()).contains("Run history ·"))
        try await console.keys("H")
        try await console.wait(for: "Run history ·")
        try await console.keys("Escape")
        try await console.wait(for: "AccountIndexGeneratorShip")
        try await console.quitAndExpectRestoredTerminal()
    }

    @Test("An endpoint nobody answers: identity: unavailable (reason) in the header, the console works; STARFLEET_ENVIRONMENT labels it")
    func unreachableIdentity() async throws {
        let fixture = try await ConsoleTmuxWorld.shared.get()
        let port = try FreePort.find()
        let launch = try ConsoleLaunch(fixture: fixture, arguments: ["--config", fixture.configuration],
                                       endpoint: "http://127.0.0.1:\(port)", extraEnvironment: ["STARFLEET_ENVIRONMENT": "staging"])
        let console = try await TmuxConsole(width: 160, height: 40, script: launch.script)
        defer { console.kill() }
        let screen = try await console.wait(for: "identity: unavailable (cannot reach http://127.0.0.1:\(port)", timeout: 45)
        let header = String(screen.split(separator: "\n").first ?? "")
        #expect(header.hasSuffix("STAGING"), "\(header)")
        #expect(!header.contains("PRODUCTION"))
        try await console.wait(for: "AccountIndexGeneratorShip")
        try await console.keys("j")
        try await console.quitAndExpectRestoredTerminal()
    }
}
