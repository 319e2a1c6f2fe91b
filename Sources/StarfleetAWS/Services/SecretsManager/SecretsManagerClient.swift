import Foundation

/// Secrets Manager over the JSON 1.1 protocol (`X-Amz-Target: secretsmanager.<Operation>`), regional.
public struct SecretsManagerClient: SecretsManagerAPI {
    public let client: AWSClient

    public init(client: AWSClient) {
        self.client = client
    }

    public func getSecretValue(secretId: String) async throws -> SecretValue {
        let output: GetSecretValueOutput = try await client.json("GetSecretValue", input: GetSecretValueInput(secretId: secretId))
        return SecretValue(name: output.name ?? secretId, arn: output.arn, versionId: output.versionId,
                           secretString: output.secretString)
    }

    /// Creates a secret with a string value; returns its ARN. Used by local set-up and tests.
    public func createSecret(name: String, secretString: String) async throws -> String {
        let output: CreateSecretOutput = try await client.json(
            "CreateSecret", input: CreateSecretInput(name: name, secretString: secretString))
        return output.arn ?? name
    }
}

// MARK: - Wire shapes

private struct GetSecretValueInput: Encodable {
    var secretId: String
    enum CodingKeys: String, CodingKey { case secretId = "SecretId" }
}

private struct GetSecretValueOutput: Decodable {
    var name: String?
    var arn: String?
    var versionId: String?
    var secretString: String?
    enum CodingKeys: String, CodingKey {
        case name = "Name", arn = "ARN", versionId = "VersionId", secretString = "SecretString"
    }
}

private struct CreateSecretInput: Encodable {
    var name: String
    var secretString: String
    enum CodingKeys: String, CodingKey { case name = "Name", secretString = "SecretString" }
}

private struct CreateSecretOutput: Decodable {
    var arn: String?
    enum CodingKeys: String, CodingKey { case arn = "ARN" }
}
