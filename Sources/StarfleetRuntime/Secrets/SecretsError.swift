/// Why a value could not be read from the fleet's secret. Messages name the secret and the
/// key, never a value.
public enum SecretsError: Error, Sendable, Equatable, CustomStringConvertible {
    /// No `STARFLEET.SecretsManager` section (the original's `SecretsConfigurationMissingError`).
    case notConfigured
    /// Secrets Manager refused or could not be reached; `detail` is the redacted AWS error.
    case unreadable(secretId: String, region: String, detail: String)
    /// The secret has no `SecretString`, or it is not a JSON object.
    case notAJSONObject(secretId: String)
    /// The JSON has no string at `section.key`.
    case missingValue(secretId: String, section: String, key: String)

    public var description: String {
        switch self {
        case .notConfigured:
            return "STARFLEET.SecretsManager is not configured: set SecretId and SecretRegion to read secrets such as the Slack token"
        case .unreadable(let secretId, let region, let detail):
            return "cannot read the secret \(secretId) in \(region): \(detail)"
        case .notAJSONObject(let secretId):
            return "the secret \(secretId) is not a JSON object string (expected {\"STARFLEET\": {\"SlackToken\": …}})"
        case .missingValue(let secretId, let section, let key):
            return "the secret \(secretId) has no string value at \(section).\(key)"
        }
    }
}
