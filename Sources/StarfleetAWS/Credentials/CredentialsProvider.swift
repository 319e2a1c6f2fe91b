/// Anything that can hand out AWS credentials.
///
/// Implementations must be cheap to call repeatedly: clients ask before every request, so a
/// provider of temporary credentials caches them until they are about to expire.
public protocol CredentialsProvider: Sendable {
    func credentials() async throws -> AWSCredentials
}
