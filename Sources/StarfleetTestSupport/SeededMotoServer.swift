import Foundation

/// A moto_server seeded once per test process with `scripts/moto/seed_org.py` (by default 12
/// accounts, OUs 3 levels deep, tags, roles, the two Starfleet buckets).
///
/// Treat the organization as read-only (AWS allows one organization per management account);
/// S3 writes should use keys of their own.
public actor SeededMotoServer {
    public static let shared = SeededMotoServer(accounts: 12, depth: 3)

    public let accounts: Int
    public let depth: Int
    private let fixture: MemoizedFixture<Seeded>

    public typealias Seeded = (server: MotoServer, seed: MotoOrganizationSeed)

    public init(accounts: Int, depth: Int) {
        self.accounts = accounts
        self.depth = depth
        fixture = MemoizedFixture(isUsable: { $0.server.isRunning }) {
            let server = try await MotoServer.start()
            let seed = try await Self.seed(server, accounts: accounts, depth: depth)
            return (server, seed)
        }
    }

    public func get() async throws -> (server: MotoServer, seed: MotoOrganizationSeed) {
        try await fixture.get()
    }

    /// Runs the seed script against `server` and decodes its summary.
    public static func seed(_ server: MotoServer, accounts: Int, depth: Int, extraArguments: [String] = []) async throws -> MotoOrganizationSeed {
        let result = try await ProcessRunner.run(
            "python3",
            [RepositoryPaths.motoScript("seed_org.py").path, server.endpoint.absoluteString,
             "--accounts", String(accounts), "--depth", String(depth)] + extraArguments,
            environment: server.inheritedClientEnvironment, timeout: 180)
        guard result.exitCode == 0 else {
            throw MotoServerError(message: "seed_org.py failed: \(result.summary)")
        }
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        do {
            return try decoder.decode(MotoOrganizationSeed.self, from: result.stdout)
        } catch {
            throw MotoServerError(message: "seed_org.py printed an unreadable summary (\(error)): \(result.summary)")
        }
    }
}
