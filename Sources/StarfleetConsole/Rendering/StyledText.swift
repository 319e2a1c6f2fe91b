/// How a span of text is styled: by a theme key (semantic), by a concrete
/// style, or like the text around it.
public enum SpanStyle: Hashable, Sendable {
    case inherit
    case theme(ThemeKey)
    case concrete(Style)

    /// The concrete style, given the theme and the surrounding style.
    public func resolve(in theme: Theme, base: Style) -> Style {
        switch self {
        case .inherit: return base
        case .theme(let key): return base.patched(with: theme[key])
        case .concrete(let style): return style
        }
    }
}

/// A run of text in one style.
public struct Span: Hashable, Sendable, ExpressibleByStringLiteral {
    public var text: String
    public var style: SpanStyle

    public init(_ text: String, style: SpanStyle = .inherit) {
        self.text = text
        self.style = style
    }

    public init(_ text: String, _ key: ThemeKey) {
        self.init(text, style: .theme(key))
    }

    public init(stringLiteral value: String) {
        self.init(value)
    }

    public var width: Int { DisplayWidth.of(text) }
}

/// A line made of styled spans.
public struct StyledLine: Hashable, Sendable, ExpressibleByStringLiteral {
    public var spans: [Span]

    public init(_ spans: [Span] = []) {
        self.spans = spans
    }

    public init(_ text: String, style: SpanStyle = .inherit) {
        self.spans = [Span(text, style: style)]
    }

    public init(stringLiteral value: String) {
        self.init(value)
    }

    public var plainText: String { spans.map(\.text).joined() }
    public var width: Int { spans.reduce(0) { $0 + $1.width } }

    public mutating func append(_ span: Span) {
        spans.append(span)
    }

    public static func + (lhs: StyledLine, rhs: StyledLine) -> StyledLine {
        StyledLine(lhs.spans + rhs.spans)
    }

    /// Splits the line into pieces of at most `width` cells (no word search),
    /// keeping each piece's styles.
    public func hardWrapped(width: Int) -> [StyledLine] {
        guard width > 0 else { return [self] }
        var lines: [StyledLine] = []
        var current = StyledLine()
        var used = 0
        for span in spans {
            var piece = ""
            for character in span.text {
                let cells = DisplayWidth.of(character)
                if used + cells > width, used > 0 {
                    if !piece.isEmpty { current.append(Span(piece, style: span.style)) }
                    lines.append(current)
                    current = StyledLine()
                    piece = ""
                    used = 0
                }
                piece.append(character)
                used += cells
            }
            if !piece.isEmpty { current.append(Span(piece, style: span.style)) }
        }
        lines.append(current)
        return lines
    }

    /// The line without its first `columns` cells (horizontal scrolling).
    public func dropping(columns: Int) -> StyledLine {
        guard columns > 0 else { return self }
        var remaining = columns
        var result = StyledLine()
        for span in spans {
            if remaining <= 0 {
                result.append(span)
                continue
            }
            let width = span.width
            if width <= remaining {
                remaining -= width
                continue
            }
            result.append(Span(TextLayout.dropping(columns: remaining, from: span.text), style: span.style))
            remaining = 0
        }
        return result
    }
}
