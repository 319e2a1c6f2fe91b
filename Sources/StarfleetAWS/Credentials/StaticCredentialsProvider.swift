/// Always returns the same credentials.
public struct StaticCredentialsProvider: CredentialsSource {
    public let value: AWSCredentials

    public init(_ credentials: AWSCredentials) {
        self.value = credentials
    }

    public init(accessKeyId: String, secretAccessKey: String, sessionToken: String? = nil) {
        self.value = AWSCredentials(
            accessKeyId: accessKeyId, secretAccessKey: secretAccessKey, sessionToken: sessionToken, source: "static")
    }

    public func lookUp() async throws -> CredentialsLookup { .found(value) }
}
