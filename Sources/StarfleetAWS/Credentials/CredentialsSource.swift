/// A credentials provider that can say "nothing here" without failing, so it can take part in
/// a ``CredentialsProviderChain``. Misconfiguration (a half-set key pair, a named profile that
/// does not exist) is still thrown as an error, because silently falling through would pick the
/// wrong identity.
public protocol CredentialsSource: CredentialsProvider {
    func lookUp() async throws -> CredentialsLookup
}

extension CredentialsSource {
    public func credentials() async throws -> AWSCredentials {
        switch try await lookUp() {
        case .found(let credentials):
            return credentials
        case .notFound(let searched):
            throw AWSError.noCredentials(searched: [searched])
        }
    }
}
