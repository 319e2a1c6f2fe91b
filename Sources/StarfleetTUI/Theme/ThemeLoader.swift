import Foundation

/// Finds, parses, resolves and adapts the theme to use.
///
/// Which theme: `--theme NAME|PATH`, else `STARFLEET_THEME`, else `default`.
/// A NAME is looked up, first match wins, as `NAME.yaml` (or `.yml`) in:
/// 1. `$XDG_CONFIG_HOME/starfleet/themes` (default `~/.config/starfleet/themes`)
/// 2. `<bindir>/../share/starfleet/themes`, then `<bindir>/themes`
/// 3. the repository's `themes/` (found from the binary's location or the
///    current directory, when running from a checkout)
/// 4. the copies compiled into the binary (`BuiltinThemes`).
/// A value containing `/` or ending in `.yaml`/`.yml` is a path.
///
/// Problems never stop the console: they come back as warnings and the
/// default theme is used instead.
public struct ThemeLoader: Sendable {
    public var environment: [String: String]
    /// Absolute path of the running binary, for the installed-theme directories.
    public var executablePath: String?
    public var currentDirectory: String?

    public init(environment: [String: String] = ProcessInfo.processInfo.environment,
                executablePath: String? = ThemeLoader.currentExecutablePath(),
                currentDirectory: String? = FileManager.default.currentDirectoryPath) {
        self.environment = environment
        self.executablePath = executablePath
        self.currentDirectory = currentDirectory
    }

    // MARK: - Where to look

    /// The user's own theme directory.
    public var userThemeDirectory: String {
        if let xdg = environment["XDG_CONFIG_HOME"], xdg.hasPrefix("/") {
            return xdg + "/starfleet/themes"
        }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        return home + "/.config/starfleet/themes"
    }

    /// Directories searched for `NAME.yaml`, in order (built-ins come after them).
    public var searchDirectories: [String] {
        var directories = [userThemeDirectory]
        if let executablePath {
            let binDirectory = (executablePath as NSString).deletingLastPathComponent
            directories.append(Self.standardized(binDirectory + "/../share/starfleet/themes"))
            directories.append(binDirectory + "/themes")
            if let repository = Self.repositoryRoot(above: binDirectory) {
                directories.append(repository + "/themes")
            }
        }
        if let currentDirectory, Self.isRepositoryRoot(currentDirectory) {
            directories.append(currentDirectory + "/themes")
        }
        var seen: Set<String> = []
        return directories.filter { seen.insert($0).inserted }
    }

    /// The theme asked for: the command-line option, else `STARFLEET_THEME`, else `default`.
    public func requestedTheme(option: String?) -> String {
        if let option, !option.isEmpty { return option }
        if let variable = environment["STARFLEET_THEME"], !variable.isEmpty { return variable }
        return "default"
    }

    /// Whether `NO_COLOR` asks for no colours.
    public var noColor: Bool {
        guard let value = environment["NO_COLOR"] else { return false }
        return !value.isEmpty
    }

    // MARK: - Loading

    /// The theme to use, adapted to `capability` (and to `NO_COLOR`), with any problems.
    public func load(option: String?, capability: ColorCapability = .truecolor) -> ThemeLoadResult {
        load(requestedTheme(option: option), capability: capability)
    }

    /// Loads a theme by name or path, falling back to the default theme on any problem.
    public func load(_ nameOrPath: String, capability: ColorCapability = .truecolor) -> ThemeLoadResult {
        var warnings: [ThemeWarning] = []
        var theme: Theme
        switch resolve(nameOrPath) {
        case .success(let resolved):
            theme = resolved
        case .failure(let error):
            warnings = error.problems
            if nameOrPath != "default", case .success(let fallback) = resolve("default") {
                theme = fallback
            } else {
                theme = .default
            }
            warnings.append(ThemeWarning(message: "theme '\(nameOrPath)' not used; using the \(theme.name) theme (\(theme.source))"))
        }
        return ThemeLoadResult(theme: adapt(theme, to: capability), warnings: warnings)
    }

    /// Degrades colours to the capability; `NO_COLOR` or a monochrome terminal
    /// keeps attributes only (colour-only styles borrow the `mono` theme's).
    public func adapt(_ theme: Theme, to capability: ColorCapability) -> Theme {
        if noColor || capability == .monochrome {
            let mono = (try? resolve("mono").get()) ?? .builtinMono
            return theme.withoutColors(fallback: mono)
        }
        return theme.degraded(to: capability)
    }

    /// Finds, parses and resolves a theme without adapting or falling back.
    public func resolve(_ nameOrPath: String) -> Result<Theme, ThemeParseError> {
        let definition: ThemeDefinition
        switch self.definition(nameOrPath) {
        case .success(let found): definition = found
        case .failure(let error): return .failure(error)
        }
        do {
            let theme = try ThemeResolver.resolve(definition) { name, seen in
                candidates(named: name).lazy.compactMap { try? $0.get() }.first { !seen.contains($0.source) }
            }
            return .success(theme)
        } catch {
            return .failure(error)
        }
    }

    /// Every theme name available (files in the search directories and built-ins).
    public func availableThemeNames() -> [String] {
        var names = Set(BuiltinThemes.names)
        for directory in searchDirectories {
            guard let files = try? FileManager.default.contentsOfDirectory(atPath: directory) else { continue }
            for file in files where file.hasSuffix(".yaml") || file.hasSuffix(".yml") {
                names.insert((file as NSString).deletingPathExtension)
            }
        }
        return names.sorted()
    }

    // MARK: - Finding definitions

    static func isPath(_ value: String) -> Bool {
        value.contains("/") || value.hasSuffix(".yaml") || value.hasSuffix(".yml")
    }

    private func definition(_ nameOrPath: String) -> Result<ThemeDefinition, ThemeParseError> {
        if Self.isPath(nameOrPath) {
            let path = expandTilde(nameOrPath)
            let name = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
            return readDefinition(path: path, name: name)
        }
        guard !nameOrPath.isEmpty, !nameOrPath.hasPrefix(".") else {
            return .failure(ThemeParseError(problems: [ThemeWarning(message: "'\(nameOrPath)' is not a theme name")]))
        }
        let found = candidates(named: nameOrPath)
        if let first = found.first { return first }
        let searched = (searchDirectories + ["built-in themes"]).joined(separator: ", ")
        return .failure(ThemeParseError(problems: [ThemeWarning(
            message: "theme '\(nameOrPath)' not found (searched \(searched); available: \(availableThemeNames().joined(separator: ", ")))")]))
    }

    /// Every definition with this name, in search order, built-in last.
    private func candidates(named name: String) -> [Result<ThemeDefinition, ThemeParseError>] {
        var results: [Result<ThemeDefinition, ThemeParseError>] = []
        for directory in searchDirectories {
            for fileExtension in ["yaml", "yml"] {
                let path = "\(directory)/\(name).\(fileExtension)"
                if FileManager.default.fileExists(atPath: path) {
                    results.append(readDefinition(path: path, name: name))
                }
            }
        }
        if let source = BuiltinThemes.source(named: name) {
            results.append(Result { () throws(ThemeParseError) -> ThemeDefinition in
                try ThemeParser.parse(source, name: name, source: "built-in theme '\(name)'")
            })
        }
        return results
    }

    private func readDefinition(path: String, name: String) -> Result<ThemeDefinition, ThemeParseError> {
        let url = URL(fileURLWithPath: path)
        guard let data = try? Data(contentsOf: url) else {
            return .failure(ThemeParseError(problems: [ThemeWarning(file: path, message: "cannot read theme file")]))
        }
        guard data.count <= ThemeParser.maximumSize else {
            return .failure(ThemeParseError(problems: [ThemeWarning(
                file: path, message: "file is larger than \(ThemeParser.maximumSize / 1024) KiB; not a theme")]))
        }
        guard let text = String(data: data, encoding: .utf8) else {
            return .failure(ThemeParseError(problems: [ThemeWarning(file: path, message: "not UTF-8 text")]))
        }
        return Result { () throws(ThemeParseError) -> ThemeDefinition in
            try ThemeParser.parse(text, name: name, source: path)
        }
    }

    private func expandTilde(_ path: String) -> String {
        guard path.hasPrefix("~/") else { return path }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        return home + path.dropFirst()
    }

    // MARK: - Locations

    /// The running binary's real path (`/proc/self/exe` on Linux).
    public static func currentExecutablePath() -> String? {
        if let resolved = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            return resolved
        }
        guard let first = CommandLine.arguments.first, !first.isEmpty else { return nil }
        if first.hasPrefix("/") { return standardized(first) }
        if first.contains("/") { return standardized(FileManager.default.currentDirectoryPath + "/" + first) }
        return nil
    }

    static func standardized(_ path: String) -> String {
        (path as NSString).standardizingPath
    }

    static func isRepositoryRoot(_ directory: String) -> Bool {
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        return manager.fileExists(atPath: directory + "/Package.swift")
            && manager.fileExists(atPath: directory + "/themes", isDirectory: &isDirectory) && isDirectory.boolValue
    }

    /// The checkout a development build lives in (`<repo>/.build/<triple>/debug/…`).
    static func repositoryRoot(above directory: String) -> String? {
        var current = standardized(directory)
        for _ in 0..<5 {
            let parent = (current as NSString).deletingLastPathComponent
            guard parent != current else { return nil }
            current = parent
            if isRepositoryRoot(current) { return current }
        }
        return nil
    }
}
