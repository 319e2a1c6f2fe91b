/// A secret as `GetSecretValue` returns it. Its description never shows the value, so a secret
/// printed by mistake (in a log line or an error) does not leak.
public struct SecretValue: Sendable, Equatable, CustomStringConvertible, CustomDebugStringConvertible {
    public let name: String
    public let arn: String?
    public let versionId: String?
    /// The `SecretString`; nil for a binary secret.
    public let secretString: String?

    public init(name: String, arn: String? = nil, versionId: String? = nil, secretString: String?) {
        self.name = name
        self.arn = arn
        self.versionId = versionId
        self.secretString = secretString
    }

    public var description: String { "secret \(name) (version \(versionId ?? "unknown"), value \(Redactor.placeholder))" }
    public var debugDescription: String { description }
}
