/// Something wrong with a theme, reported to the caller (never printed):
/// `themes/ocean.yaml:12: styles.frame.fg: unknown colour 'blu' …`.
public struct ThemeWarning: Error, Sendable, Hashable, CustomStringConvertible {
    /// The file (or `built-in theme 'x'`) the problem is in, if any.
    public var file: String?
    /// 1-based line in that file, when known.
    public var line: Int?
    /// Dotted path of the offending entry, e.g. `styles.frame.fg`.
    public var key: String?
    public var message: String

    public init(file: String? = nil, line: Int? = nil, key: String? = nil, message: String) {
        self.file = file
        self.line = line
        self.key = key
        self.message = message
    }

    public var description: String {
        var location = ""
        if let file {
            location = file
            if let line { location += ":\(line)" }
            location += ": "
        }
        if let key { location += "\(key): " }
        return location + message
    }
}

/// A theme together with the problems met while loading it.
public struct ThemeLoadResult: Sendable {
    public var theme: Theme
    /// Empty when the requested theme loaded cleanly; otherwise the problems,
    /// ending with a note that the default theme is used instead.
    public var warnings: [ThemeWarning]

    public init(theme: Theme, warnings: [ThemeWarning] = []) {
        self.theme = theme
        self.warnings = warnings
    }
}
