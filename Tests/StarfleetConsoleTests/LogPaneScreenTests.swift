import Foundation
import Starfleet
import StarfleetTestSupport
import Testing
@testable import StarfleetConsole
@testable import StarfleetTUI

/// The run screen's log pane through `reduce` and whole rendered screens: the level (`v`) and
/// text (`&`) filters hide lines, `t` hides timestamps, ←/→ scroll sideways, `w` is remembered,
/// and the copy keys hand OSC 52 text to the runtime.
@Suite("Log pane on the run screen")
struct LogPaneScreenTests {
    /// A finished dry run of ConsoleSingleShip on the run screen (an info and a warning record).
    func finishedRun() throws -> (AppState, String, TemporaryDirectory) {
        let directory = try ConsoleFixture.directory()
        var state = ConsoleFixture.state(try ConsoleFixture.snapshot(in: directory))
        ConsoleFixture.inspecting(ConsoleFixture.validPayload, state: &state)
        let id = ConsoleFixture.dryRun(&state)
        return (state, id, directory)
    }

    static func copied(_ effects: [Effect]) -> String? {
        effects.lazy.compactMap { if case .copyToClipboard(let text) = $0 { return text } else { return nil } }.first
    }

    @Test("v cycles the minimum level: lower lines disappear from the screen, the status line says so")
    func levelFilter() throws {
        var (state, _, _) = try finishedRun()
        #expect(ConsoleView.render(state).text.contains("Validating the template"))
        ConsoleReducer.reduce(&state, .key(.char("v")))
        ConsoleReducer.reduce(&state, .key(.char("v")))
        #expect(state.run?.log.minimumLevel == .warning)
        let text = ConsoleView.render(state).text
        #expect(!text.contains("Validating the template"), "the info line is hidden:\n\(text)")
        #expect(text.contains("Commit flag is disabled"))
        #expect(text.contains("warning and above"))
        ConsoleReducer.reduce(&state, .key(.char("v")))
        ConsoleReducer.reduce(&state, .key(.char("v")))
        #expect(state.run?.log.minimumLevel == nil)
        #expect(ConsoleView.render(state).text.contains("Validating the template"))
    }

    @Test("& filters lines as the text is typed (hidden, not highlighted); Esc clears the filter first")
    func textFilter() throws {
        var (state, _, _) = try finishedRun()
        ConsoleReducer.reduce(&state, .key(.char("&")))
        #expect(state.input?.purpose == .filter)
        _ = ConsoleFixture.type("VALIDATING", into: &state)
        var text = ConsoleView.render(state).text
        #expect(text.contains("[🛃] Validating the template"))
        #expect(!text.contains("Commit flag is disabled") && !text.contains("[console] ✔"), "\(text)")
        ConsoleReducer.reduce(&state, .key(.enter))
        text = ConsoleView.render(state).text
        #expect(text.contains("filter “VALIDATING”: 1 of 3 lines"), "\(text)")
        ConsoleReducer.reduce(&state, .key(.escape))
        #expect(state.screen == .run, "Esc clears the filter before leaving the screen")
        #expect(state.run?.log.textFilter == "")
        #expect(ConsoleView.render(state).text.contains("Commit flag is disabled"))
    }

    @Test("t hides the timestamps; → scrolls long lines sideways, ← back")
    func timestampsAndSideways() throws {
        var (state, _, _) = try finishedRun()
        ConsoleReducer.reduce(&state, .key(.char("t")))
        var text = ConsoleView.render(state).text
        #expect(!text.contains("10:00:00.123") && text.contains("INFO  [🛃] Validating the template"), "\(text)")
        ConsoleReducer.reduce(&state, .key(.right))
        #expect(state.run?.log.horizontalOffset == LogScreen.sidewaysStep)
        text = ConsoleView.render(state).text
        #expect(text.contains("lidating the template") && !text.contains("INFO  [🛃]"), "\(text)")
        #expect(text.contains("from column 11"))
        ConsoleReducer.reduce(&state, .key(.left))
        #expect(state.run?.log.horizontalOffset == 0)
    }

    @Test("w is remembered: the effect saves it, and the next run's log wraps too")
    func wrapRemembered() throws {
        var (state, _, _) = try finishedRun()
        let effects = ConsoleReducer.reduce(&state, .key(.char("w")))
        #expect(effects == [.rememberLogWrap(true)])
        #expect(state.logWraps && state.run?.log.wraps == true)
        ConsoleReducer.reduce(&state, .key(.escape))
        ConsoleFixture.dryRun(&state)
        #expect(state.run?.log.wraps == true, "a new run's pane starts wrapped")
    }

    @Test("Settings keep log_wrap across sessions, and saving one setting keeps the others")
    func settingsPersist() throws {
        let directory = try TemporaryDirectory()
        ConsoleSettings(lastPayloadDirectory: "/payloads").save(stateDirectory: directory.path)
        ConsoleSettings.update(stateDirectory: directory.path) { $0.logWraps = true }
        let loaded = ConsoleSettings.load(stateDirectory: directory.path)
        #expect(loaded == ConsoleSettings(lastPayloadDirectory: "/payloads", logWraps: true))
        let file = try String(contentsOfFile: ConsoleSettings.path(stateDirectory: directory.path), encoding: .utf8)
        #expect(file.contains("\"log_wrap\" : true"), "\(file)")
    }

    @Test("Copy keys: the selected line, the run id, the log path; a single-invocation run has no account")
    func copyKeys() throws {
        var (state, id, _) = try finishedRun()
        #expect(Self.copied(ConsoleReducer.reduce(&state, .key(.char("i")))) == id)
        #expect(Self.copied(ConsoleReducer.reduce(&state, .key(.char("p")))) == "/tmp/\(id).log")
        #expect(Self.copied(ConsoleReducer.reduce(&state, .key(.char("y"))))?.contains("[console] ✔ dry run succeeded") == true,
                "following: the newest line")
        ConsoleReducer.reduce(&state, .key(.char("/")))
        _ = ConsoleFixture.type("commit flag", into: &state)
        ConsoleReducer.reduce(&state, .key(.enter))
        let line = Self.copied(ConsoleReducer.reduce(&state, .key(.char("y"))))
        #expect(line == "10:00:00.456 WARN  [⚠️] Commit flag is disabled: not saving report to S3 (would write s3://my-bucket/index.json)")
        #expect(state.flash?.text.hasPrefix("Copied the line to the clipboard (OSC 52)") == true)
        ConsoleReducer.reduce(&state, .key(.char("t")))
        #expect(Self.copied(ConsoleReducer.reduce(&state, .key(.char("y"))))?.hasPrefix("WARN  [⚠️] Commit flag") == true,
                "copied as shown: without the timestamp")
        #expect(ConsoleReducer.reduce(&state, .key(.char("a"))).isEmpty)
        #expect(state.flash?.text == "This run has no account (single invocation).")
    }

    @Test("? help lists the new log keys (the footer keeps ? Help and q Quit)")
    func keysDocumented() throws {
        var (state, _, _) = try finishedRun()
        let footer = ConsoleView.render(state).line(39)
        #expect(footer.contains("? Help") && footer.contains("q Quit"), "\(footer)")
        ConsoleReducer.reduce(&state, .key(.char("?")))
        state.size = Size(width: 120, height: 80)
        let help = ConsoleView.render(state).text
        for text in ["Show only the lines containing the text", "Show or hide the timestamps", "Copy the run id (OSC 52)",
                     "Copy the saved log's path (OSC 52)", "Copy the run's account id (OSC 52)", "Scroll long lines to the right"] {
            #expect(help.contains(text), "help lists “\(text)”")
        }
    }
}
