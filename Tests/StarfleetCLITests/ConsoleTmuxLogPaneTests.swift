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
        let screen = try await console.wait(for: "✔ succeeded · exit 0", timeout: 90)
        #expect(screen.contains("[console] ✔ dry run succeeded"), "the newest line, before any filter")

        // & filters: the other lines are gone from the screen, not just highlighted.
        try await console.keys("&")
        try await console.type("Validating")
        try await console.keys("Enter")
        // Waits for the whole filtered frame: tmux may be captured halfway through a repaint.
        _ = try await console.wait("only the matching line under “Validating”") {
            $0.contains("filter “Validating”") && $0.contains("[🛃] Validating the template...")
                && !$0.contains("Commit flag is disabled") && !$0.contains("[console] ✔ dry run succeeded")
        }
        try await console.keys("Escape")
        // v twice: warning and above.
        try await console.keys("v", "v")
        _ = try await console.wait("warnings and above only") {
            $0.contains("warning and above") && $0.contains("Commit flag is disabled")
                && !$0.contains("[🛃] Validating the template...")
        }

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
