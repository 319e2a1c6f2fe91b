import Foundation

/// An access key pair, with the session token of temporary credentials.
///
/// `description` and `debugDescription` never show the secret key or the token, so a
/// `"\(credentials)"` in a log line is safe.
public struct AWSCredentials: Sendable, Equatable, CustomStringConvertible, CustomDebugStringConvertible {
    public var accessKeyId: String
    public var secretAccessKey: String
    public var sessionToken: String?
    /// When temporary credentials stop working; nil for long-term keys.
    public var expiration: Date?
    /// Where the credentials came from (`environment`, `profile "dev" in /root/.aws/credentials`…).
    public var source: String

    public init(
        accessKeyId: String, secretAccessKey: String, sessionToken: String? = nil,
        expiration: Date? = nil, source: String = "static"
    ) {
        self.accessKeyId = accessKeyId
        self.secretAccessKey = secretAccessKey
        self.sessionToken = sessionToken
        self.expiration = expiration
        self.source = source
    }

    /// Whether the credentials expire within `margin` seconds of `now`.
    public func expires(within margin: TimeInterval, of now: Date = Date()) -> Bool {
        guard let expiration else { return false }
        return expiration.timeIntervalSince(now) <= margin
    }

    public var description: String {
        let token = sessionToken == nil ? "none" : Redactor.placeholder
        return "AWSCredentials(accessKeyId: \(accessKeyId), secretAccessKey: \(Redactor.placeholder), sessionToken: \(token), source: \(source))"
    }

    public var debugDescription: String { description }
}
