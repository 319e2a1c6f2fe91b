import Foundation
import Logging
import Starfleet
import StarfleetAWS
import StarfleetSchema
import StarfleetTestSupport
import Synchronization

@testable import WorkerShips

/// Shared by the AwsConfig* and IamRole* suites: the fixture account index, a ship context with
/// captured logs and alerts, and payload loading.
enum ShipFixtures {
    static let indexPath = RepositoryPaths.fixture("ships/account_index.json").path
    static let repository = RepositoryPaths.root

    static let management = "111111111111"
    static let paymentsProd = "222222222222"
    static let dataStaging = "333333333333"
    static let sandboxDev = "444444444444"
    static let securityTooling = "555555555555"
    static let legacyTest = "666666666666"
    static let members = [paymentsProd, dataStaging, sandboxDev, securityTooling, legacyTest]

    static func index() throws -> DefaultAccountIndex {
        try DefaultAccountIndex(data: Data(contentsOf: URL(fileURLWithPath: indexPath)))
    }

    static func configuration(scopeToRegions: [String] = []) throws -> Configuration {
        var text = """
        STARFLEET:
          DeploymentRegion: us-east-1
          TemplateBucket: starfleet-templates
          FanOutQueueUrl: https://sqs.us-east-1.amazonaws.com/000000000000/starfleet-fan-out-queue
          AccountIndex: StarfleetDefaultAccountIndex
        """
        if !scopeToRegions.isEmpty { text += "\n  ScopeToRegions: [\(scopeToRegions.joined(separator: ", "))]" }
        return try configuration(yaml: text)
    }

    /// A configuration from one YAML document of sections, as if loaded from a directory.
    static func configuration(yaml text: String) throws -> Configuration {
        let node = try YAMLReader().read(text)
        guard case .mapping(let pairs) = node.value else { fatalError("not a mapping") }
        return Configuration(directory: "/nonexistent", files: [],
                             sections: .init(uniqueKeysWithValues: pairs.map { ($0.key.value.keyDescription, $0.value) }),
                             sectionFiles: [:], warnings: [])
    }

    /// Loads a payload through `Ship`'s template; fails the test with the error tree otherwise.
    static func load<Ship: WorkerShip>(_ ship: Ship.Type, _ yaml: String, account: String, region: String? = nil) throws -> Ship {
        let node = try YAMLReader().read(yaml)
        var payload = Payload(try Ship.payloadTemplate.load(node))
        payload["starbase_assigned_account"] = .string(account)
        if let region { payload["starbase_assigned_region"] = .string(region) }
        return Ship(payload: payload)
    }

    /// The error entries of loading `yaml` with `schema`, as "path: message".
    static func errors(_ schema: Schema, _ yaml: String) throws -> [String] {
        let node = try YAMLReader().read(yaml)
        return schema.validate(node).entries().map { "\($0.pathDescription): \($0.message)" }
    }
}

/// Log records and alerts of one ship run.
final class ShipRecorder: Sendable {
    struct Record: Sendable {
        let level: Logger.Level
        let message: String
        let plan: PlanSummary?
    }

    private let records = Mutex<[Record]>([])
    private let sentAlerts = Mutex<[Alert]>([])

    var messages: [String] { records.withLock { $0.map(\.message) } }
    var text: String { messages.joined(separator: "\n") }
    var alerts: [Alert] { sentAlerts.withLock { $0 } }
    /// The plans the ship reported as data (`Logger.plan`), in order.
    var plans: [PlanSummary] { records.withLock { $0.compactMap(\.plan) } }

    func messages(at level: Logger.Level) -> [String] { records.withLock { $0.filter { $0.level == level }.map(\.message) } }

    func append(_ record: Record) { records.withLock { $0.append(record) } }
    func append(_ alert: Alert) { sentAlerts.withLock { $0.append(alert) } }

    var logger: Logger {
        var logger = Logger(label: "ship-test") { _ in
            CapturingLogHandler(level: .debug) {
                self.append(Record(level: $0.level, message: $0.message, plan: PlanSummary(metadata: $0.metadata)))
            }
        }
        logger.logLevel = .debug
        return logger
    }

    /// A context with the fixture index, alerts at INFORMATIONAL (everything is sent) and `services`.
    func context(services: ServiceRegistry, shipConfiguration: PayloadMap = [:], scopeToRegions: [String] = []) throws -> ShipContext {
        let index = try ShipFixtures.index()
        var settings = shipConfiguration
        settings["alert_configuration"] = .map(["channel_id": .string("C123"), "alert_priority": .string("INFORMATIONAL")])
        return ShipContext(configuration: try ShipFixtures.configuration(scopeToRegions: scopeToRegions), shipConfiguration: settings,
                           logger: logger, alerts: RecordingAlertSender(recorder: self), accountIndex: { index },
                           environment: [:], services: services)
    }
}

struct RecordingAlertSender: AlertSender {
    let recorder: ShipRecorder
    func send(_ alert: Alert) async { recorder.append(alert) }
}

/// An HTTP transport that answers from a script and records requests (client-level tests).
final class ScriptedTransport: HTTPTransport, Sendable {
    private let script: Mutex<[AWSHTTPResponse]>
    private let received = Mutex<[AWSHTTPRequest]>([])

    init(_ responses: [AWSHTTPResponse]) {
        script = Mutex(responses)
    }

    var requests: [AWSHTTPRequest] { received.withLock { $0 } }

    /// The form parameters of each request (Query protocol).
    var forms: [[String: String]] {
        requests.map { request in
            var form: [String: String] = [:]
            for pair in String(decoding: request.body, as: UTF8.self).split(separator: "&") {
                let parts = pair.split(separator: "=", maxSplits: 1).map { String($0).removingPercentEncoding ?? String($0) }
                form[parts[0]] = parts.count > 1 ? parts[1] : ""
            }
            return form
        }
    }

    func send(_ request: AWSHTTPRequest, timeout: TimeInterval) async throws -> AWSHTTPResponse {
        received.withLock { $0.append(request) }
        return script.withLock { responses in
            responses.count > 1 ? responses.removeFirst() : responses[0]
        }
    }

    static func xml(_ body: String, status: Int = 200) -> AWSHTTPResponse { .xml(body, status: status) }
    static func json(_ body: String, status: Int = 200) -> AWSHTTPResponse { .json(body, status: status) }

    /// A session whose clients talk to this transport without retries' waiting.
    func session(maxAttempts: Int = 3) -> AWSSession {
        AWSSession(
            region: "us-east-1", credentialsProvider: StaticCredentialsProvider(
                accessKeyId: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", sessionToken: "SESSIONTOKENSECRETVALUE"),
            environment: ["AWS_ENDPOINT_URL": "http://127.0.0.1:1"], transport: self,
            configuration: AWSClientConfiguration(retryPolicy: RetryPolicy(maxAttempts: maxAttempts, baseDelay: 0.001, maxDelay: 0.002)))
    }
}

extension AWSHTTPResponse {
    static func xml(_ body: String, status: Int = 200) -> AWSHTTPResponse {
        AWSHTTPResponse(statusCode: status, headers: ["Content-Type": "text/xml"], body: Data(body.utf8))
    }

    static func json(_ body: String, status: Int = 200) -> AWSHTTPResponse {
        AWSHTTPResponse(statusCode: status, headers: ["Content-Type": "application/x-amz-json-1.1"], body: Data(body.utf8))
    }
}

// MARK: - End to end through the binary

/// One moto_server per end-to-end suite (the suites change state and reset it between tests),
/// the built `starfleet` binary, the example configuration and the fixture account index.
actor ShipEndToEnd {
    static let binary = RepositoryPaths.root.appendingPathComponent(".build/debug/starfleet").path
    static let configuration = RepositoryPaths.root.appendingPathComponent("examples/configuration").path

    struct World: Sendable {
        let server: MotoServer
        let environment: [String: String]
        let directory: TemporaryDirectory

        /// `starfleet run SHIP --config examples/configuration --account-index <fixture> …`.
        func run(_ ship: String, payload: String, account: String, region: String? = nil, commit: Bool = false) async throws -> ProcessResult {
            var arguments = ["run", ship, "--config", ShipEndToEnd.configuration, "--account-index", ShipFixtures.indexPath,
                             "--payload", payload, "--account-id", account]
            if let region { arguments += ["--region", region] }
            if commit { arguments.append("--commit") }
            return try await ProcessRunner.run(ShipEndToEnd.binary, arguments, environment: environment, timeout: 120)
        }

        func starfleet(_ arguments: [String]) async throws -> ProcessResult {
            try await ProcessRunner.run(ShipEndToEnd.binary, arguments, environment: environment, timeout: 60)
        }

        func payload(_ text: String) throws -> String {
            try directory.write(text, to: "payloads/\(UUID().uuidString.prefix(8)).yaml").path
        }

        /// A session acting in `account` through moto's AssumeRole, like the ships.
        func session(account: String, region: String = "us-east-1") throws -> AWSSession {
            try AWSSession(region: region, credentialsProvider: MotoServer.credentialsProvider,
                           environment: ["AWS_ENDPOINT_URL": server.endpoint.absoluteString, "HOME": "/nonexistent"])
                .assumingRole(roleArn: "arn:aws:iam::\(account):role/test-inspector", sessionName: "starfleet-tests")
        }

        func iam(_ account: String) throws -> IAMClient { try session(account: account).iam() }

        func config(_ account: String, _ region: String) throws -> ConfigServiceClient {
            try session(account: account, region: region).configService(region: region)
        }
    }

    private var world: Task<World, any Error>?

    func get() async throws -> World {
        if let world { return try await world.value }
        let task = Task { () async throws -> World in
            guard FileManager.default.isExecutableFile(atPath: Self.binary) else {
                throw ShipFailure("\(Self.binary) is missing: build first with `swift build --build-tests`")
            }
            let server = try await MotoServer.start()
            var environment = server.inheritedClientEnvironment
            environment["STARFLEET_CONFIG_DIR"] = nil
            environment["STARFLEET_REGIONS_FILE"] = nil
            return World(server: server, environment: environment, directory: try TemporaryDirectory(prefix: "starfleet-ships-e2e"))
        }
        world = task
        return try await task.value
    }

    /// A clean server for the next test.
    func reset() async throws -> World {
        let world = try await get()
        try await world.server.reset()
        return world
    }
}

extension ProcessResult {
    /// The plan block of a run's log: from the first plan entry to the `Plan:`/`Applied:` line.
    var planBlock: String? {
        let lines = stderrText.components(separatedBy: "\n")
        guard let end = lines.firstIndex(where: { $0.hasPrefix("Plan: ") || $0.hasPrefix("Applied: ") }) else { return nil }
        var start = end
        while start > 0, let first = lines[start - 1].first, ["+", "~", "-", " "].contains(first) { start -= 1 }
        return lines[start...end].joined(separator: "\n")
    }
}
