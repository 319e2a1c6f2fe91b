import Foundation

/// Reads `AWS_ACCESS_KEY_ID`, `AWS_SECRET_ACCESS_KEY` and `AWS_SESSION_TOKEN`.
public struct EnvironmentCredentialsProvider: CredentialsSource {
    public let environment: [String: String]

    public init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.environment = environment
    }

    public func lookUp() async throws -> CredentialsLookup {
        let keyId = nonEmpty(environment["AWS_ACCESS_KEY_ID"])
        let secret = nonEmpty(environment["AWS_SECRET_ACCESS_KEY"])
        switch (keyId, secret) {
        case (nil, nil):
            return .notFound("environment variables AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (not set)")
        case (.some, nil):
            throw AWSError.credentials("AWS_ACCESS_KEY_ID is set but AWS_SECRET_ACCESS_KEY is not: set both, or neither")
        case (nil, .some):
            throw AWSError.credentials("AWS_SECRET_ACCESS_KEY is set but AWS_ACCESS_KEY_ID is not: set both, or neither")
        case (.some(let keyId), .some(let secret)):
            return .found(AWSCredentials(
                accessKeyId: keyId, secretAccessKey: secret,
                sessionToken: nonEmpty(environment["AWS_SESSION_TOKEN"]), source: "environment"))
        }
    }

    private func nonEmpty(_ value: String?) -> String? {
        guard let value, !value.isEmpty else { return nil }
        return value
    }
}
