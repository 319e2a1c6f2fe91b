/// A resolved theme: a concrete `Style` for every semantic key.
///
/// Obtain one from `ThemeLoader` (files, built-ins, `NO_COLOR`, degradation),
/// or use `Theme.default` / `Theme.plain` in tests.
public struct Theme: Sendable, Hashable {
    /// The theme's name (file name without extension).
    public var name: String
    /// Where it came from: a file path or `built-in`.
    public var source: String
    /// Styles set by the theme or its ancestors.
    public var styles: [ThemeKey: Style]

    public init(name: String, source: String = "memory", styles: [ThemeKey: Style]) {
        self.name = name
        self.source = source
        self.styles = styles
    }

    /// The style for a key; unset keys fall back to their parent key, then `.plain`.
    public subscript(key: ThemeKey) -> Style {
        var current: ThemeKey? = key
        while let candidate = current {
            if let style = styles[candidate] { return style }
            current = candidate.parent
        }
        return .plain
    }

    // MARK: - Adapting to the terminal

    /// Colours mapped to what the terminal can show. A monochrome terminal gets
    /// `withoutColors(fallback:)` so that colour-only styles stay visible.
    public func degraded(to capability: ColorCapability, monochromeFallback: Theme? = nil) -> Theme {
        if capability == .monochrome { return withoutColors(fallback: monochromeFallback ?? .builtinMono) }
        var copy = self
        copy.styles = styles.mapValues { $0.degraded(to: capability) }
        return copy
    }

    /// Monochrome version for `NO_COLOR`: colours dropped, attributes kept.
    /// A style that relied on colour alone (no attributes) takes the key's
    /// style from `fallback` (the `mono` theme) so selections and badges stay visible.
    public func withoutColors(fallback: Theme) -> Theme {
        var copy = self
        for key in ThemeKey.allCases {
            let style = self[key]
            let reliesOnColor = style.attributes.isEmpty && (style.foreground != .default || style.background != .default)
            let attributes = reliesOnColor ? fallback[key].attributes : style.attributes
            copy.styles[key] = Style(attributes: attributes)
        }
        return copy
    }

    // MARK: - Well-known themes

    /// Every key plain: handy for tests that only look at text.
    public static let plain = Theme(name: "plain", source: "built-in", styles: [:])

    /// The built-in `default` theme, full colour, not degraded.
    public static let `default`: Theme = BuiltinThemes.theme(named: "default")

    /// The built-in `mono` theme (attributes only).
    public static let builtinMono: Theme = BuiltinThemes.theme(named: "mono")
}
