import Foundation
import StarfleetRuntime

/// Installation tokens for a GitHub App: the private key comes from the fleet's secret at
/// `GitHubSyncWorker.<Organization>` (a PEM string, the original's layout), signs a JWT, and the
/// JWT is exchanged for an installation token, cached until shortly before it expires.
/// Neither the key, the JWT nor the token is ever logged.
public struct GitHubAppAuthenticator: Sendable {
    public static let secretSection = "GitHubSyncWorker"

    public let api: GitHubAPIClient
    public let secrets: StarfleetSecrets
    public let cache: GitHubInstallationTokenCache

    public init(api: GitHubAPIClient, secrets: StarfleetSecrets, cache: GitHubInstallationTokenCache = .shared) {
        self.api = api
        self.secrets = secrets
        self.cache = cache
    }

    public func installationToken(organization: String, appId: String, installationId: String) async throws -> GitHubInstallationToken {
        let api = self.api
        let secrets = self.secrets
        return try await cache.token(key: "\(api.apiURL.absoluteString) \(organization) \(appId) \(installationId)") {
            let pem: String
            do {
                pem = try await secrets.value(section: Self.secretSection, key: organization)
            } catch {
                throw GitHubSyncError.privateKeyUnavailable(organization: organization, detail: "\(error)")
            }
            let jwt = try GitHubAppJWT(pem: pem, organization: organization).token(appId: appId)
            return try await api.installationToken(installationId: installationId, jwt: jwt)
        }
    }
}
