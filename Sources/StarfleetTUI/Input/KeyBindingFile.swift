import Yams

/// Something wrong in a key bindings file: `keys.yaml:4: unknown command 'dryrun' …`.
public struct KeyBindingProblem: Error, Hashable, Sendable, CustomStringConvertible {
    public var file: String
    /// 1-based, when known.
    public var line: Int?
    public var message: String

    public init(file: String, line: Int?, message: String) {
        self.file = file
        self.line = line
        self.message = message
    }

    public var description: String { file + (line.map { ":\($0)" } ?? "") + ": " + message }
}

/// One entry of a key bindings file: a command name and the keys it should have instead.
public struct KeyBindingOverride: Hashable, Sendable {
    public var name: String
    public var keys: [Key]
    public var line: Int?

    public init(name: String, keys: [Key], line: Int? = nil) {
        self.name = name
        self.keys = keys
        self.line = line
    }
}

/// A key bindings file: a mapping from command name to a key or a list of keys.
/// ```yaml
/// dry-run: D
/// move-down: [j, down, ctrl-n]
/// ```
/// Key names are those `Key(parsing:)` reads (`q`, `space`, `enter`, `ctrl-l`, `f5`, `shift-tab`).
/// Bad entries are reported and left out; the rest still apply.
public enum KeyBindingFile {
    /// A bindings file is a few hundred bytes.
    public static let maximumSize = 64 * 1024

    public static func parse(_ yaml: String, file: String) -> (overrides: [KeyBindingOverride], problems: [KeyBindingProblem]) {
        var problems: [KeyBindingProblem] = []
        func problem(_ message: String, _ node: Node?) {
            problems.append(KeyBindingProblem(file: file, line: node?.mark?.line, message: message))
        }
        guard yaml.utf8.count <= maximumSize else {
            return ([], [KeyBindingProblem(file: file, line: nil, message: "larger than \(maximumSize / 1024) KiB; not a key bindings file")])
        }
        let root: Node?
        do {
            root = try Yams.compose(yaml: yaml)
        } catch {
            let (line, message) = YAMLDiagnostics.describe(error)
            return ([], [KeyBindingProblem(file: file, line: line, message: message + "; every default binding is kept")])
        }
        guard let root else { return ([], []) }  // Empty (or only comments): nothing to change.
        guard case .mapping(let mapping) = root else {
            problem("expected a mapping of command names to keys (e.g. `dry-run: D`)", root)
            return ([], problems)
        }
        var overrides: [KeyBindingOverride] = []
        for (nameNode, value) in mapping {
            guard let name = nameNode.scalar?.string, !name.isEmpty else {
                problem("command names must be plain text", nameNode)
                continue
            }
            let keyNodes: [Node]
            switch value {
            case .scalar: keyNodes = [value]
            case .sequence(let sequence): keyNodes = Array(sequence)
            case .mapping, .alias:
                problem("\(name): expected a key or a list of keys", value)
                continue
            }
            guard !keyNodes.isEmpty else {
                problem("\(name): an empty list would leave the command without a key; the default is kept", value)
                continue
            }
            var keys: [Key] = []
            var valid = true
            for keyNode in keyNodes {
                guard let text = keyNode.scalar?.string, let key = Key(parsing: text), key != .resize else {
                    let shown = keyNode.scalar?.string ?? "?"
                    problem("\(name): '\(shown)' is not a key (examples: q, D, space, enter, esc, tab, up, pgdn, ctrl-l, alt-x, f5)",
                            keyNode)
                    valid = false
                    break
                }
                if !keys.contains(key) { keys.append(key) }
            }
            if valid { overrides.append(KeyBindingOverride(name: name, keys: keys, line: nameNode.mark?.line)) }
        }
        return (overrides, problems)
    }

    /// `defaults` with each override's keys given to every binding of its command. Unknown and
    /// non-rebindable commands are reported; an override that makes one key mean two commands in
    /// one context is reported and dropped (its command keeps its default keys).
    public static func apply<Command: Hashable & Sendable>(_ overrides: [KeyBindingOverride], to defaults: [KeyBinding<Command>], file: String,
                                      name: (Command) -> String) -> (bindings: [KeyBinding<Command>], problems: [KeyBindingProblem]) {
        var problems: [KeyBindingProblem] = []
        var byName: [String: Command] = [:]
        var fixed: Set<String> = []
        for binding in defaults {
            let commandName = name(binding.command)
            if binding.isHelpOnly { fixed.insert(commandName) } else { byName[commandName] = binding.command }
        }
        var accepted: [(override: KeyBindingOverride, command: Command)] = []
        for override in overrides {
            if fixed.contains(override.name) {
                problems.append(KeyBindingProblem(file: file, line: override.line, message:
                    "\(override.name) cannot be rebound (the dialog, the input line and help handle their own keys)"))
                continue
            }
            guard let command = byName[override.name] else {
                var message = "unknown command '\(override.name)'"
                if let close = closest(to: override.name, in: Array(byName.keys)) { message += " (did you mean '\(close)'?)" }
                message += "; the console guide lists every command name"
                problems.append(KeyBindingProblem(file: file, line: override.line, message: message))
                continue
            }
            accepted.append((override, command))
        }

        // Apply everything, then take back the latest entries that cause a conflict until none is
        // left: swapping two commands' keys works, a clash is reported once per entry.
        while true {
            let bindings = applying(accepted, to: defaults)
            let conflicts = KeyBindingRegistry(bindings).conflicts()
            guard let conflict = conflicts.first(where: { clash in accepted.contains { clash.commands.contains($0.command) } }),
                  let culprit = accepted.indices.reversed().first(where: { conflict.commands.contains(accepted[$0].command) })
            else { return (bindings, problems) }
            let entry = accepted.remove(at: culprit)
            let others = conflict.commands.filter { $0 != entry.command }.map(name)
            problems.append(KeyBindingProblem(file: file, line: entry.override.line, message:
                "\(entry.override.name): \(conflict.key) is already \(others.joined(separator: ", ")) in \(conflict.context); "
                    + "\(entry.override.name) keeps its default keys"))
        }
    }

    static func applying<Command: Hashable & Sendable>(_ accepted: [(override: KeyBindingOverride, command: Command)],
                                  to defaults: [KeyBinding<Command>]) -> [KeyBinding<Command>] {
        var bindings = defaults
        for (override, command) in accepted {
            for index in bindings.indices where bindings[index].command == command {
                bindings[index].keys = override.keys
            }
        }
        return bindings
    }

    static func closest(to name: String, in candidates: [String]) -> String? {
        let scored = candidates.map { ($0, YAMLDiagnostics.editDistance(name.lowercased(), $0)) }
        guard let best = scored.min(by: { $0.1 < $1.1 || ($0.1 == $1.1 && $0.0 < $1.0) }),
              best.1 <= max(2, name.count / 4) else { return nil }
        return best.0
    }
}
