import Testing
@testable import StarfleetTUI

/// The toolkit's key bindings file: parsing with lines, and applying overrides by command name.
@Suite("Key bindings file")
struct KeyBindingFileTests {
    static let fleet: BindingContext = "fleet"
    static let dialog: BindingContext = "dialog"

    static let defaults: [KeyBinding<TestCommand>] = [
        KeyBinding(.open, keys: [.enter], label: "Open", contexts: [fleet]),
        KeyBinding(.down, keys: [.char("j"), .down], label: "Down", contexts: [fleet]),
        KeyBinding(.dryRun, keys: [.char("d")], label: "Dry run", contexts: [fleet]),
        KeyBinding(.commit, keys: [.char("C")], label: "Commit", contexts: [fleet]),
        KeyBinding(.other, keys: [.escape], label: "Cancel", contexts: [dialog], isHelpOnly: true),
        KeyBinding(.quit, keys: [.char("q")], label: "Quit"),
    ]

    static func name(_ command: TestCommand) -> String { "\(command)" }

    @Test("A key or a list of keys per command, each with its line")
    func parses() {
        let parsed = KeyBindingFile.parse("# mine\ndryRun: D\ndown: [j, ctrl-n, pgdn]\n", file: "keys.yaml")
        #expect(parsed.problems.isEmpty)
        #expect(parsed.overrides == [KeyBindingOverride(name: "dryRun", keys: [.char("D")], line: 2),
                                     KeyBindingOverride(name: "down", keys: [.char("j"), .ctrl("n"), .pageDown], line: 3)])
        #expect(KeyBindingFile.parse("", file: "keys.yaml").overrides.isEmpty)
        #expect(KeyBindingFile.parse("# only a comment\n", file: "keys.yaml").problems.isEmpty)
    }

    @Test("Bad values are named with file and line; good entries in the same file still parse")
    func badValues() {
        let parsed = KeyBindingFile.parse("dryRun: ctrl-\ncommit: K\ndown: []\nopen: {a: b}\n", file: "/h/keys.yaml")
        #expect(parsed.overrides.map(\.name) == ["commit"])
        #expect(parsed.problems.map(\.description) == [
            "/h/keys.yaml:1: dryRun: 'ctrl-' is not a key (examples: q, D, space, enter, esc, tab, up, pgdn, ctrl-l, alt-x, f5)",
            "/h/keys.yaml:3: down: an empty list would leave the command without a key; the default is kept",
            "/h/keys.yaml:4: open: expected a key or a list of keys",
        ])
        let list = KeyBindingFile.parse("- dryRun\n", file: "k.yaml")
        #expect(list.problems.first?.description.hasPrefix("k.yaml:1: expected a mapping of command names to keys") == true)
    }

    @Test("Broken YAML: one problem at the line where it broke, nothing applied")
    func brokenYAML() {
        let parsed = KeyBindingFile.parse("commit: K\ndryRun: [D, E\nopen: o\n", file: "keys.yaml")
        #expect(parsed.overrides.isEmpty)
        #expect(parsed.problems.count == 1)
        let problem = parsed.problems[0]
        #expect(problem.line != nil && problem.line! >= 2)
        #expect(problem.message.hasPrefix("invalid YAML"))
        #expect(problem.message.hasSuffix("every default binding is kept"))
    }

    @Test("Overrides replace the keys of every binding of the command; the rest keep their defaults")
    func applies() {
        let overrides = [KeyBindingOverride(name: "dryRun", keys: [.char("D")], line: 1)]
        let result = KeyBindingFile.apply(overrides, to: Self.defaults, file: "keys.yaml", name: Self.name)
        #expect(result.problems.isEmpty)
        let registry = KeyBindingRegistry(result.bindings)
        #expect(registry.resolve(.char("D"), in: Self.fleet) == .perform(result.bindings[2]))
        #expect(registry.resolve(.char("d"), in: Self.fleet) == .unbound)
        #expect(registry.footerText(for: Self.fleet).contains("D Dry run"))
    }

    @Test("Unknown commands (with a suggestion), help-only commands and conflicts are refused; defaults kept")
    func refusals() {
        let overrides = [
            KeyBindingOverride(name: "dryrun", keys: [.char("D")], line: 1),
            KeyBindingOverride(name: "other", keys: [.char("x")], line: 2),
            KeyBindingOverride(name: "commit", keys: [.char("d")], line: 3),
            KeyBindingOverride(name: "open", keys: [.char("o")], line: 4),
        ]
        let result = KeyBindingFile.apply(overrides, to: Self.defaults, file: "keys.yaml", name: Self.name)
        #expect(result.problems.map(\.line) == [1, 2, 3])
        #expect(result.problems[0].message.hasPrefix("unknown command 'dryrun' (did you mean 'dryRun'?)"))
        #expect(result.problems[1].message.hasPrefix("other cannot be rebound"))
        #expect(result.problems[2].message == "commit: d is already dryRun in fleet; commit keeps its default keys")
        #expect(result.bindings.first { $0.command == .commit }?.keys == [.char("C")])
        #expect(result.bindings.first { $0.command == .open }?.keys == [.char("o")])
        #expect(KeyBindingRegistry(result.bindings).conflicts().isEmpty)
    }

    @Test("Two commands trading keys is not a conflict")
    func swap() {
        let overrides = [KeyBindingOverride(name: "dryRun", keys: [.char("C")], line: 1),
                         KeyBindingOverride(name: "commit", keys: [.char("d")], line: 2)]
        let result = KeyBindingFile.apply(overrides, to: Self.defaults, file: "keys.yaml", name: Self.name)
        #expect(result.problems.isEmpty)
        #expect(result.bindings.first { $0.command == .dryRun }?.keys == [.char("C")])
        #expect(result.bindings.first { $0.command == .commit }?.keys == [.char("d")])
    }
}
