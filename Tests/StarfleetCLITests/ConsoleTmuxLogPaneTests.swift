import Foundation
import Starfleet
import StarfleetTestSupport
import Testing

extension ConsoleTmuxTests {
    @Test("Run log in tmux: & hides lines, v shows warnings and up, p copies the log path through OSC 52 into tmux's buffer")
    func logPaneFiltersAndClipboard() async throws {
        let fixture = try await ConsoleTmuxWorld.shared.get()
        let key = "e2e/\(UUID().uuidString.prefix(8).lowercased()).json"
        let launch = try ConsoleLaunch(fixture: fixture, arguments: ["--config", fixture.configuration,
                                                                     "--payloads", try payloads(fixture, key: key)])
        let console = try await TmuxConsole(width: 120, height: 40, script: launch.script)
        defer { console.kill() }
        // tmux keeps what an application sends with OSC 52 as a paste buffer.
        try await console.tmux(["set-option", "-g", "set-clipboard", "on"])
        try await console.wait(for: "AccountIndexGeneratorShip")
        try await open("commit", in: console)
        try await console.keys("d")
        var screen = try await console.wait(for: "✔ succeeded · exit 0", timeout: 90)
        #expect(screen.contains("[console] ✔ dry run succeeded"), "the newest line, before any filter")

        // & filters: the other lines are gone from the screen, not just highlighted.
        try await console.keys("&")
        try await console.type("Validating")
        try await console.keys("Enter")
        screen = try await console.wait(for: "filter “Validating”")
        #expect(screen.contains("[🛃] Validating the template...") && !screen.contains("Commit flag is disabled")
                && !screen.contains("[console] ✔ dry run succeeded"), "\(screen)")
        try await console.keys("Escape")
        // v twice: warning and above.
        try await console.keys("v", "v")
        screen = try await console.wait(for: "warning and above")
        #expect(screen.contains("Commit flag is disabled") && !screen.contains("[🛃] Validating the template..."), "\(screen)")

        // p: the run's log path, written to the terminal as OSC 52; tmux stores it.
        try await console.keys("p")
        try await console.wait(for: "Copied the log path to the clipboard")
        let runs = launch.home + "/state/starfleet/runs"
        let logs = try FileManager.default.contentsOfDirectory(atPath: runs).filter { $0.hasSuffix(".log") }
        #expect(logs.count == 1)
        var buffer = ""
        let deadline = Date().addingTimeInterval(15)
        while Date() < deadline {
            buffer = (try? await console.tmux(["show-buffer"])) ?? ""
            if !buffer.isEmpty { break }
            try await Task.sleep(for: .milliseconds(100))
        }
        #expect(buffer.hasSuffix("/runs/" + (logs.first ?? "?")), "tmux's paste buffer: \(buffer)")
        try await console.quitAndExpectRestoredTerminal()
    }
}
