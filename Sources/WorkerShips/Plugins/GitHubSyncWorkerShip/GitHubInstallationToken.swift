import Foundation

/// An installation access token and its expiry. Its description never shows the token.
public struct GitHubInstallationToken: Sendable, Equatable, CustomStringConvertible {
    public let token: String
    public let expiresAt: Date

    public init(token: String, expiresAt: Date) {
        self.token = token
        self.expiresAt = expiresAt
    }

    /// Whether it is still good for `margin` seconds after `now`.
    public func isFresh(now: Date = Date(), margin: TimeInterval) -> Bool {
        expiresAt.timeIntervalSince(now) > margin
    }

    public var description: String { "installation token (expires \(expiresAt.formatted(.iso8601)))" }
}
