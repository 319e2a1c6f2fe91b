/// A short highlighted label such as `DRY RUN`, `COMMIT` or `R`.
public struct Badge: Hashable, Sendable {
    public var text: String
    public var style: ThemeKey

    public init(_ text: String, style: ThemeKey) {
        self.text = text
        self.style = style
    }

    /// Text as drawn, with a space of padding on each side.
    public var padded: String { " \(text) " }
    public var width: Int { DisplayWidth.of(padded) }
}

/// The top line: a title, information segments, and right-aligned badges.
/// ```
///  Starfleet · config ./examples · index: S3 s3://bucket/index.yaml   DRY RUN  R
/// ```
/// When space runs short the segments are cut first; badges stay whole.
public struct HeaderBar: Widget, Hashable, Sendable {
    public var title: String
    public var segments: [StyledLine]
    public var badges: [Badge]
    public var separator: String
    /// Drawn over the title (a production environment's colours); nil: the header's, bold.
    public var titleStyle: ThemeKey?

    public init(title: String, segments: [StyledLine] = [], badges: [Badge] = [], separator: String = " · ",
                titleStyle: ThemeKey? = nil) {
        self.title = title
        self.segments = segments
        self.badges = badges
        self.separator = separator
        self.titleStyle = titleStyle
    }

    public func render(on surface: inout some Surface, in area: Rect, theme: Theme) {
        guard area.height > 0, area.width > 0 else { return }
        let row = area.row
        let base = theme[.header]
        surface.fill(area.row(at: 0), style: base)

        // Badges from the right; drop those that do not fit at all.
        var badgeColumn = area.right
        var placed: [(Badge, Int)] = []
        for badge in badges.reversed() {
            let start = badgeColumn - badge.width - (placed.isEmpty ? 0 : 1)
            guard start >= area.column + 1 else { break }
            placed.append((badge, start))
            badgeColumn = start
        }
        for (badge, start) in placed {
            surface.put(badge.padded, row: row, column: start, style: base.patched(with: theme[badge.style]))
        }

        let textWidth = badgeColumn - area.column - 1
        guard textWidth > 0 else { return }
        let titleBase = titleStyle.map { base.patched(with: theme[$0]) } ?? base
        var line = StyledLine([Span(" " + title + (titleStyle == nil ? "" : " "), style: .concrete(titleBase.adding(.bold)))])
        for segment in segments {
            line.append(Span(separator))
            line.spans += segment.spans
        }
        surface.put(line.truncated(to: textWidth), row: row, column: area.column, base: base, theme: theme,
                    maxWidth: textWidth)
    }
}
