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
public struct Span: Hashable, Sendable, ExpressibleByStringInterpolation {
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
public struct StyledLine: Hashable, Sendable, ExpressibleByStringInterpolation {
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

    // MARK: - Fitting

    /// The line cut to at most `width` cells, ending in `…` when something was cut.
    public func truncated(to width: Int, ellipsis: Character? = TextLayout.ellipsis) -> StyledLine {
        guard width > 0 else { return StyledLine() }
        if self.width <= width { return self }
        let marker = ellipsis.map { String($0) } ?? ""
        var budget = width - DisplayWidth.of(marker)
        var result = StyledLine()
        var lastStyle = spans.first?.style ?? .inherit
        for span in spans where budget > 0 {
            let piece = TextLayout.prefix(span.text, fitting: budget)
            if !piece.isEmpty { result.append(Span(piece, style: span.style)) }
            budget -= DisplayWidth.of(piece)
            lastStyle = span.style
            if piece.count < span.text.count { break }
        }
        if !marker.isEmpty { result.append(Span(marker, style: lastStyle)) }
        return result
    }

    /// Exactly `width` cells: truncated, then padded according to `alignment`.
    public func fitted(width: Int, alignment: TextLayout.Alignment = .left) -> StyledLine {
        let cut = truncated(to: width)
        let gap = max(0, width - cut.width)
        guard gap > 0 else { return cut }
        let padding = { (count: Int) in Span(String(repeating: " ", count: count)) }
        switch alignment {
        case .left: return StyledLine(cut.spans + [padding(gap)])
        case .right: return StyledLine([padding(gap)] + cut.spans)
        case .center: return StyledLine([padding(gap / 2)] + cut.spans + [padding(gap - gap / 2)])
        }
    }

    /// Word-wraps the line to `width` cells, keeping styles; words longer than a
    /// line are split. Always returns at least one line.
    public func wrapped(width: Int) -> [StyledLine] {
        guard width > 0, self.width > width else { return [self] }
        // Work on (character, span index) pairs so styles survive the re-flow.
        let characters: [(Character, Int)] = spans.enumerated().flatMap { index, span in
            span.text.map { ($0, index) }
        }
        var rows: [[(Character, Int)]] = []
        var current: [(Character, Int)] = []
        var currentWidth = 0
        var breakAt: Int?  // index in `current` just after the last space
        for item in characters {
            let cells = DisplayWidth.of(item.0)
            if currentWidth + cells > width {
                if item.0 == " " {
                    rows.append(current)
                    current = []
                    currentWidth = 0
                    breakAt = nil
                    continue
                }
                if let cut = breakAt, cut > 0, cut < current.count {
                    var head = Array(current[..<cut])
                    while head.last?.0 == " " { head.removeLast() }
                    rows.append(head)
                    current = Array(current[cut...])
                } else {
                    rows.append(current)
                    current = []
                }
                currentWidth = current.reduce(0) { $0 + DisplayWidth.of($1.0) }
                breakAt = nil
                if currentWidth + cells > width, !current.isEmpty {
                    rows.append(current)
                    current = []
                    currentWidth = 0
                }
            }
            current.append(item)
            currentWidth += cells
            if item.0 == " " { breakAt = current.count }
        }
        rows.append(current)
        return rows.map { row in
            var line = StyledLine()
            for (character, index) in row {
                if let last = line.spans.indices.last, line.spans[last].style == spans[index].style {
                    line.spans[last].text.append(character)
                } else {
                    line.append(Span(String(character), style: spans[index].style))
                }
            }
            return line
        }
    }
}
