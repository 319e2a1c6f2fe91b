import Foundation
import StarfleetTUI

/// `$XDG_CONFIG_HOME/starfleet/keys.yaml` (default `~/.config/starfleet/keys.yaml`): the
/// operator's key overrides by command name, read once at start.
public enum ConsoleKeyBindingsFile {
    public static func path(environment: [String: String]) -> String {
        if let config = environment["XDG_CONFIG_HOME"], config.hasPrefix("/") { return config + "/starfleet/keys.yaml" }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        return home + "/.config/starfleet/keys.yaml"
    }

    /// The bindings in effect and what was wrong with the file (no file: the defaults, no problems).
    public static func load(environment: [String: String],
                            defaults: [ConsoleKeyBinding] = ConsoleBindings.all) -> (bindings: [ConsoleKeyBinding], problems: [KeyBindingProblem]) {
        let path = path(environment: environment)
        guard FileManager.default.fileExists(atPath: path) else { return (defaults, []) }
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            return (defaults, [KeyBindingProblem(file: path, line: nil, message: "cannot be read as UTF-8 text; the default keys are used")])
        }
        return resolve(text, file: path, defaults: defaults)
    }

    /// Parses and applies a file's text (tests give fixture text directly).
    public static func resolve(_ text: String, file: String,
                               defaults: [ConsoleKeyBinding] = ConsoleBindings.all) -> (bindings: [ConsoleKeyBinding], problems: [KeyBindingProblem]) {
        let parsed = KeyBindingFile.parse(text, file: file)
        let applied = KeyBindingFile.apply(parsed.overrides, to: defaults, file: file, name: \.name)
        return (applied.bindings, parsed.problems + applied.problems)
    }

    /// The problems as a last section of the `?` help (the flash at start goes away).
    public static func helpSections(_ problems: [KeyBindingProblem]) -> [HelpSection] {
        guard let file = problems.first?.file else { return [] }
        let entries = problems.map { HelpSection.Entry(keys: $0.line.map { "line \($0)" } ?? "file", description: $0.message) }
        return [HelpSection(title: "Not applied from \(file)", entries: entries)]
    }

    /// One line for the flash: the first problem, and how many more there are.
    public static func summary(_ problems: [KeyBindingProblem]) -> String? {
        guard let first = problems.first else { return nil }
        return problems.count == 1 ? first.description : "\(first.description) (and \(problems.count - 1) more)"
    }
}
