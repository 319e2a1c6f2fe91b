import Testing
@testable import StarfleetTUI

/// An app's commands, for testing the toolkit's registry on its own.
enum TestCommand: Hashable, Sendable, StandardCommands {
    case help, filter, commandLine, back, redraw, quit
    case open, down, dryRun, commit, query, other
}

@Suite("Keys and bindings")
struct KeyBindingTests {
    static let fleet: BindingContext = "fleet"

    typealias Command = TestCommand

    static func registry(readOnly: Bool = false) -> KeyBindingRegistry<Command> {
        var registry = KeyBindingRegistry<Command>(readOnly: readOnly)
        registry.add([
            KeyBinding(.open, keys: [.enter], label: "Open", description: "Open the selected ship",
                       contexts: [fleet]),
            KeyBinding(.down, keys: [.char("j"), .down], label: "Down", description: "Next ship",
                       contexts: [fleet], showInFooter: false),
            KeyBinding(.dryRun, keys: [.char("d")], label: "Dry run", description: "Run without changing anything",
                       contexts: [fleet]),
            KeyBinding(.commit, keys: [.char("C")], label: "Commit", description: "Run and change things",
                       contexts: [fleet], isDangerous: true, disabledReason: "dry-run this payload first"),
        ])
        return registry
    }

    @Test("Footer text comes from the bindings of the context, then global ones")
    func footer() {
        let registry = Self.registry()
        #expect(registry.footerText(for: Self.fleet)
            == "Enter Open  d Dry run  C Commit  ? Help  / Filter  : Command  Esc Back  q Quit")
        let items = registry.footerItems(for: Self.fleet)
        #expect(items.first { $0.label == "Commit" }?.isEnabled == false)
        #expect(registry.footerText(for: .global) == "? Help  / Filter  : Command  Esc Back  q Quit")
    }

    @Test("Help lines list every binding, with keys and disabled reasons")
    func help() {
        let lines = Self.registry().helpLines(for: Self.fleet)
        #expect(lines.first == "Fleet")
        #expect(lines.contains("  Enter   Open the selected ship"))
        #expect(lines.contains("  j/↓     Next ship"))
        #expect(lines.contains("  C       Run and change things (disabled: dry-run this payload first)"))
        #expect(lines.contains("Global"))
        #expect(lines.contains("  Ctrl-L  Redraw the whole screen"))
    }

    @Test("Read-only mode removes commit bindings everywhere")
    func readOnly() {
        let registry = Self.registry(readOnly: true)
        #expect(!registry.footerText(for: Self.fleet).contains("Commit"))
        #expect(!registry.helpLines(for: Self.fleet).joined().contains("Run and change things"))
        #expect(registry.resolve(.char("C"), in: Self.fleet) == .unbound)
        #expect(registry.binding(for: .commit) == nil)
        #expect(registry.footerText(for: Self.fleet).contains("d Dry run"))
    }

    @Test("Resolving keys: perform, disabled with reason, unbound, shadowing")
    func resolve() {
        var registry = Self.registry()
        guard case .perform(let open) = registry.resolve(.enter, in: Self.fleet) else {
            Issue.record("Enter should open")
            return
        }
        #expect(open.command == .open)
        #expect(registry.resolve(.down, in: Self.fleet) != .unbound)
        guard case .disabled(_, let reason) = registry.resolve(.char("C"), in: Self.fleet) else {
            Issue.record("Commit should be disabled")
            return
        }
        #expect(reason == "dry-run this payload first")
        registry.setDisabledReason(nil, for: .commit)
        guard case .perform(let commit) = registry.resolve(.char("C"), in: Self.fleet) else {
            Issue.record("Commit should now run")
            return
        }
        #expect(commit.command == .commit)
        #expect(registry.resolve(.char("z"), in: Self.fleet) == .unbound)
        // A modal context without global: q does nothing there.
        #expect(registry.resolve(.char("q"), in: ["dialog"]) == .unbound)
        // A context binding shadows a global one on the same key.
        registry.add(KeyBinding(.query, keys: [.char("q")], label: "Query", contexts: [Self.fleet]))
        guard case .perform(let query) = registry.resolve(.char("q"), in: Self.fleet) else {
            Issue.record("q should be shadowed")
            return
        }
        #expect(query.command == .query)
        #expect(!registry.footerText(for: Self.fleet).contains("Quit"))
        #expect(registry.conflicts().isEmpty)
        registry.add(KeyBinding(.other, keys: [.enter], label: "Other", contexts: [Self.fleet]))
        #expect(registry.conflicts().map(\.commands) == [[.open, .other]])
        // A help-only binding is described but never resolved (its widget handles the key).
        registry.add(KeyBinding(.other, keys: [.char("o")], label: "Other", contexts: ["dialog"], isHelpOnly: true))
        #expect(registry.resolve(.char("o"), in: ["dialog"]) == .unbound)
        #expect(registry.footerText(for: "dialog").contains("o Other"))
    }

    @Test("Decoding curses input into keys")
    func decoding() {
        #expect(KeyDecoder.decodeCharacter(0x61) == .char("a"))
        #expect(KeyDecoder.decodeCharacter(0x4E2D) == .char("中"))
        #expect(KeyDecoder.decodeCharacter(10) == .enter)
        #expect(KeyDecoder.decodeCharacter(13) == .enter)
        #expect(KeyDecoder.decodeCharacter(9) == .tab)
        #expect(KeyDecoder.decodeCharacter(27) == .escape)
        #expect(KeyDecoder.decodeCharacter(127) == .backspace)
        #expect(KeyDecoder.decodeCharacter(12) == .ctrl("l"))
        #expect(KeyDecoder.decodeCharacter(3) == .ctrl("c"))
        #expect(KeyDecoder.decodeKeyCode(KeyDecoder.Code.up) == .up)
        #expect(KeyDecoder.decodeKeyCode(KeyDecoder.Code.pageDown) == .pageDown)
        #expect(KeyDecoder.decodeKeyCode(KeyDecoder.Code.resize) == .resize)
        #expect(KeyDecoder.decodeKeyCode(KeyDecoder.Code.backTab) == .backTab)
        #expect(KeyDecoder.decodeKeyCode(KeyDecoder.Code.f0 + 5) == .function(5))
        #expect(KeyDecoder.decodeKeyCode(KeyDecoder.Code.backspace) == .backspace)
        #expect(KeyDecoder.combineEscape(with: .char("x")) == .alt("x"))
        #expect(KeyDecoder.combineEscape(with: .up) == nil)
    }

    @Test("Key names parse and print")
    func keyNames() {
        #expect(Key(parsing: "q") == .char("q"))
        #expect(Key(parsing: "ctrl-l") == .ctrl("l"))
        #expect(Key(parsing: "C-L") == .ctrl("l"))
        #expect(Key(parsing: "alt-x") == .alt("x"))
        #expect(Key(parsing: "esc") == .escape)
        #expect(Key(parsing: "PgDn") == .pageDown)
        #expect(Key(parsing: "F12") == .function(12))
        #expect(Key(parsing: "space") == .char(" "))
        #expect(Key(parsing: "nonsense") == nil)
        #expect(Key.ctrl("l").description == "Ctrl-L")
        #expect(Key.char(" ").description == "Space")
        #expect(Key.pageUp.description == "PgUp")
    }

    @Test("Text input edits by grapheme cluster")
    func textInput() {
        var input = TextInput()
        for character in "hello 日本👨‍👩‍👧" { input.handle(.char(character)) }
        #expect(input.text == "hello 日本👨‍👩‍👧")
        let erased = input.handle(.backspace)
        #expect(erased == .edited)
        #expect(input.text == "hello 日本")
        input.handle(.home)
        input.handle(.right)
        input.handle(.char("X"))
        #expect(input.text == "hXello 日本")
        input.handle(.end)
        input.handle(.ctrl("w"))
        #expect(input.text == "hXello ")
        input.handle(.ctrl("u"))
        #expect(input.text == "")
        let outcomes = [input.handle(.backspace), input.handle(.enter), input.handle(.escape)]
        #expect(outcomes == [.ignored, .submitted, .cancelled])
        var limited = TextInput(maximumLength: 2)
        limited.handle(.char("a"))
        limited.handle(.char("b"))
        let refused = limited.handle(.char("c"))
        #expect(refused == .ignored)
    }
}
