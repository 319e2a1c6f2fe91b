/// Text attributes a terminal can show.
public struct TextAttributes: OptionSet, Hashable, Sendable, CustomStringConvertible {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    public static let bold = TextAttributes(rawValue: 1 << 0)
    public static let dim = TextAttributes(rawValue: 1 << 1)
    public static let underline = TextAttributes(rawValue: 1 << 2)
    public static let reverse = TextAttributes(rawValue: 1 << 3)
    public static let italic = TextAttributes(rawValue: 1 << 4)

    /// Names as written in theme files, in a stable order.
    public static let named: [(name: String, attribute: TextAttributes)] = [
        ("bold", .bold), ("dim", .dim), ("underline", .underline), ("reverse", .reverse), ("italic", .italic),
    ]

    public var description: String {
        let names = Self.named.filter { contains($0.attribute) }.map(\.name)
        return "[" + names.joined(separator: ", ") + "]"
    }
}

/// A concrete cell style: foreground, background and attributes.
public struct Style: Hashable, Sendable, CustomStringConvertible {
    public var foreground: TerminalColor
    public var background: TerminalColor
    public var attributes: TextAttributes

    public init(foreground: TerminalColor = .default, background: TerminalColor = .default,
                attributes: TextAttributes = []) {
        self.foreground = foreground
        self.background = background
        self.attributes = attributes
    }

    /// The terminal's defaults, no attributes.
    public static let plain = Style()

    public var description: String {
        "Style(fg: \(foreground), bg: \(background), attributes: \(attributes))"
    }

    // MARK: - Combining

    public func adding(_ extra: TextAttributes) -> Style {
        var copy = self
        copy.attributes.formUnion(extra)
        return copy
    }

    public func with(foreground: TerminalColor) -> Style {
        var copy = self
        copy.foreground = foreground
        return copy
    }

    public func with(background: TerminalColor) -> Style {
        var copy = self
        copy.background = background
        return copy
    }

    /// `overlay` drawn on top of this style: its non-default colours win, attributes add up.
    public func patched(with overlay: Style) -> Style {
        Style(foreground: overlay.foreground == .default ? foreground : overlay.foreground,
              background: overlay.background == .default ? background : overlay.background,
              attributes: attributes.union(overlay.attributes))
    }

    /// Colours adapted to what the terminal can show.
    public func degraded(to capability: ColorCapability) -> Style {
        Style(foreground: ColorDegradation.degrade(foreground, to: capability),
              background: ColorDegradation.degrade(background, to: capability),
              attributes: attributes)
    }
}
