import Yams

/// Messages for YAML files the toolkit reads (themes, key bindings): where the YAML broke, and
/// how close a misspelt name is to a known one.
enum YAMLDiagnostics {
    /// The 1-based line (when Yams knows it) and a message for a Yams error.
    static func describe(_ error: any Error) -> (line: Int?, message: String) {
        guard let yamlError = error as? YamlError else { return (nil, "cannot read the file: \(error)") }
        switch yamlError {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _),
             .composer(_, let problem, let mark, _):
            return (mark.line, "invalid YAML: \(problem)")
        case .duplicatedKeysInMapping(let duplicates, let context):
            return (context.mark.line, "duplicate key '\(duplicates.joined(separator: "', '"))' in a mapping")
        case .reader(let problem, _, _, _):
            return (nil, "cannot read the file: \(problem)")
        default:
            return (nil, "invalid YAML: \(yamlError)")
        }
    }

    /// Levenshtein distance, for "did you mean" suggestions.
    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = Array(repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
