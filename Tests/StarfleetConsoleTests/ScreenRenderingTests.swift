import Foundation
import Starfleet
import StarfleetSchema
import StarfleetTestSupport
import Testing
@testable import StarfleetConsole
@testable import StarfleetTUI

/// Whole screens rendered to a MemorySurface and read back as text.
@Suite("Console screens")
struct ScreenRenderingTests {
    @Test("Fleet view lists every ship with its fan-out strategy and state; header and footer")
    func fleetView() throws {
        let directory = try ConsoleFixture.directory()
        let state = ConsoleFixture.state(try ConsoleFixture.snapshot(in: directory))
        let screen = ConsoleView.render(state)
        let text = screen.text
        #expect(screen.line(0).contains("Starfleet"))
        #expect(screen.line(0).contains("config …") && screen.line(0).contains("/config ·"))
        #expect(screen.line(0).contains("index s3://starfleet-account-index/accountIndex.json"))
        #expect(screen.line(0).contains("DRY RUN"))
        #expect(!screen.line(0).contains("[R]"))
        #expect(text.contains("Fleet · 6 ships"))
        func row(_ name: String) -> String { screen.lines().first { $0.contains(name) } ?? "" }
        #expect(row("ConsoleSingleShip").contains("SINGLE_INVOCATION"))
        #expect(row("ConsoleSingleShip").contains(" enabled "))
        #expect(row("ConsoleAccountShip").contains("ACCOUNT"))
        #expect(row("ConsoleDisabledShip").contains("disabled"))
        #expect(row("ConsoleBrokenShip").contains("invalid configuration"))
        #expect(row("ConsoleUnconfiguredShip").contains("not configured"))
        #expect(row("ConsoleUnconfiguredShip").contains("—"))
        #expect(row("ConsoleSingleShip").contains("ships.yaml"))
        // The state badge uses the theme's badge colours.
        let enabled = screen.find(" enabled ")!
        #expect(screen.style(row: enabled.row, column: enabled.column + 1).background == Theme.default[.badgeEnabled].background)
        let invalid = screen.find(" invalid configuration ")!
        #expect(screen.style(row: invalid.row, column: invalid.column + 1).background == Theme.default[.badgeInvalid].background)
        // Footer: the keys that apply here, from the registry.
        let footer = screen.line(39)
        #expect(footer.contains("Enter Open"))
        #expect(footer.contains("/ Filter"))
        #expect(footer.contains("? Help"))
        #expect(footer.contains("q Quit"))
    }

    @Test("Wide characters: CJK and emoji ship names keep the columns aligned")
    func wideCharactersAligned() throws {
        let directory = try ConsoleFixture.directory()
        let state = ConsoleFixture.state(try ConsoleFixture.snapshot(in: directory))
        let screen = ConsoleView.render(state)
        let lines = screen.lines()
        let wide = lines.first { $0.contains("日本語シップ🚀") }!
        let ascii = lines.first { $0.contains("ConsoleSingleShip") }!
        let header = lines.first { $0.contains("Fan-out") && $0.contains("State") }!
        func column(of needle: String, in line: String) -> Int {
            DisplayWidth.of(line[..<line.firstRange(of: needle)!.lowerBound])
        }
        #expect(column(of: "SINGLE_INVOCATION", in: wide) == column(of: "SINGLE_INVOCATION", in: ascii))
        #expect(column(of: "SINGLE_INVOCATION", in: wide) == column(of: "Fan-out", in: header))
        #expect(column(of: "enabled", in: wide) == column(of: "enabled", in: ascii))
        // Every row is exactly the screen's width in cells.
        for row in 0..<screen.size.height {
            #expect(DisplayWidth.of(screen.line(row, trimmingTrailingSpaces: false)) == 120)
        }
    }

    @Test("Opening an invalid ship shows its error tree with file:line")
    func shipErrors() throws {
        let directory = try ConsoleFixture.directory()
        var state = ConsoleFixture.state(try ConsoleFixture.snapshot(in: directory))
        state.fleet.list.selected = state.fleet.visibleShips.firstIndex { $0.name == "ConsoleBrokenShip" }!
        let effects = ConsoleReducer.reduce(&state, .key(.enter))
        #expect(effects.isEmpty)
        #expect(state.screen == .shipErrors("ConsoleBrokenShip"))
        let text = ConsoleView.render(state).text
        let lines = ConsoleFixture.shipsYAML.split(separator: "\n", omittingEmptySubsequences: false)
        let line = lines.firstIndex { $0.contains("SOMETIMES") }! + 1
        #expect(text.contains("ConsoleBrokenShip · invalid configuration"))
        #expect(text.contains("EventBridgeTimedFrequency"))
        #expect(text.contains("Must be one of"))
        #expect(text.contains("\(directory.path)/config/ships.yaml:\(line)"), "\(text)")
        ConsoleReducer.reduce(&state, .key(.escape))
        #expect(state.screen == .fleet)
    }

    @Test("Inspector: each error is marked at its line on the left, the error tree is on the right")
    func inspectorErrors() throws {
        let directory = try ConsoleFixture.directory()
        var state = ConsoleFixture.state(try ConsoleFixture.snapshot(in: directory))
        ConsoleFixture.inspecting(ConsoleFixture.invalidPayload, state: &state)
        #expect(state.screen == .inspector)
        let screen = ConsoleView.render(state)
        let lines = screen.lines()
        // Left pane: line numbers, the marker and the message on the offending line.
        let third = lines.first { $0.contains("BucketRegion: 12") }!
        #expect(third.contains("▌3 BucketRegion: 12"), "\(screen.text)")
        #expect(third.contains("◀ BucketRegion: Not a valid string."))
        let first = lines.first { $0.contains("TemplateName: Broken") }!
        #expect(first.contains("▌1 TemplateName"))
        #expect(first.contains("◀ Bucket: Missing data"))
        let second = lines.first { $0.contains("TemplateDescription: Broken") }!
        #expect(!second.contains("▌"))
        let marker = screen.find("▌3")!
        #expect(screen.style(row: marker.row, column: marker.column).foreground == Theme.default[.error].foreground)
        // Right pane: the error tree with lines.
        let text = screen.text
        #expect(text.contains("Errors (2)"))
        #expect(text.contains("✗ 2 problems"))
        #expect(lines.contains { $0.contains("BucketRegion  line 3") })
        #expect(lines.contains { $0.contains("✗ Not a valid string.") })
        #expect(lines.contains { $0.contains("Bucket  line 1") })
        // Running is refused, with the reason.
        let effects = ConsoleReducer.reduce(&state, .key(.char("d")))
        #expect(effects.isEmpty)
        #expect(state.flash?.text.contains("does not validate") == true)
    }

    @Test("Inspector: the loaded snake_case payload marks defaults and kept unknown keys; cursors follow each other")
    func inspectorValid() throws {
        let directory = try ConsoleFixture.directory()
        var state = ConsoleFixture.state(try ConsoleFixture.snapshot(in: directory))
        ConsoleFixture.inspecting(ConsoleFixture.validPayload, state: &state)
        let screen = ConsoleView.render(state)
        let lines = screen.lines()
        #expect(lines.contains { $0.contains("template_name: WriteTheIndex") })
        #expect(lines.contains { $0.contains("bucket_region: us-east-1") })
        #expect(lines.contains { $0.contains("object_key: index.json  (default)") }, "\(screen.text)")
        #expect(lines.contains { $0.contains("Extra: kept as is  (unknown key, kept)") })
        let defaultMark = screen.find("(default)")!
        #expect(screen.style(row: defaultMark.row, column: defaultMark.column).foreground == Theme.default[.payloadDefault].foreground)

        // Cursor on source line 4 (BucketRegion) → the right side's bucket_region line is selected too.
        for _ in 0..<3 { ConsoleReducer.reduce(&state, .key(.down)) }
        let inspector = state.inspector!
        let document = inspector.document!
        #expect(inspector.sourceCursor == 3)
        #expect(document.loaded.lines[inspector.loadedCursor].plainText.contains("bucket_region"))
        let rendered = ConsoleView.render(state)
        let row = rendered.find("bucket_region")!
        #expect(rendered.style(row: row.row, column: row.column).background == Theme.default[.selection].background)
        // Switch sides and move: the source follows.
        ConsoleReducer.reduce(&state, .key(.tab))
        ConsoleReducer.reduce(&state, .key(.up))
        let moved = state.inspector!
        #expect(moved.document!.loaded.lines[moved.loadedCursor].plainText.contains("bucket:"))
        #expect(moved.document!.source.lines[moved.sourceCursor].plainText.hasPrefix("Bucket:"))
    }

    @Test("Commit confirmation dialog: ship, payload, target, dry-run summary; Cancel focused; typed name required")
    func confirmationDialog() throws {
        let directory = try ConsoleFixture.directory()
        var state = ConsoleFixture.state(try ConsoleFixture.snapshot(in: directory))
        ConsoleFixture.inspecting(ConsoleFixture.validPayload, state: &state)
        ConsoleFixture.dryRun(&state)
        let launch = try ConsoleFixture.openCommitDialog(&state)
        #expect(launch.mode == .commit)
        let screen = ConsoleView.render(state)
        let text = screen.text
        #expect(text.contains("Commit ConsoleSingleShip?"))
        #expect(text.contains("Ship:     ConsoleSingleShip"))
        #expect(text.contains("Payload:  /payloads/payload.yaml"))
        #expect(text.contains("Target:   single invocation"))
        #expect(text.contains("Dry run:  succeeded · exit 0 · 1.5 s · 2 log lines"))
        #expect(text.contains("would write s3://my-bucket/index.json"))
        #expect(text.contains("Type ConsoleSingleShip to confirm"))
        #expect(text.contains("[ Cancel ]"))
        #expect(!text.contains("[ Commit ]"))
        // The dialog's frame is drawn in the error style (a dangerous action).
        let title = screen.find("Commit ConsoleSingleShip?")!
        #expect(screen.style(row: title.row, column: title.column).foreground == Theme.default[.error].foreground)
        // Footer shows the dialog's own keys only.
        #expect(screen.line(39).contains("Tab Next button"))
        #expect(!screen.line(39).contains("q Quit"))
    }

    @Test("Smaller than 80×24 shows the too-small notice; resizing back restores the screen")
    func tooSmall() throws {
        let directory = try ConsoleFixture.directory()
        var state = ConsoleFixture.state(try ConsoleFixture.snapshot(in: directory), width: 79, height: 24)
        let small = ConsoleView.render(state).text
        #expect(small.contains("Terminal too small"))
        #expect(small.contains("79x24 — needs at least 80x24"))
        #expect(!small.contains("Fleet"))
        // Keys other than q do nothing while it is too small.
        ConsoleReducer.reduce(&state, .key(.enter))
        #expect(state.screen == .fleet)
        ConsoleReducer.reduce(&state, .resize(Size(width: 80, height: 24)))
        let fits = ConsoleView.render(state)
        #expect(fits.text.contains("Fleet · 6 ships"))
        #expect(fits.text.contains("ConsoleSingleShip"))
        #expect(fits.size == Size(width: 80, height: 24))
    }

    @Test("Run view: level colours, status, elapsed time and exit code")
    func runView() throws {
        let directory = try ConsoleFixture.directory()
        var state = ConsoleFixture.state(try ConsoleFixture.snapshot(in: directory))
        ConsoleFixture.inspecting(ConsoleFixture.validPayload, state: &state)
        ConsoleFixture.dryRun(&state)
        #expect(state.screen == .run)
        let screen = ConsoleView.render(state)
        let text = screen.text
        #expect(text.contains("DRY RUN  ConsoleSingleShip · /payloads/payload.yaml"))
        #expect(text.contains("✔ succeeded · exit 0 · ⏱ 1.5 s · 2 lines"), "\(text)")
        #expect(text.contains("10:00:00.123 INFO  [🛃] Validating the template..."))
        let warning = screen.find("WARN ")!
        #expect(screen.style(row: warning.row, column: warning.column).foreground == Theme.default[.logWarning].foreground)
        #expect(text.contains("[console] ✔ dry run succeeded · exit 0"))
    }

    @Test("Help overlay is generated from the registry for the current screen")
    func helpOverlay() throws {
        let directory = try ConsoleFixture.directory()
        var state = ConsoleFixture.state(try ConsoleFixture.snapshot(in: directory))
        ConsoleReducer.reduce(&state, .key(.char("?")))
        let text = ConsoleView.render(state).text
        #expect(text.contains("Keys · Esc closes"))
        #expect(text.contains("Fleet"))
        #expect(text.contains("Choose a payload for the ship"))
        #expect(text.contains("Global"))
        ConsoleReducer.reduce(&state, .key(.escape))
        #expect(state.overlay == nil)
    }

    @Test("Payload picker marks each entry valid or invalid for the ship; thousands of entries render only what shows")
    func picker() throws {
        let directory = try ConsoleFixture.directory()
        var state = ConsoleFixture.state(try ConsoleFixture.snapshot(in: directory))
        ConsoleReducer.reduce(&state, .key(.enter))
        let generation = state.picker!.generation
        var entries = [PickerEntry(name: "..", kind: .parent, directory: "/"),
                       PickerEntry(name: "nested", kind: .directory, directory: "/payloads/nested")]
        entries += (0..<5_000).map {
            PickerEntry(name: String(format: "payload-%04d.yaml", $0), kind: .file, origin: .local("/payloads/p\($0).yaml"))
        }
        let effects = ConsoleReducer.reduce(&state, .pickerListed(generation: generation, directory: "/payloads", .success(entries)))
        guard case .validateEntries(_, let ship, let files)? = effects.first else {
            Issue.record("no validation: \(effects)")
            return
        }
        #expect(ship == "ConsoleSingleShip")
        #expect(files.count == 5_000)
        #expect(effects.contains(.rememberPayloadDirectory("/payloads")))
        ConsoleReducer.reduce(&state, .pickerValidated(generation: generation, [(2, .valid), (3, .invalid(2))]))
        let clock = ContinuousClock()
        let start = clock.now
        let screen = ConsoleView.render(state)
        #expect(clock.now - start < .milliseconds(500))
        let text = screen.text
        #expect(text.contains("Payloads for ConsoleSingleShip"))
        #expect(text.contains("5000 payloads"))
        #expect(text.contains("validating 2/5000"))
        #expect(screen.lines().contains { $0.contains("payload-0000.yaml") && $0.contains("✔ valid") })
        #expect(screen.lines().contains { $0.contains("payload-0001.yaml") && $0.contains("✗ invalid (2)") })
        #expect(screen.lines().contains { $0.contains("payload-0002.yaml") && $0.contains("…") })
        #expect(screen.lines().contains { $0.contains("nested/") })
        #expect(text.contains("of 5002 "))
        // A stale listing is ignored.
        ConsoleReducer.reduce(&state, .pickerValidated(generation: generation - 1, [(4, .valid)]))
        #expect(state.picker!.entries[4].validity == .pending)
    }
}
