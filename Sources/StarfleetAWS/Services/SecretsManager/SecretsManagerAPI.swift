/// The Secrets Manager call Starfleet makes: reading a secret's current value.
public protocol SecretsManagerAPI: Sendable {
    /// `GetSecretValue` of the current version (`AWSCURRENT`).
    func getSecretValue(secretId: String) async throws -> SecretValue
}
