import Foundation
import Starfleet
import StarfleetTestSupport
import Testing
@testable import StarfleetConsole
@testable import StarfleetTUI

/// Both inspector panes at 80×24 with lines longer than a pane: wrap off cuts them, `w` wraps
/// both (markers whole and in their colours), ←/→ scroll the focused pane sideways.
@Suite("Inspector wrap and sideways scrolling")
struct InspectorWrapTests {
    static let arn = "arn:aws:iam::123456789012:role/AuditRoleWithAVeryLongName"
    static let payload = """
    TemplateName: WriteTheIndex
    TemplateDescription: Writes the index.
    Bucket: my-bucket-with-a-long-name-for-the-audit-reports
    BucketRegion: us-east-1
    Extra: \(arn)
    """

    func inspecting() throws -> (AppState, TemporaryDirectory) {
        let directory = try ConsoleFixture.directory()
        var state = ConsoleFixture.state(try ConsoleFixture.snapshot(in: directory), width: 80, height: 24)
        state.configurationDirectory = "/etc/starfleet/config"
        ConsoleFixture.inspecting(Self.payload, state: &state)
        return (state, directory)
    }

    /// The right pane's text of each screen row (37 cells from column 42).
    static func rightPane(_ screen: MemorySurface) -> [String] {
        screen.lines(trimmingTrailingSpaces: false).map {
            String($0.dropFirst(42).prefix(37)).trimmingCharacters(in: .whitespaces)
        }
    }

    /// The left pane's text of each screen row, right of the line-number gutter (35 cells from column 4).
    static func leftPane(_ screen: MemorySurface) -> [String] {
        screen.lines(trimmingTrailingSpaces: false).map {
            String($0.dropFirst(4).prefix(35)).trimmingCharacters(in: .whitespaces)
        }
    }

    @Test("Wrap off: long lines are cut at the pane's edge on both sides")
    func wrapOff() throws {
        let (state, _) = try inspecting()
        let screen = ConsoleView.render(state)
        GoldenFrame.expect(screen, matches: "inspector-wrap-off")
        let text = screen.text
        #expect(!text.contains(Self.arn), "cut, not shown whole:\n\(text)")
        #expect(!text.contains("(unknown key, kept)"), "the long line's marker is past the edge:\n\(text)")
        #expect(text.contains("object_key: index.json  (default)"), "short lines keep their marker:\n\(text)")
    }

    @Test("w wraps both panes: the ARN reads whole across rows; markers stay whole in their theme colours")
    func wrapOn() throws {
        var (state, _) = try inspecting()
        ConsoleReducer.reduce(&state, .key(.char("w")))
        #expect(state.inspector?.wraps == true)
        let screen = ConsoleView.render(state)
        GoldenFrame.expect(screen, matches: "inspector-wrap-on")
        let text = screen.text
        #expect(Self.rightPane(screen).joined().replacingOccurrences(of: " ", with: "").contains("Extra:" + Self.arn), "\(text)")
        #expect(Self.leftPane(screen).joined().replacingOccurrences(of: " ", with: "").contains("Extra:" + Self.arn), "\(text)")
        let found = screen.find("(unknown key, kept)")
        #expect(found != nil, "the unknown-key marker is whole on one row:\n\(text)")
        let unknown = try #require(found)
        #expect(screen.style(row: unknown.row, column: unknown.column).foreground == Theme.default[.payloadIncluded].foreground)
        let defaultFound = screen.find("(default)")
        let defaultMark = try #require(defaultFound)
        #expect(screen.style(row: defaultMark.row, column: defaultMark.column).foreground == Theme.default[.payloadDefault].foreground)
        #expect(screen.lines()[22].contains("wrap"), "the panes' bottom borders say so")
        // The source side's continuation rows carry no line number: line 5 is numbered once.
        #expect(screen.lines().filter { $0.contains(" 5 Extra:") }.count == 1, "\(text)")
        ConsoleReducer.reduce(&state, .key(.right))
        #expect(state.inspector?.sourceColumn == 0, "no sideways scrolling while wrapping")
        #expect(state.flash?.text.contains("w turns it off") == true)
    }

    @Test("→ scrolls only the focused pane; markers move with their line and keep their colour; ← comes back")
    func sideways() throws {
        var (state, _) = try inspecting()
        ConsoleReducer.reduce(&state, .key(.tab))
        #expect(state.inspector?.focus == .loaded)
        ConsoleReducer.reduce(&state, .key(.right))
        ConsoleReducer.reduce(&state, .key(.right))
        #expect(state.inspector?.loadedColumn == 20 && state.inspector?.sourceColumn == 0)
        let screen = ConsoleView.render(state)
        GoldenFrame.expect(screen, matches: "inspector-scrolled")
        let text = screen.text
        #expect(screen.lines()[22].contains("from column 21"), "\(text)")
        #expect(text.contains("1 TemplateName: WriteTheIndex"), "the source pane did not move:\n\(text)")
        let right = Self.rightPane(screen)
        // `Extra: arn:aws:iam::1…` from its 21st cell on; `object_key: index.json  (default)` too.
        let extra = "Extra: \(Self.arn)  (unknown key, kept)"
        let shifted = String(extra.dropFirst(20))
        #expect(right.contains { !$0.isEmpty && shifted.hasPrefix($0.replacingOccurrences(of: "…", with: "")) }, "\(right)")
        #expect(right.contains("on  (default)"), "\(right)")
        let defaultFound = screen.find("(default)")
        let defaultMark = try #require(defaultFound)
        #expect(screen.style(row: defaultMark.row, column: defaultMark.column).foreground == Theme.default[.payloadDefault].foreground)
        ConsoleReducer.reduce(&state, .key(.left))
        ConsoleReducer.reduce(&state, .key(.char("<")))
        ConsoleReducer.reduce(&state, .key(.left))
        #expect(state.inspector?.loadedColumn == 0)
    }

    @Test("While wrapping, the cursor line stays on screen even when the lines above it take several rows")
    func cursorVisibleWhileWrapping() {
        let long = StyledLine(String(repeating: "x", count: 45))
        var pane = TextPane(lines: Array(repeating: long, count: 10) + [StyledLine("the cursor line")], wraps: true,
                            cursorLine: 10)
        pane.wrapsAtWords = true
        let rows = pane.rendered(width: 20, height: 6).lines()
        #expect(rows.contains("the cursor line"), "\(rows)")
    }
}
