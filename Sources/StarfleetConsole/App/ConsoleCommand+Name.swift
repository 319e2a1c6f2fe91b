import StarfleetTUI

/// The names `keys.yaml` uses for commands: the case name in kebab-case (`dryRun` → `dry-run`,
/// an acronym stays one word: `copyRunID` → `copy-run-id`),
/// so a new command is nameable without touching this file; movements are named by direction.
extension ConsoleCommand {
    public var name: String {
        switch self {
        case .move(.up): return "move-up"
        case .move(.down): return "move-down"
        case .move(.pageUp): return "page-up"
        case .move(.pageDown): return "page-down"
        case .move(.top): return "top"
        case .move(.bottom): return "bottom"
        default: return Self.kebabCase(String(describing: self))
        }
    }

    static func kebabCase(_ camel: String) -> String {
        var result = ""
        var previousWasUppercase = false
        for character in camel.prefix(while: { $0 != "(" }) {
            if character.isUppercase {
                result += (previousWasUppercase ? "" : "-") + character.lowercased()
            } else {
                result.append(character)
            }
            previousWasUppercase = character.isUppercase
        }
        return result
    }
}
