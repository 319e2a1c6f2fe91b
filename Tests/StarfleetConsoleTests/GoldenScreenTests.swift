import Foundation
import Starfleet
import StarfleetTestSupport
import Testing
@testable import StarfleetConsole
@testable import StarfleetTUI

/// The full 120×40 frame of the main screens against golden text, plus the colours of the
/// cells that carry meaning (badges, selection, levels, the dialog's danger frame).
@Suite("Console golden frames")
struct GoldenScreenTests {
    /// A state whose header does not depend on the temporary directory's name.
    static func state() throws -> AppState {
        let directory = try ConsoleFixture.directory()
        var state = ConsoleFixture.state(try ConsoleFixture.snapshot(in: directory))
        state.configurationDirectory = "/etc/starfleet/config"
        return state
    }

    @Test("Fleet: the whole frame; the enabled and invalid badges and the selected row in their theme colours")
    func fleet() throws {
        let state = try Self.state()
        let screen = ConsoleView.render(state)
        GoldenFrame.expect(screen, matches: "fleet")
        let theme = Theme.default
        let disabled = try #require(screen.find(" disabled "))
        #expect(screen.style(row: disabled.row, column: disabled.column + 1).background == theme[.badgeDisabled].background)
        let invalid = try #require(screen.find(" invalid configuration "))
        #expect(screen.style(row: invalid.row, column: invalid.column + 1).background == theme[.badgeInvalid].background)
        let enabled = try #require(screen.find(" enabled "))
        #expect(screen.style(row: enabled.row, column: enabled.column + 1).background == theme[.badgeEnabled].background)
        // The selected row (the first ship) is filled with the selection colour beyond its text.
        let selected = try #require(screen.find("ConsoleSingleShip "))
        #expect(screen.style(row: selected.row, column: 110).background == theme[.selection].background)
        #expect(screen.style(row: selected.row + 1, column: 110).background != theme[.selection].background)
    }

    @Test("Inspector: the whole frame of a valid payload; the default marker's colour")
    func inspector() throws {
        var state = try Self.state()
        ConsoleFixture.inspecting(ConsoleFixture.validPayload, state: &state)
        let screen = ConsoleView.render(state)
        GoldenFrame.expect(screen, matches: "inspector")
        let mark = try #require(screen.find("(default)"))
        #expect(screen.style(row: mark.row, column: mark.column).foreground == Theme.default[.payloadDefault].foreground)
    }

    @Test("Run: the whole frame after a successful dry run; the warning line's level colour")
    func run() throws {
        var state = try Self.state()
        ConsoleFixture.inspecting(ConsoleFixture.validPayload, state: &state)
        ConsoleFixture.dryRun(&state)
        let screen = ConsoleView.render(state)
        GoldenFrame.expect(screen, matches: "run")
        let warning = try #require(screen.find("WARN "))
        #expect(screen.style(row: warning.row, column: warning.column).foreground == Theme.default[.logWarning].foreground)
        let badge = try #require(screen.find(" DRY RUN  "))
        #expect(screen.style(row: badge.row, column: badge.column).background == Theme.default[.badgeDryRun].background)
    }

    @Test("Commit dialog: the whole frame; the title in the error colour")
    func dialog() throws {
        var state = try Self.state()
        ConsoleFixture.inspecting(ConsoleFixture.validPayload, state: &state)
        ConsoleFixture.dryRun(&state)
        _ = try ConsoleFixture.openCommitDialog(&state)
        let screen = ConsoleView.render(state)
        GoldenFrame.expect(screen, matches: "dialog")
        let title = try #require(screen.find("Commit ConsoleSingleShip?"))
        #expect(screen.style(row: title.row, column: title.column).foreground == Theme.default[.error].foreground)
    }
}
