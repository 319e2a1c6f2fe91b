import Foundation

/// Tries each source in order and returns the first credentials found.
///
/// When none has any, the error lists everything that was looked for, so the operator can see
/// which variable or file to set.
public struct CredentialsProviderChain: CredentialsSource {
    public let sources: [any CredentialsSource]

    public init(_ sources: [any CredentialsSource]) {
        self.sources = sources
    }

    /// The standard order: environment variables, then the shared credentials/config files.
    public static func standard(environment: [String: String] = ProcessInfo.processInfo.environment) -> CredentialsProviderChain {
        CredentialsProviderChain([
            EnvironmentCredentialsProvider(environment: environment),
            ProfileCredentialsProvider(environment: environment),
        ])
    }

    public func lookUp() async throws -> CredentialsLookup {
        var searched: [String] = []
        for source in sources {
            switch try await source.lookUp() {
            case .found(let credentials):
                return .found(credentials)
            case .notFound(let what):
                searched.append(what)
            }
        }
        return .notFound(searched.joined(separator: "; "))
    }

    public func credentials() async throws -> AWSCredentials {
        switch try await lookUp() {
        case .found(let credentials):
            return credentials
        case .notFound(let searched):
            throw AWSError.noCredentials(
                searched: [searched],
                hint: "Set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or AWS_PROFILE naming a profile with aws_access_key_id and aws_secret_access_key.")
        }
    }
}
