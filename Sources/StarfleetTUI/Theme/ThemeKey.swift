/// The semantic style names a theme assigns (`styles:` keys in a theme file).
///
/// Widgets and screens ask the theme for these, never for colours. A key that
/// a theme leaves out falls back to its parent (`footer.key` → `footer`), then
/// to the plain style.
public enum ThemeKey: String, CaseIterable, Sendable, Hashable, Comparable {
    // MARK: General
    case text
    case textMuted = "text.muted"
    case frame
    case frameFocused = "frame.focused"
    case title
    case header
    case footer
    case footerKey = "footer.key"
    case footerDisabled = "footer.disabled"
    case notice
    case error

    // MARK: Tables and selection
    case tableHeader = "table.header"
    case tableRow = "table.row"
    case selection

    // MARK: Badges
    case badgeEnabled = "badge.enabled"
    case badgeDisabled = "badge.disabled"
    case badgeNotConfigured = "badge.notConfigured"
    case badgeInvalid = "badge.invalid"
    case badgeDryRun = "badge.dryRun"
    case badgeCommit = "badge.commit"
    case badgeReadonly = "badge.readonly"

    // MARK: Environment label (`--environment`, `STARFLEET_ENVIRONMENT`) in the header
    case environmentProduction = "environment.production"
    case environmentStaging = "environment.staging"
    case environmentDevelopment = "environment.development"
    case environmentDemo = "environment.demo"
    /// Any other environment name.
    case environmentOther = "environment.other"

    // MARK: YAML and payloads
    case yamlKey = "yaml.key"
    case yamlValue = "yaml.value"
    case yamlComment = "yaml.comment"
    case yamlLineNumber = "yaml.lineNumber"
    case payloadDefault = "payload.default"
    case payloadIncluded = "payload.included"

    // MARK: Logs
    case logDebug = "log.debug"
    case logInfo = "log.info"
    case logWarning = "log.warning"
    case logError = "log.error"
    case logCritical = "log.critical"

    // MARK: Dialogs, help, input
    case dialog
    case dialogButton = "dialog.button"
    case dialogButtonFocused = "dialog.buttonFocused"
    case helpKey = "help.key"
    case helpSection = "help.section"
    case input
    case inputCursor = "input.cursor"

    // MARK: Diffs and search
    case diffAdd = "diff.add"
    case diffChange = "diff.change"
    case diffRemove = "diff.remove"
    case searchMatch = "search.match"

    public static func < (lhs: ThemeKey, rhs: ThemeKey) -> Bool { lhs.rawValue < rhs.rawValue }

    /// The key this one falls back to when a theme does not set it (`footer.key` → `footer`).
    public var parent: ThemeKey? {
        guard let dot = rawValue.lastIndex(of: ".") else { return nil }
        return ThemeKey(rawValue: String(rawValue[..<dot]))
    }
}
