import StarfleetTUI

/// The header's identity, connection and environment pieces (the root adds config and index).
enum HeaderView {
    /// Below this width the identity shows the account and the ARN's last part only.
    static let compactWidth = 150

    /// Segments that come right after the title: identity, then profile/endpoint.
    static func segments(_ header: HeaderState, width: Int) -> [StyledLine] {
        var segments: [StyledLine] = []
        switch header.identity {
        case nil:
            break
        case .pending:
            segments.append(StyledLine([Span("identity: …", .textMuted)]))
        case .known(let identity):
            let name = width < compactWidth ? identity.shortName : identity.arn
            segments.append(StyledLine([Span("identity: ", .textMuted), Span(identity.account + " "), Span(name)]))
        case .unavailable(let reason):
            segments.append(StyledLine([Span("identity: ", .textMuted), Span("unavailable (\(reason))", style: .theme(.error))]))
        }
        for piece in header.connection {
            segments.append(StyledLine([Span(piece)]))
        }
        return segments
    }

    /// Production paints the title in its colours too, so it shows even when badges are cut.
    static func titleStyle(_ header: HeaderState) -> ThemeKey? {
        header.environment.flatMap { $0.isProduction ? $0.themeKey : nil }
    }

    /// The environment badge (last, so it is the one kept when the line runs short).
    static func badge(_ header: HeaderState) -> Badge? {
        header.environment.map { Badge($0.badgeText, style: $0.themeKey) }
    }
}
