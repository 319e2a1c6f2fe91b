/// The theme files of `themes/`, compiled into the binary so that themes are
/// found wherever the binary is installed. `BuiltinThemeSources.swift` is
/// generated from `themes/*.yaml`; a test keeps the two identical.
public enum BuiltinThemes {
    /// Names of the built-in themes, sorted.
    public static var names: [String] { sources.keys.sorted() }

    /// The YAML text of a built-in theme.
    public static func source(named name: String) -> String? { sources[name] }

    /// The parsed file of a built-in theme (nil if unknown or unparsable).
    public static func definition(named name: String) -> ThemeDefinition? {
        guard let text = sources[name] else { return nil }
        return try? ThemeParser.parse(text, name: name, source: "built-in theme '\(name)'")
    }

    /// A built-in theme resolved against the other built-ins (full colour).
    /// Unknown names give `Theme.plain` (tests guarantee the shipped ones parse).
    static func theme(named name: String) -> Theme {
        guard let definition = definition(named: name) else { return Theme.plain }
        let resolved = try? ThemeResolver.resolve(definition) { parent, seen in
            BuiltinThemes.definition(named: parent).flatMap { seen.contains($0.source) ? nil : $0 }
        }
        return resolved ?? Theme.plain
    }
}

/// Flattens a theme and its `extends` chain into one `Theme`.
public enum ThemeResolver {
    /// Longest `extends` chain followed.
    public static let maximumDepth = 8

    /// `lookup(name, sourcesInChain)` finds a parent definition by name, skipping
    /// definitions already in the chain (so a user's `default.yaml` can extend the
    /// shipped `default`). A theme without `extends` implicitly extends `default`
    /// when there is one to extend; `extends: none` means no parent.
    public static func resolve(_ definition: ThemeDefinition,
                               lookup: (String, Set<String>) -> ThemeDefinition?) throws(ThemeParseError) -> Theme {
        var chain: [ThemeDefinition] = [definition]
        var sources: Set<String> = [definition.source]
        var current = definition
        while let (parentName, explicit) = parent(of: current) {
            guard chain.count <= maximumDepth else {
                throw ThemeParseError(problems: [ThemeWarning(file: current.source, key: "extends",
                                                              message: "`extends` chain is longer than \(maximumDepth)")])
            }
            guard let parent = lookup(parentName, sources) else {
                if !explicit { break }
                let message = chain.contains(where: { $0.name == parentName })
                    ? "`extends` forms a cycle: \((chain.map(\.name) + [parentName]).joined(separator: " → "))"
                    : "theme '\(parentName)' to extend was not found"
                throw ThemeParseError(problems: [ThemeWarning(file: current.source, key: "extends", message: message)])
            }
            sources.insert(parent.source)
            chain.append(parent)
            current = parent
        }
        var styles: [ThemeKey: Style] = [:]
        for theme in chain.reversed() {
            styles.merge(theme.styles) { _, child in child }
        }
        return Theme(name: definition.name, source: definition.source, styles: styles)
    }

    static func parent(of definition: ThemeDefinition) -> (name: String, explicit: Bool)? {
        switch definition.extends {
        case .some("none"): return nil
        case .some(let name): return (name, true)
        case .none: return ("default", false)
        }
    }
}
