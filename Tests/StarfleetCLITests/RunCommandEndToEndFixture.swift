import Foundation
import Starfleet
import StarfleetAWS
import StarfleetTestSupport
import Testing

/// The world the end-to-end suites (`run`, `fanout`, `index show`) share: one real moto_server
/// seeded by `scripts/moto/seed_org.py` (20 member accounts, OUs 3 levels deep, tags, roles,
/// buckets), configuration copies pointing at it, and an account index written once by the
/// real generator (`starfleet run AccountIndexGeneratorShip --commit`).
///
/// The organization is read-only for the tests; anything a test writes goes to a bucket or key
/// of its own, so the suites run in parallel without resets.
actor EndToEndWorld {
    static let shared = EndToEndWorld()
    /// Kept alive for the whole test process.
    static let organization = SeededMotoServer(accounts: 20, depth: 3)

    static let root = RepositoryPaths.root
    static let starfleetBinary = root.appendingPathComponent(".build/debug/starfleet").path
    static let probeBinary = root.appendingPathComponent(".build/debug/starfleet-probe-fleet").path
    /// Where the fixture's generator run writes the index that `index show`, `fanout` and `run` load.
    static let indexKey = "e2e/accountIndex.json"
    static let indexBucket = "starfleet-account-index"
    /// The regions the scoped configuration limits fan-out to.
    static let scopeToRegions = ["eu-west-1", "us-east-1"]

    struct Fixture: Sendable {
        let server: MotoServer
        let seed: MotoOrganizationSeed
        let directory: TemporaryDirectory
        /// The bundled example configuration with the seeded root/management ids, the probe ships
        /// and `IndexObjectPath: e2e/accountIndex.json`.
        let configuration: String
        /// The same plus `STARFLEET.ScopeToRegions: [eu-west-1, us-east-1]`.
        let scopedConfiguration: String
        /// The same, but the index section points at an object that does not exist.
        let missingIndexConfiguration: String
        /// Our client against the server (for listing buckets and reading objects).
        let session: AWSSession
        /// What moto's DescribeRegions answers (the same for every account).
        let enabledRegions: [String]
        /// Environment for the binaries: dummy credentials, `AWS_ENDPOINT_URL` → moto.
        let environment: [String: String]
    }

    private var building: Task<Fixture, any Error>?

    func get() async throws -> Fixture {
        if let building { return try await building.value }
        let task = Task { try await Self.make() }
        building = task
        return try await task.value
    }

    private static func make() async throws -> Fixture {
        for binary in [starfleetBinary, probeBinary] where !FileManager.default.isExecutableFile(atPath: binary) {
            throw EndToEndSetupError("\(binary) is missing: build first with `swift build --build-tests`")
        }
        let (server, seed) = try await organization.get()
        var environment = server.inheritedClientEnvironment
        environment["STARFLEET_CONFIG_DIR"] = nil
        environment["STARFLEET_REGIONS_FILE"] = nil
        let session = AWSSession(
            region: "us-east-1", credentialsProvider: MotoServer.credentialsProvider,
            environment: ["AWS_ENDPOINT_URL": server.endpoint.absoluteString, "HOME": "/nonexistent"])

        let directory = try TemporaryDirectory(prefix: "starfleet-e2e")
        let configuration = try writeConfiguration(in: directory, named: "config", seed: seed, indexKey: indexKey)
        let scoped = try writeConfiguration(in: directory, named: "config-scoped", seed: seed, indexKey: indexKey,
                                            scopeToRegions: scopeToRegions)
        let missing = try writeConfiguration(in: directory, named: "config-missing-index", seed: seed,
                                             indexKey: "e2e/no-such-index.json")

        // The index every other test reads, written by the real generator through the binary.
        let payload = try directory.write(generatorPayload(bucket: indexBucket, key: indexKey), to: "payloads/index.yaml")
        let generated = try await ProcessRunner.run(
            starfleetBinary, ["run", "AccountIndexGeneratorShip", "--config", configuration, "--payload", payload.path, "--commit"],
            environment: environment, timeout: 120)
        guard generated.exitCode == 0 else {
            throw EndToEndSetupError("the fixture's generator run failed: \(generated.summary)")
        }
        let regions = try await session.ec2().describeRegions()
        return Fixture(server: server, seed: seed, directory: directory, configuration: configuration,
                       scopedConfiguration: scoped, missingIndexConfiguration: missing, session: session,
                       enabledRegions: regions, environment: environment)
    }

    /// Copies `examples/configuration` the way `scripts/console` does (seeded OrgRootId and
    /// OrgAccountId), adds the probe ships and adjusts the index section.
    static func writeConfiguration(in directory: TemporaryDirectory, named name: String, seed: MotoOrganizationSeed,
                                   indexKey: String, scopeToRegions: [String] = []) throws -> String {
        let examples = root.appendingPathComponent("examples/configuration")
        var generator = try String(contentsOf: examples.appendingPathComponent("account_index_generator.yaml"), encoding: .utf8)
        generator = try replacingLine(in: generator, key: "OrgRootId", with: "OrgRootId: \(seed.rootId)")
        generator = try replacingLine(in: generator, key: "OrgAccountId", with: "OrgAccountId: \"\(seed.managementAccountId)\"")
        var starfleet = try String(contentsOf: examples.appendingPathComponent("starfleet.yaml"), encoding: .utf8)
        starfleet = try replacingLine(in: starfleet, key: "IndexObjectPath", with: "IndexObjectPath: \(indexKey)")
        if !scopeToRegions.isEmpty {
            starfleet = try replacingLine(in: starfleet, key: "LogLevel",
                                          with: "LogLevel: INFO\n  ScopeToRegions: [\(scopeToRegions.joined(separator: ", "))]")
        }
        try directory.write(generator, to: "\(name)/account_index_generator.yaml")
        try directory.write(starfleet, to: "\(name)/starfleet.yaml")
        try directory.write(probeSections, to: "\(name)/probes.yaml")
        return directory.url.appendingPathComponent(name).path
    }

    static let probeSections = """
    ProbeAccountShip:
      Enabled: true
      TemplatePrefix: ProbeAccountShip/
      InvocationQueueUrl: https://sqs.us-east-1.amazonaws.com/000000000000/starfleet-probe-account
      InvocationSources: [S3]
    ProbeAccountRegionShip:
      Enabled: true
      TemplatePrefix: ProbeAccountRegionShip/
      InvocationQueueUrl: https://sqs.us-east-1.amazonaws.com/000000000000/starfleet-probe-account-region
      InvocationSources: [S3]

    """

    static func generatorPayload(bucket: String, key: String) -> String {
        """
        TemplateName: GenerateAccountIndex
        TemplateDescription: End-to-end generator run.
        AccountInventoryBucket: \(bucket)
        InventoryBucketRegion: us-east-1
        InventoryObjectPrefix: \(key)

        """
    }

    /// The configuration text without its top-level StarfleetDefaultAccountIndex section (a
    /// fleet whose generator has not run yet).
    static func removingIndexSection(_ text: String) -> String {
        var lines: [Substring] = []
        var inSection = false
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("StarfleetDefaultAccountIndex:") {
                inSection = true
                continue
            }
            if inSection, line.first.map({ $0 == " " || $0 == "#" }) ?? true { continue }
            inSection = false
            lines.append(line)
        }
        return lines.joined(separator: "\n")
    }

    /// Replaces the line holding `key:` (keeping its indentation) with `replacement`.
    static func replacingLine(in text: String, key: String, with replacement: String) throws -> String {
        var lines = text.components(separatedBy: "\n")
        guard let index = lines.firstIndex(where: { $0.trimmingCharacters(in: .whitespaces).hasPrefix("\(key):") }) else {
            throw EndToEndSetupError("the example configuration has no \(key) line")
        }
        let indent = lines[index].prefix { $0 == " " }
        lines[index] = indent + replacement
        return lines.joined(separator: "\n")
    }
}

struct EndToEndSetupError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

// MARK: - Helpers the end-to-end tests share

extension EndToEndWorld.Fixture {
    var managementAccount: String { seed.managementAccountId }
    var memberIds: Set<String> { Set(seed.accountIds) }

    func starfleet(_ arguments: [String], timeout: TimeInterval = 90) async throws -> ProcessResult {
        try await ProcessRunner.run(EndToEndWorld.starfleetBinary, arguments, environment: environment, timeout: timeout)
    }

    func probeFleet(_ arguments: [String], timeout: TimeInterval = 60) async throws -> ProcessResult {
        try await ProcessRunner.run(EndToEndWorld.probeBinary, arguments, environment: environment, timeout: timeout)
    }

    /// Writes a payload file of its own and returns its path.
    func payload(_ text: String, name: String = "payload") throws -> String {
        try directory.write(text, to: "payloads/\(name)-\(UUID().uuidString.prefix(8)).yaml").path
    }

    /// A fresh, empty bucket (each test that checks what was written gets its own).
    func makeBucket(_ prefix: String) async throws -> String {
        let name = "\(prefix)-\(UUID().uuidString.prefix(8).lowercased())"
        try await session.s3().createBucket(bucket: name)
        return name
    }

    func objectKeys(in bucket: String, prefix: String? = nil) async throws -> [String] {
        try await session.s3().listObjectsV2(bucket: bucket, prefix: prefix).map(\.key)
    }

    func object(_ bucket: String, _ key: String) async throws -> Data {
        try await session.s3().getObject(bucket: bucket, key: key)
    }

    /// The Content-Type moto answers for an object (a signed GET through our client).
    func contentType(_ bucket: String, _ key: String) async throws -> String? {
        let client = try session.s3().client
        let request = client.makeRequest(method: "GET", path: "/\(bucket)/\(key)", query: [], headers: HTTPHeaders(), body: Data())
        return try await client.send(operation: "GetObject", request: request).headers["Content-Type"]
    }

    // MARK: Expectations computed from the seed summary

    var unitsById: [String: MotoOrganizationSeed.OrganizationalUnit] {
        Dictionary(uniqueKeysWithValues: seed.organizationalUnits.map { ($0.id, $0) })
    }

    /// The parent chain the index must hold for a seeded account: its OU, that OU's parent, …, the root.
    func expectedParents(of account: MotoOrganizationSeed.Account) -> [ParentRecord] {
        var chain: [ParentRecord] = []
        var current = account.parentId
        while current != seed.rootId, let unit = unitsById[current] {
            chain.append(ParentRecord(id: unit.id, name: unit.name, type: "ORGANIZATIONAL_UNIT"))
            current = unit.parentId
        }
        chain.append(ParentRecord(id: seed.rootId, name: "ROOT", type: "ROOT"))
        return chain
    }

    /// Member accounts under any OU named `name` (at any depth).
    func members(underUnitNamed name: String) -> Set<String> {
        Set(seed.accounts.filter { account in expectedParents(of: account).contains { $0.name == name } }.map(\.id))
    }

    func members(taggedWith key: String, _ value: String) -> Set<String> {
        Set(seed.accounts.filter { $0.tags[key]?.lowercased() == value.lowercased() }.map(\.id))
    }

    func name(of account: String) -> String? {
        seed.accounts.first { $0.id == account }?.name
    }

    /// What `IncludeRegions: [ALL]` resolves to for any seeded account: the catalog ∩ enabled regions.
    var allResolvableRegions: [String] {
        enabledRegions.filter { RegionCatalog.active.names.contains($0) }.sorted()
    }
}

extension ProcessResult {
    var stderrLines: [String] { stderrText.components(separatedBy: "\n").filter { !$0.isEmpty } }

    /// stdout parsed as one JSON object.
    func jsonObject() throws -> [String: Any] {
        let object = try JSONSerialization.jsonObject(with: stdout)
        return try #require(object as? [String: Any], "stdout is not one JSON object: \(summary)")
    }
}

/// The `targets` of `fanout --format json`: account id → (name, regions).
struct FanoutTargets {
    let invocations: Int
    let strategy: String
    let accounts: [String]
    let names: [String: String]
    let regions: [String: [String]]

    init(_ object: [String: Any]) throws {
        invocations = try #require(object["invocations"] as? Int)
        strategy = try #require(object["fan_out_strategy"] as? String)
        let targets = try #require(object["targets"] as? [[String: Any]])
        var accounts: [String] = []
        var names: [String: String] = [:]
        var regions: [String: [String]] = [:]
        for target in targets {
            let id = try #require(target["account_id"] as? String)
            accounts.append(id)
            names[id] = target["account_name"] as? String
            if let list = target["regions"] as? [String] { regions[id] = list }
        }
        self.accounts = accounts
        self.names = names
        self.regions = regions
    }
}
