import Foundation
import Starfleet
import StarfleetAWS
import StarfleetTestSupport
import Testing

/// The Lambda custom runtime driven through a local Runtime API stub, on the end-to-end moto
/// organization: the same binaries as in production (`starfleet` started as `bootstrap`,
/// `starfleet-lambda`, `starfleet lambda`).
@Suite("Lambda runtime end to end (Runtime API stub + moto)")
struct LambdaEndToEndTests {
    static let lambdaBinary = EndToEndWorld.root.appendingPathComponent(".build/debug/starfleet-lambda").path
    static let slackToken = "xoxb-4242-lambda-never-log"

    /// An SQS event as Lambda delivers it.
    static func sqsEvent(_ records: [(id: String, body: String)]) throws -> String {
        let list: [[String: Any]] = records.map { record in
            ["messageId": record.id, "receiptHandle": "handle-\(record.id)", "body": record.body,
             "attributes": ["ApproximateReceiveCount": "1"], "eventSource": "aws:sqs",
             "eventSourceARN": "arn:aws:sqs:us-east-1:000000000000:starfleet-iam-role-worker"]
        }
        return String(decoding: try JSONSerialization.data(withJSONObject: ["Records": list]), as: UTF8.self)
    }

    static func start(_ executable: String, arguments: [String] = [], stub: RuntimeAPIStub, handler: String,
                      configuration: String, world: EndToEndWorld.Fixture, extra: [String: String] = [:],
                      log: URL) throws -> BackgroundProcess {
        var environment = world.environment
        environment["AWS_LAMBDA_RUNTIME_API"] = stub.address
        environment["_HANDLER"] = handler
        environment["STARFLEET_CONFIG_DIR"] = configuration
        environment.merge(extra) { _, new in new }
        return try BackgroundProcess(executable, arguments, environment: environment, log: log)
    }

    @Test("worker:IamRoleWorkerShip started as bootstrap: 5 records, 2 invalid → exactly those 2 in batchItemFailures, 3 accounts converge; Slack down changes nothing")
    func workerBatchReportsOnlyTheInvalidRecords() async throws {
        let world = try await EndToEndWorld.shared.get()
        // Slack on, with its token in Secrets Manager, but Slack itself unreachable.
        let secretName = "starfleet-lambda-\(UUID().uuidString.prefix(8))"
        _ = try await world.session.secretsManager().createSecret(
            name: secretName, secretString: #"{"STARFLEET": {"SlackToken": "\#(Self.slackToken)"}}"#)
        let stack = try await FleetStack.make(world, name: "lambda-worker", rewrite: [
            ("LogLevel: INFO", "LogLevel: INFO\n  SlackEnabled: true\n  SecretsManager: {SecretId: \(secretName), SecretRegion: us-east-1}"),
            ("WorkerRoleSessionName: StarfleetIamRoleWorkerShip",
             "WorkerRoleSessionName: StarfleetIamRoleWorkerShip\n  AlertConfiguration: {ChannelId: C123, AlertPriority: INFORMATIONAL}"),
        ])
        let template = FleetEndToEndTests.rolePayload("LambdaBatchRole")
        let builder = FanOutMessageBuilder(template: yaml(template))
        let accounts = Array(world.memberIds.sorted().prefix(4))
        let invalidPayload = #"{"TemplateName": "NoRole", "TemplateDescription": "no Role key", "IncludeAccounts": {"AllAccounts": true}, "StarbaseAssignedAccount": "\#(accounts[3])"}"#
        let event = try Self.sqsEvent([
            ("m1", builder.body(account: accounts[0])),
            ("m2", "this is not JSON {"),
            ("m3", builder.body(account: accounts[1])),
            ("m4", invalidPayload),
            ("m5", builder.body(account: accounts[2])),
        ])
        let stub = try await RuntimeAPIStub.start([.init(id: "req-worker-1", event: event)])
        let directory = try TemporaryDirectory(prefix: "lambda-bootstrap")
        let bootstrap = directory.url.appendingPathComponent("bootstrap").path
        try FileManager.default.createSymbolicLink(atPath: bootstrap, withDestinationPath: EndToEndWorld.starfleetBinary)
        let deadSlack = try FreePort.find()
        let process = try Self.start(bootstrap, stub: stub, handler: "worker:IamRoleWorkerShip",
                                     configuration: stack.configuration, world: world,
                                     extra: ["STARFLEET_COMMIT": "True", "SLACK_API_URL": "http://127.0.0.1:\(deadSlack)/api"],
                                     log: directory.url.appendingPathComponent("lambda.log"))
        let results = try await stub.waitForResults(1, timeout: 120)
        process.signal(SIGTERM)
        _ = await process.exitStatus(timeout: 10)

        let result = try #require(results.first, "no result; log:\n\(process.text)")
        #expect(result.kind == "response", "\(result.body)\n\(process.text)")
        #expect(result.id == "req-worker-1")
        let failures = try #require(result.json?["batchItemFailures"] as? [[String: String]], "\(result.body)")
        #expect(failures.map { $0["itemIdentifier"] } == ["m2", "m4"])
        for account in accounts.prefix(3) {
            #expect(try await stack.iam(account).getRole(roleName: "LambdaBatchRole") != nil, "no role in \(account)")
        }
        #expect(try await stack.iam(accounts[3]).getRole(roleName: "LambdaBatchRole") == nil)

        // JSON lines on stdout, each with the request id while the invocation runs; the token nowhere.
        let lines = process.text.split(separator: "\n").map(String.init)
        let okLine = try #require(lines.first { $0.contains("Template OK") }, "\(process.text)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(okLine.utf8)) as? [String: Any])
        #expect(object["request_id"] as? String == "req-worker-1")
        #expect(object["ship"] as? String == "IamRoleWorkerShip")
        #expect(process.text.contains("COMMIT mode (STARFLEET_COMMIT=true)"))
        #expect(process.text.contains(#""slack_error": "slack_unreachable""#), "Slack was not even tried:\n\(process.text)")
        #expect(!process.text.contains(Self.slackToken))
    }

    @Test("starbase-timed in starfleet-lambda: a handler error is reported and the next invocation tasks the right ships")
    func timedHandlerSurvivesAnErrorAndTasksTheTimedShips() async throws {
        let world = try await EndToEndWorld.shared.get()
        #expect(FileManager.default.isExecutableFile(atPath: Self.lambdaBinary), "build starfleet-lambda first")
        let stack = try await FleetStack.make(world, name: "lambda-timed")
        for key in ["IamRoleWorkerShip/a.yaml", "IamRoleWorkerShip/nested/b.yaml", "IamRoleWorkerShip/notes.txt"] {
            try await stack.upload(FleetEndToEndTests.rolePayload("TimedRole"), key: key)
        }
        let stub = try await RuntimeAPIStub.start([
            .init(id: "req-bad", event: #"{"name": "WEEKLY"}"#),
            .init(id: "req-timed", event: #"{"name": "SIX_HOURLY"}"#),
        ])
        let directory = try TemporaryDirectory(prefix: "lambda-timed")
        let process = try Self.start(Self.lambdaBinary, stub: stub, handler: "starbase-timed", configuration: stack.configuration,
                                     world: world, log: directory.url.appendingPathComponent("lambda.log"))
        let results = try await stub.waitForResults(2, timeout: 60)
        process.signal(SIGTERM)
        _ = await process.exitStatus(timeout: 10)

        #expect(results.count == 2, "\(process.text)")
        let error = try #require(results.first { $0.id == "req-bad" })
        #expect(error.kind == "error")
        #expect(error.headers["Lambda-Runtime-Function-Error-Type"] == "Starfleet.InvalidEvent")
        #expect((error.json?["errorMessage"] as? String)?.contains("'WEEKLY' is not a valid EventBridgeFrequency") == true)
        let response = try #require(results.first { $0.id == "req-timed" })
        #expect(response.kind == "response", "\(response.body)")
        #expect(response.json?["tasked"] as? Int == 2)

        // Only the SIX_HOURLY ship, one message per .yaml template (S3 notifications share the queue).
        let tasked = try await stack.peek(stack.fanOutQueue.url).compactMap { message -> String? in
            message.body.contains("\"worker_ship\"") ? message.body : nil
        }
        #expect(tasked.sorted() == [
            #"{"worker_ship": "IamRoleWorkerShip", "template_prefix": "IamRoleWorkerShip/a.yaml"}"#,
            #"{"worker_ship": "IamRoleWorkerShip", "template_prefix": "IamRoleWorkerShip/nested/b.yaml"}"#,
        ])
        #expect(results.map(\.id) == ["req-bad", "req-timed"])
    }

    @Test("starfleet lambda with an invalid configuration: init error reported, exit status 1")
    func anInvalidConfigurationIsAnInitError() async throws {
        let world = try await EndToEndWorld.shared.get()
        let directory = try TemporaryDirectory(prefix: "lambda-init")
        try directory.write("""
        STARFLEET:
          DeploymentRegion: us-east-1
          FanOutQueueUrl: https://sqs.us-east-1.amazonaws.com/000000000000/q

        """, to: "config/starfleet.yaml")
        let stub = try await RuntimeAPIStub.start([.init(id: "never", event: "{}")])
        let process = try Self.start(EndToEndWorld.starfleetBinary, arguments: ["lambda"], stub: stub, handler: "starbase-fanout",
                                     configuration: directory.url.appendingPathComponent("config").path, world: world,
                                     log: directory.url.appendingPathComponent("lambda.log"))
        let status = await process.exitStatus(timeout: 30)
        #expect(status == 1, "\(process.text)")
        let state = try await stub.state()
        #expect(state.next_calls == 0)
        let initError = try #require(state.results.first)
        #expect(initError.kind == "init_error")
        #expect(initError.headers["Lambda-Runtime-Function-Error-Type"] == "Starfleet.InvalidConfiguration")
        #expect((initError.json?["errorMessage"] as? String)?.contains("TemplateBucket") == true, "\(initError.body)")
    }
}
