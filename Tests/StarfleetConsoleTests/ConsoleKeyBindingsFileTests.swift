import Foundation
import StarfleetTestSupport
import Testing
@testable import StarfleetConsole
@testable import StarfleetTUI

/// `keys.yaml` against the console's real bindings, from fixture files (Tests/Fixtures/keys).
@Suite("Console key bindings file")
struct ConsoleKeyBindingsFileTests {
    static func load(_ fixture: String) throws -> (bindings: [ConsoleKeyBinding], problems: [String], path: String) {
        let path = RepositoryPaths.fixture("keys/\(fixture)").path
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let result = ConsoleKeyBindingsFile.resolve(text, file: path)
        return (result.bindings, result.problems.map(\.description), path)
    }

    static func keys(of command: ConsoleCommand, in bindings: [ConsoleKeyBinding]) -> [Key] {
        bindings.first { $0.command == command }?.keys ?? []
    }

    @Test("Every command has a unique kebab-case name")
    func names() {
        let names = ConsoleBindings.all.map(\.command.name)
        #expect(Set(names).count == Set(ConsoleBindings.all.map(\.command)).count)
        #expect(ConsoleCommand.dryRun.name == "dry-run")
        #expect(ConsoleCommand.move(.pageDown).name == "page-down")
        #expect(ConsoleCommand.openTargetLog.name == "open-target-log")
        #expect(names.allSatisfy { $0.range(of: "^[a-z]+(-[a-z]+)*$", options: .regularExpression) != nil })
    }

    @Test("valid.yaml: every override applies and nothing is reported")
    func valid() throws {
        let result = try Self.load("valid.yaml")
        #expect(result.problems.isEmpty)
        #expect(Self.keys(of: .dryRun, in: result.bindings) == [.char("D")])
        #expect(Self.keys(of: .showHistory, in: result.bindings) == [.char("H")])
        #expect(Self.keys(of: .move(.down), in: result.bindings) == [.char("j"), .down, .ctrl("n")])
        #expect(Self.keys(of: .commit, in: result.bindings) == [.char("C")])
        #expect(KeyBindingRegistry(result.bindings).conflicts().isEmpty)
    }

    @Test("unknown-command.yaml: the misspelt command is named with its line; the good entry applies")
    func unknownCommand() throws {
        let result = try Self.load("unknown-command.yaml")
        #expect(result.problems.count == 1)
        #expect(result.problems[0].hasPrefix("\(result.path):2: unknown command 'dryrun' (did you mean 'dry-run'?)"))
        #expect(Self.keys(of: .dryRun, in: result.bindings) == [.char("d")])
        #expect(Self.keys(of: .showHistory, in: result.bindings) == [.char("H")])
    }

    @Test("bad-key.yaml: each unparseable key is named with its line; those commands keep their keys")
    func badKey() throws {
        let result = try Self.load("bad-key.yaml")
        #expect(result.problems.count == 2)
        #expect(result.problems[0].hasPrefix("\(result.path):2: dry-run: 'ctrl-' is not a key"))
        #expect(result.problems[1].hasPrefix("\(result.path):3: cancel-run: 'f99' is not a key"))
        #expect(Self.keys(of: .dryRun, in: result.bindings) == [.char("d")])
        #expect(Self.keys(of: .cancelRun, in: result.bindings) == [.char("x")])
        #expect(Self.keys(of: .showHistory, in: result.bindings) == [.char("H")])
    }

    @Test("conflict.yaml: a key that already means something else in the same screen is refused")
    func conflict() throws {
        let result = try Self.load("conflict.yaml")
        #expect(result.problems == ["\(result.path):2: dry-run: x is already cancel-run in fan-out; dry-run keeps its default keys"])
        #expect(Self.keys(of: .dryRun, in: result.bindings) == [.char("d")])
        #expect(Self.keys(of: .showHistory, in: result.bindings) == [.char("H")])
        #expect(KeyBindingRegistry(result.bindings).conflicts().isEmpty)
    }

    @Test("swap.yaml: dry run and cancel trade keys")
    func swap() throws {
        let result = try Self.load("swap.yaml")
        #expect(result.problems.isEmpty)
        #expect(Self.keys(of: .dryRun, in: result.bindings) == [.char("x")])
        #expect(Self.keys(of: .cancelRun, in: result.bindings) == [.char("d")])
    }

    @Test("broken.yaml and duplicate.yaml: the YAML error with its line; every default kept")
    func broken() throws {
        for name in ["broken.yaml", "duplicate.yaml"] {
            let result = try Self.load(name)
            #expect(result.problems.count == 1, "\(name): \(result.problems)")
            #expect(result.problems.first?.hasPrefix("\(result.path):") == true)
            #expect(result.problems.first?.contains(": invalid YAML") == true || result.problems.first?.contains("duplicate key") == true)
            #expect(result.bindings == ConsoleBindings.all)
        }
    }

    @Test("fixed-command.yaml: the dialog's own keys cannot be rebound")
    func fixedCommand() throws {
        let result = try Self.load("fixed-command.yaml")
        #expect(result.problems.count == 1)
        #expect(result.problems[0].hasPrefix("\(result.path):1: dialog-cancel cannot be rebound"))
        #expect(Self.keys(of: .showHistory, in: result.bindings) == [.char("H")])
    }

    @Test("The file is $XDG_CONFIG_HOME/starfleet/keys.yaml, else ~/.config/starfleet/keys.yaml; none means defaults")
    func location() throws {
        #expect(ConsoleKeyBindingsFile.path(environment: ["XDG_CONFIG_HOME": "/x", "HOME": "/h"]) == "/x/starfleet/keys.yaml")
        #expect(ConsoleKeyBindingsFile.path(environment: ["XDG_CONFIG_HOME": "relative", "HOME": "/h"]) == "/h/.config/starfleet/keys.yaml")
        let home = try TemporaryDirectory(prefix: "keys-home")
        let missing = ConsoleKeyBindingsFile.load(environment: ["XDG_CONFIG_HOME": home.path])
        #expect(missing.problems.isEmpty && missing.bindings == ConsoleBindings.all)
        try home.write("dry-run: D\nbogus: b\n", to: "starfleet/keys.yaml")
        let loaded = ConsoleKeyBindingsFile.load(environment: ["XDG_CONFIG_HOME": home.path])
        #expect(Self.keys(of: .dryRun, in: loaded.bindings) == [.char("D")])
        let summary = try #require(ConsoleKeyBindingsFile.summary(loaded.problems))
        #expect(summary.hasPrefix(home.path + "/starfleet/keys.yaml:2: unknown command 'bogus'"))
    }

    @Test("An override takes effect: the footer and help show D, D dry-runs, d no longer does")
    func overrideTakesEffect() throws {
        let directory = try ConsoleFixture.directory()
        var state = ConsoleFixture.state(try ConsoleFixture.snapshot(in: directory))
        state.keyBindings = ConsoleKeyBindingsFile.resolve("dry-run: D\n", file: "keys.yaml").bindings
        ConsoleFixture.inspecting(ConsoleFixture.validPayload, state: &state)
        var screen = ConsoleView.render(state)
        #expect(screen.line(39).contains("D Dry run"))
        #expect(!screen.line(39).contains("d Dry run"))
        #expect(ConsoleReducer.reduce(&state, .key(.char("d"))).isEmpty)
        ConsoleReducer.reduce(&state, .key(.char("?")))
        screen = ConsoleView.render(state)
        let helpLine = screen.lines().first { $0.contains("Run the ship without changing anything") } ?? ""
        #expect(helpLine.range(of: #"\bD\b"#, options: .regularExpression) != nil, "help: \(helpLine)")
        ConsoleReducer.reduce(&state, .key(.escape))
        let effects = ConsoleReducer.reduce(&state, .key(.char("D")))
        guard case .startRun(let launch)? = effects.first else {
            Issue.record("D should start a dry run: \(effects)")
            return
        }
        #expect(launch.mode == .dryRun)
    }
}

@Suite("Console guide lists every key binding command")
struct ConsoleKeyBindingsDocumentationTests {
    @Test("Docs/Console.md names every command keys.yaml accepts")
    func documented() throws {
        let guide = try String(contentsOf: RepositoryPaths.root.appendingPathComponent("Docs/Console.md"), encoding: .utf8)
        let missing = Set(ConsoleBindings.all.filter { !$0.isHelpOnly }.map(\.command.name)).filter { !guide.contains("`\($0)`") }
        #expect(missing.isEmpty, "add to Docs/Console.md's key bindings table: \(missing.sorted())")
    }
}

@Suite("keys.yaml problems in the help overlay")
struct ConsoleKeyBindingsHelpTests {
    @Test("After the start-up flash is gone, ? help still lists what keys.yaml got wrong, with lines")
    func helpListsProblems() throws {
        let directory = try ConsoleFixture.directory()
        var state = ConsoleFixture.state(try ConsoleFixture.snapshot(in: directory))
        let resolved = ConsoleKeyBindingsFile.resolve("show-history: H\nbogus: b\n", file: "/home/op/.config/starfleet/keys.yaml")
        state.keyBindings = resolved.bindings
        state.keyBindingProblems = resolved.problems
        ConsoleReducer.reduce(&state, .key(.char("?")))
        let text = ConsoleView.render(state).text
        #expect(text.contains("Not applied from /home/op/.config/starfleet/keys.yaml"))
        #expect(text.range(of: #"line 2 +unknown command 'bogus'"#, options: .regularExpression) != nil)
        // Without problems there is no such section.
        state.keyBindingProblems = []
        #expect(!ConsoleView.render(state).text.contains("Not applied from"))
    }
}
