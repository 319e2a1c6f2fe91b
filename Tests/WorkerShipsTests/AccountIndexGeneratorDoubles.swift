import Foundation
import Logging
import Starfleet
import StarfleetAWS
import StarfleetSchema
import StarfleetTestSupport
import Synchronization

@testable import WorkerShips

/// An in-memory organization behind `OrganizationsAPI` + `InventoryServices`: a tree of OUs,
/// accounts with tags and regions, injectable failures and latency, and counters for every call
/// (per operation and id; a listing "per parent" counts under the parent's id) plus the most
/// accounts that had calls in flight at the same time.
final class FakeOrganization: InventoryServices, OrganizationsAPI, @unchecked Sendable {
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    let rootId: String
    private(set) var accounts: [OrganizationsAccount] = []
    private var units: [String: OrganizationalUnit] = [:]
    private var parentOf: [String: OrganizationsParent] = [:]
    private var tagsOf: [String: [OrganizationsTag]] = [:]
    private var regionsOf: [String: [String]] = [:]
    private var orphans: Set<String> = []
    /// Accounts and OUs the ListAccountsForParent / ListOrganizationalUnitsForParent listings leave
    /// out, as if moved or created while the tree was walked (ListParents still knows them).
    var hiddenFromWalk: Set<String> = []
    /// "Operation id" → error thrown by that call.
    private var failures: [String: Failure] = [:]
    /// Latency of every call.
    var latency: Duration = .zero

    private struct Counters {
        var calls: [String: Int] = [:]
        var inFlightByAccount: [String: Int] = [:]
        var maxAccountsInFlight = 0
        var inFlightCalls = 0
        var maxInFlightCalls = 0
    }
    private let counters = Mutex(Counters())

    init(rootId: String = "r-root") {
        self.rootId = rootId
    }

    // MARK: Building the organization

    @discardableResult
    func addUnit(_ id: String, name: String, parent: String) -> String {
        units[id] = OrganizationalUnit(id: id, arn: "arn:aws:organizations::111111111111:ou/o-test/\(id)", name: name)
        parentOf[id] = OrganizationsParent(id: parent, type: parent == rootId ? "ROOT" : "ORGANIZATIONAL_UNIT")
        return id
    }

    func addAccount(_ id: String, name: String, parent: String?, tags: [String: String] = [:],
                    regions: [String] = ["us-east-1"], joined: Date? = Date(timeIntervalSince1970: 1_711_564_707),
                    management: String = "111111111111") {
        accounts.append(OrganizationsAccount(
            id: id, arn: "arn:aws:organizations::\(management):account/o-test/\(id)", email: "\(name.lowercased())@example.com",
            name: name, status: "ACTIVE", joinedMethod: "CREATED", joinedTimestamp: joined))
        if let parent {
            parentOf[id] = OrganizationsParent(id: parent, type: parent == rootId ? "ROOT" : "ORGANIZATIONAL_UNIT")
        } else {
            orphans.insert(id)
        }
        tagsOf[id] = tags.sorted { $0.key < $1.key }.map { OrganizationsTag(key: $0.key, value: $0.value) }
        regionsOf[id] = regions
    }

    func fail(_ operation: String, _ id: String, _ message: String) {
        failures["\(operation) \(id)"] = Failure(description: message)
    }

    // MARK: Observations

    func calls(_ operation: String, _ id: String) -> Int {
        counters.withLock { $0.calls["\(operation) \(id)"] ?? 0 }
    }

    func calls(_ operation: String) -> Int {
        counters.withLock { $0.calls.filter { $0.key.hasPrefix(operation + " ") }.values.reduce(0, +) }
    }

    var maxAccountsInFlight: Int { counters.withLock { $0.maxAccountsInFlight } }
    var maxInFlightCalls: Int { counters.withLock { $0.maxInFlightCalls } }

    // MARK: InventoryServices

    var organizations: any OrganizationsAPI { self }

    func enabledRegions(account: String) async throws -> [String] {
        try await call("DescribeRegions", account, account: account) { regionsOf[account] ?? [] }
    }

    // MARK: OrganizationsAPI

    func listAccounts() async throws -> [OrganizationsAccount] {
        try await call("ListAccounts", "-") { accounts }
    }

    func listRoots() async throws -> [OrganizationsRoot] {
        []
    }

    func listOrganizationalUnitsForParent(parentId: String) async throws -> [OrganizationalUnit] {
        try await call("ListOrganizationalUnitsForParent", parentId) {
            units.values.filter { parentOf[$0.id]?.id == parentId && !hiddenFromWalk.contains($0.id) }.sorted { $0.id < $1.id }
        }
    }

    func listAccountsForParent(parentId: String) async throws -> [OrganizationsAccount] {
        try await call("ListAccountsForParent", parentId) {
            accounts.filter { parentOf[$0.id]?.id == parentId && !hiddenFromWalk.contains($0.id) }
        }
    }

    func listParents(childId: String) async throws -> [OrganizationsParent] {
        let isAccount = accounts.contains { $0.id == childId }
        return try await call("ListParents", childId, account: isAccount ? childId : nil) {
            if orphans.contains(childId) { return [] }
            guard let parent = parentOf[childId] else { throw Failure(description: "ChildNotFoundException: \(childId)") }
            return [parent]
        }
    }

    func listTagsForResource(resourceId: String) async throws -> [OrganizationsTag] {
        try await call("ListTagsForResource", resourceId, account: resourceId) { tagsOf[resourceId] ?? [] }
    }

    func describeOrganizationalUnit(organizationalUnitId: String) async throws -> OrganizationalUnit {
        try await call("DescribeOrganizationalUnit", organizationalUnitId) {
            guard let unit = units[organizationalUnitId] else {
                throw Failure(description: "OrganizationalUnitNotFoundException: \(organizationalUnitId)")
            }
            return unit
        }
    }

    /// Counts the call, tracks what is in flight, waits `latency`, then answers (or fails).
    private func call<T>(_ operation: String, _ id: String, account: String? = nil, _ answer: () throws -> T) async throws -> T {
        counters.withLock { state in
            state.calls["\(operation) \(id)", default: 0] += 1
            state.inFlightCalls += 1
            state.maxInFlightCalls = max(state.maxInFlightCalls, state.inFlightCalls)
            if let account {
                state.inFlightByAccount[account, default: 0] += 1
                state.maxAccountsInFlight = max(state.maxAccountsInFlight, state.inFlightByAccount.count)
            }
        }
        defer {
            counters.withLock { state in
                state.inFlightCalls -= 1
                if let account {
                    state.inFlightByAccount[account, default: 1] -= 1
                    if state.inFlightByAccount[account] == 0 { state.inFlightByAccount[account] = nil }
                }
            }
        }
        if latency > .zero { try await Task.sleep(for: latency) }
        if let failure = failures["\(operation) \(id)"] { throw failure }
        return try answer()
    }
}

/// Real Organizations calls against moto with a small page size, every request counted by
/// operation (from the client's "AWS request" log records); regions are not asked.
struct MotoInventoryServices: InventoryServices {
    let organizationsClient: OrganizationsClient
    private let logs = GeneratorLogCapture()

    init(server: MotoServer, pageSize: Int) throws {
        let session = AWSSession(
            region: "us-east-1", credentialsProvider: MotoServer.credentialsProvider,
            environment: ["AWS_ENDPOINT_URL": server.endpoint.absoluteString, "HOME": "/nonexistent"], logger: logs.logger)
        var client = try session.organizations()
        client.pageSize = pageSize
        organizationsClient = client
    }

    var organizations: any OrganizationsAPI { organizationsClient }

    func enabledRegions(account: String) async throws -> [String] {
        ["us-east-1"]
    }

    /// Requests sent for `operation` (retries included).
    func requests(_ operation: String) -> Int {
        logs.operations(of: "AWS request").filter { $0 == operation }.count
    }
}

/// Records `PutObject` calls instead of writing.
final class RecordingS3: S3API, @unchecked Sendable {
    struct Put: Sendable {
        let bucket: String
        let key: String
        let body: Data
        let contentType: String?
        let acl: String?
    }

    private let recorded = Mutex<[Put]>([])
    var puts: [Put] { recorded.withLock { $0 } }

    func getObject(bucket: String, key: String) async throws -> Data {
        throw FakeOrganization.Failure(description: "NoSuchKey")
    }

    func putObject(bucket: String, key: String, body: Data, contentType: String?, acl: String?) async throws -> String? {
        recorded.withLock { $0.append(Put(bucket: bucket, key: key, body: body, contentType: contentType, acl: acl)) }
        return "\"etag\""
    }

    func listObjectsV2(bucket: String, prefix: String?) async throws -> [S3ObjectSummary] {
        []
    }
}

/// Collects log records (level, message and the `aws.operation` metadata) so tests can assert
/// what was logged.
final class GeneratorLogCapture: @unchecked Sendable {
    private let records = Mutex<[(level: Logger.Level, message: String, operation: String?)]>([])
    private let reportedPlans = Mutex<[PlanSummary]>([])

    /// The plans the ship reported as data (`Logger.plan`), in order.
    var plans: [PlanSummary] { reportedPlans.withLock { $0 } }

    var messages: [String] { records.withLock { $0.map(\.message) } }
    func messages(at level: Logger.Level) -> [String] { records.withLock { $0.filter { $0.level == level }.map(\.message) } }
    /// The `aws.operation` of each record whose message is `message`.
    func operations(of message: String) -> [String] {
        records.withLock { $0.filter { $0.message == message }.compactMap(\.operation) }
    }

    func append(_ level: Logger.Level, _ message: String, operation: String? = nil) {
        records.withLock { $0.append((level, message, operation)) }
    }

    var logger: Logger {
        var logger = Logger(label: "generator-test") { _ in
            CapturingLogHandler { record in
                self.append(record.level, record.message, operation: record.metadata["aws.operation"]?.description)
                if let plan = PlanSummary(metadata: record.metadata) { self.reportedPlans.withLock { $0.append(plan) } }
            }
        }
        logger.logLevel = .trace
        return logger
    }
}

/// Runs `AccountIndexGeneratorShip.execute` with doubles registered as its services.
struct GeneratorHarness {
    let organization: FakeOrganization
    let s3 = RecordingS3()
    let logs = GeneratorLogCapture()
    var maxConcurrency: Int? = nil
    var bucket = "index-bucket"
    var key = "accountIndex.json"

    init(_ organization: FakeOrganization, maxConcurrency: Int? = nil) {
        self.organization = organization
        self.maxConcurrency = maxConcurrency
    }

    func run(commit: Bool) async throws {
        let directory = try TemporaryDirectory(prefix: "generator-test")
        try directory.write("""
        STARFLEET:
          DeploymentRegion: us-east-1
          TemplateBucket: templates
          FanOutQueueUrl: https://sqs.us-east-1.amazonaws.com/111111111111/fan-out
        """, to: "starfleet.yaml")
        let configuration = try ConfigurationLoader().load(directory: directory.path)
        let section = try YAMLReader().read("""
        Enabled: true
        TemplatePrefix: AccountIndexGeneratorShip/
        InvocationQueueUrl: https://sqs.us-east-1.amazonaws.com/111111111111/generator
        InvocationSources: [S3]
        OrgAccountId: "111111111111"
        OrgAccountAssumeRole: org-reader
        OrgRootId: \(organization.rootId)
        DescribeRegionsAssumeRole: describe-regions
        \(maxConcurrency.map { "MaxConcurrency: \($0)" } ?? "")
        """)
        let shipConfiguration = try AccountIndexGeneratorShip.configurationTemplate.load(section)
        let payload = try AccountIndexGeneratorShip.payloadTemplate.load(YAMLReader().read("""
        TemplateName: GenerateAccountIndex
        TemplateDescription: Unit test.
        AccountInventoryBucket: \(bucket)
        InventoryBucketRegion: us-east-1
        InventoryObjectPrefix: \(key)
        """))
        var services = ServiceRegistry()
        services.register(organization as any InventoryServices, as: (any InventoryServices).self)
        services.register(s3 as any S3API, as: (any S3API).self)
        let context = ShipContext(
            configuration: configuration, shipConfiguration: shipConfiguration, logger: logs.logger,
            alerts: LoggingAlertSender(logger: logs.logger),
            accountIndex: { throw FakeOrganization.Failure(description: "no index in generator tests") },
            // No credentials and an unreachable endpoint: any real AWS call would fail loudly.
            environment: ["AWS_ENDPOINT_URL": "http://127.0.0.1:9", "HOME": "/nonexistent"], services: services)
        try await AccountIndexGeneratorShip(payload: Payload(payload)).execute(commit: commit, context: context)
    }

    /// The document written by the last commit run.
    func writtenDocument() throws -> (text: String, document: AccountIndexDocument) {
        guard let put = s3.puts.last else { throw FakeOrganization.Failure(description: "nothing was written") }
        return (String(decoding: put.body, as: UTF8.self), try AccountIndexDocument.decode(put.body))
    }
}
