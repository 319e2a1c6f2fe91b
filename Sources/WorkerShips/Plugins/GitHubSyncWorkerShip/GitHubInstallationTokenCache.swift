import Foundation

/// Installation tokens kept for the life of the process (a Lambda container serves many
/// invocations), per API URL, app and installation, and reused until shortly before they expire.
/// Concurrent first uses share one exchange.
public actor GitHubInstallationTokenCache {
    public static let shared = GitHubInstallationTokenCache()
    /// A token is replaced this long before it expires, so no request starts with a dying one.
    public static let refreshMargin: TimeInterval = 300

    private var tokens: [String: GitHubInstallationToken] = [:]
    private var pending: [String: Task<GitHubInstallationToken, any Error>] = [:]
    /// How many exchanges were made (tests check the caching).
    public private(set) var exchanges = 0

    public init() {}

    public func token(key: String, now: Date = Date(),
                      exchange: @escaping @Sendable () async throws -> GitHubInstallationToken) async throws -> GitHubInstallationToken {
        if let cached = tokens[key], cached.isFresh(now: now, margin: Self.refreshMargin) { return cached }
        let task: Task<GitHubInstallationToken, any Error>
        if let running = pending[key] {
            task = running
        } else {
            exchanges += 1
            task = Task { try await exchange() }
            pending[key] = task
        }
        defer { pending[key] = nil }
        let fresh = try await task.value
        tokens[key] = fresh
        return fresh
    }

    public func forget() {
        tokens = [:]
    }
}
