import Starfleet

/// Where the fleet's secret lives: `STARFLEET.SecretsManager` (`SecretId`, `SecretRegion`).
public struct SecretsManagerSettings: Sendable, Equatable {
    public let secretId: String
    public let secretRegion: String

    public init(secretId: String, secretRegion: String) {
        self.secretId = secretId
        self.secretRegion = secretRegion
    }

    /// The loaded section, or nil when the configuration has none.
    public init?(configuration: Configuration) {
        guard let section = configuration.starfleet["secrets_manager"]?.map,
              let secretId = section["secret_id"]?.string, !secretId.isEmpty,
              let secretRegion = section["secret_region"]?.string, !secretRegion.isEmpty
        else { return nil }
        self.init(secretId: secretId, secretRegion: secretRegion)
    }
}
