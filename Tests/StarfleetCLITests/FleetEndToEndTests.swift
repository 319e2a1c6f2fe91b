import Foundation
import Starfleet
import StarfleetAWS
import StarfleetTestSupport
import Testing

/// The fleet running itself on one moto_server: template upload → S3 notification → Starbase
/// fan-out → ship queues → workers, with the queues' own redrive policies (issue 10).
@Suite("fleet end to end (Starbase and workers on SQS)")
struct FleetEndToEndTests {
    static func rolePayload(_ roleName: String, policy: String? = nil) -> String {
        """
        TemplateName: \(roleName)
        TemplateDescription: A role in every member account, through the fleet.
        IncludeAccounts:
          AllAccounts: true
        Role:
          RoleName: \(roleName)
          Description: Fleet role for {{ var.account_name }}
          AssumeRolePolicyDocument:
            Statement:
              - Effect: Allow
                Principal: {AWS: "arn:aws:iam::000000000001:root"}
                Action: sts:AssumeRole
        \(policy.map { "  ManagedPolicies:\n    - PolicyArn: \"arn:aws:iam::{{ var.account_id }}:policy/\($0)\"" } ?? "")
          Tags:
            - {Key: managed-by, Value: starfleet}

        """
    }

    @Test("IAM role template over the organization: upload → fanout → worker converges every account, queue empty")
    func iamRoleTemplateConvergesEveryAccount() async throws {
        let world = try await EndToEndWorld.shared.get()
        let stack = try await FleetStack.make(world, name: "iam")
        let queue = try stack.queue("IamRoleWorkerShip")
        let template = Self.rolePayload("FleetAuditRole")
        try await stack.upload(template, key: "IamRoleWorkerShip/audit role.yaml")
        try await stack.fanOut()
        #expect(try await stack.depth(stack.fanOutQueue.url) == (0, 0))

        // Exactly one message per resolved account, bodies as the original's workers expect.
        let messages = try await stack.peek(queue.url)
        let accounts = messages.compactMap { message -> String? in
            let object = try? JSONSerialization.jsonObject(with: Data(message.body.utf8)) as? [String: Any]
            return object?["StarbaseAssignedAccount"] as? String
        }
        #expect(accounts.count == messages.count)
        #expect(Set(accounts) == world.memberIds)
        #expect(accounts.count == 20)
        let expected = FanOutMessageBuilder(template: yaml(template)).body(account: accounts[0])
        #expect(messages.first { $0.body.contains(accounts[0]) }?.body == expected)
        #expect(expected.hasPrefix(#"{"TemplateName": "FleetAuditRole", "TemplateDescription": "#))
        #expect(expected.hasSuffix(#", "StarbaseAssignedAccount": "\#(accounts[0])"}"#))

        let worker = try await stack.starfleet(["worker", "IamRoleWorkerShip", "--commit", "--once", "--concurrency", "8",
                                                "--log-format", "jsonl"])
        #expect(worker.exitCode == 0, "\(worker.summary)")
        #expect(worker.stderrText.contains("COMMIT mode (--commit)"))
        for account in world.memberIds {
            let role = try await stack.iam(account).getRole(roleName: "FleetAuditRole")
            #expect(role != nil, "no role in \(account)")
        }
        #expect(try await stack.depth(queue.url) == (0, 0))
        // jsonl lines carry the ship, the message id and the account.
        let line = try #require(worker.stderrText.split(separator: "\n").first { $0.contains("Template OK") })
        let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        #expect(object["ship"] as? String == "IamRoleWorkerShip")
        #expect((object["message_id"] as? String)?.isEmpty == false)
        #expect(world.memberIds.contains(object["account"] as? String ?? ""))

        // SQS is at-least-once: the same message again converges to the same state.
        try await stack.send(expected, to: queue.url)
        let again = try await stack.starfleet(["worker", "IamRoleWorkerShip", "--commit", "--once"])
        #expect(again.exitCode == 0, "\(again.summary)")
        #expect(try await stack.iam(accounts[0]).getRole(roleName: "FleetAuditRole") != nil)
        #expect(try await stack.depth(queue.url) == (0, 0))
    }

    @Test("ACCOUNT_REGION: AwsConfigWorkerShip gets one message per account and region and converges them")
    func awsConfigTemplateConvergesEveryAccountAndRegion() async throws {
        let world = try await EndToEndWorld.shared.get()
        let stack = try await FleetStack.make(world, name: "config")
        let queue = try stack.queue("AwsConfigWorkerShip")
        try await stack.upload("""
            TemplateName: FleetConfig
            TemplateDescription: AWS Config through the fleet
            IncludeAccounts:
              AllAccounts: true
            IncludeRegions: [us-east-1, eu-west-1]
            DefaultConfiguration:
              DeliveryChannelDetails:
                BucketName: central-config
                BucketKeyPrefix: fleet
                S3DeliveryFrequency: TwentyFour_Hours
              RecorderConfiguration:
                ConfigRoleName: ConfigRecorder
                RecordingEnabled: true
                RecordingGroup:
                  RecordEverything:
                    RecordGlobalsInTheseRegions: [us-east-1]
              RetentionPeriodInDays: 400
            """, key: "AwsConfigWorkerShip/config.yaml")
        try await stack.fanOut()
        let messages = try await stack.peek(queue.url)
        let pairs = Set(messages.compactMap { message -> String? in
            guard let object = try? JSONSerialization.jsonObject(with: Data(message.body.utf8)) as? [String: Any],
                  let account = object["StarbaseAssignedAccount"] as? String, let region = object["StarbaseAssignedRegion"] as? String
            else { return nil }
            return "\(account)/\(region)"
        })
        let expected = Set(world.memberIds.flatMap { ["\($0)/us-east-1", "\($0)/eu-west-1"] })
        #expect(messages.count == 40)
        #expect(pairs == expected)

        let worker = try await stack.starfleet(["worker", "AwsConfigWorkerShip", "--commit", "--once", "--concurrency", "8"])
        #expect(worker.exitCode == 0, "\(worker.summary)")
        for account in world.memberIds.sorted().prefix(5) {
            for region in ["us-east-1", "eu-west-1"] {
                let config = try world.session
                    .assumingRole(roleArn: "arn:aws:iam::\(account):role/fleet-tests", sessionName: "fleet-tests", region: region)
                    .configService(region: region)
                #expect(try await config.describeRetentionConfigurations().first?.retentionPeriodInDays == 400, "\(account)/\(region)")
            }
        }
        #expect(try await stack.depth(queue.url) == (0, 0))
    }

    @Test("SINGLE_INVOCATION: the generator template goes out untouched and the worker writes the index")
    func generatorTemplateWritesTheIndex() async throws {
        let world = try await EndToEndWorld.shared.get()
        let stack = try await FleetStack.make(world, name: "generator")
        // The generator creates the index: neither the Starbase nor its worker may need the index section.
        let starfleetFile = stack.configuration + "/starfleet.yaml"
        let withoutIndex = EndToEndWorld.removingIndexSection(try String(contentsOfFile: starfleetFile, encoding: .utf8))
        #expect(!withoutIndex.contains("StarfleetDefaultAccountIndex:") && withoutIndex.contains("STARFLEET:"))
        try withoutIndex.write(toFile: starfleetFile, atomically: true, encoding: .utf8)
        let queue = try stack.queue("AccountIndexGeneratorShip")
        let template = EndToEndWorld.generatorPayload(bucket: EndToEndWorld.indexBucket, key: "fleet/accountIndex.json")
        try await stack.upload(template, key: "AccountIndexGeneratorShip/generate.yaml")
        try await stack.fanOut()
        let messages = try await stack.peek(queue.url)
        #expect(messages.map(\.body) == [FanOutMessageBuilder(template: yaml(template)).singleInvocation()])
        #expect(messages.first?.body.contains("StarbaseAssigned") == false)

        let worker = try await stack.starfleet(["worker", "AccountIndexGeneratorShip", "--once"],
                                               timeout: 240)
        // Dry run: nothing written, but the message is consumed.
        #expect(worker.exitCode == 0, "\(worker.summary)")
        #expect(worker.stderrText.contains("DRY RUN (no --commit and no STARFLEET_COMMIT=true)"))
        #expect(try await world.objectKeys(in: EndToEndWorld.indexBucket, prefix: "fleet/").isEmpty)

        try await stack.send(messages[0].body, to: queue.url)
        var environment = world.environment
        environment["STARFLEET_COMMIT"] = "True"
        let committed = try await ProcessRunner.run(
            EndToEndWorld.starfleetBinary, ["worker", "AccountIndexGeneratorShip", "--once", "--config", stack.configuration],
            environment: environment, timeout: 240)
        #expect(committed.exitCode == 0, "\(committed.summary)")
        #expect(committed.stderrText.contains("COMMIT mode (STARFLEET_COMMIT=true)"))
        let index = try DefaultAccountIndex(data: try await world.object(EndToEndWorld.indexBucket, "fleet/accountIndex.json"))
        #expect(world.memberIds.allSatisfy { index.name(of: $0) != nil })
        #expect(try await stack.depth(queue.url) == (0, 0))
    }

    @Test("starbase timed HOURLY tasks exactly the HOURLY ships' templates; DAILY tasks none")
    func timedTaskingFollowsTheFrequency() async throws {
        let world = try await EndToEndWorld.shared.get()
        let stack = try await FleetStack.make(world, name: "timed", rewrite: [
            ("EventBridgeTimedFrequency: SIX_HOURLY", "EventBridgeTimedFrequency: HOURLY"),
            ("EventBridgeTimedFrequency: DAILY", "EventBridgeTimedFrequency: SIX_HOURLY"),
        ])
        for key in ["AccountIndexGeneratorShip/a.yaml", "IamRoleWorkerShip/b.yaml", "IamRoleWorkerShip/nested/c.yaml",
                    "IamRoleWorkerShip/notes.txt", "AwsConfigWorkerShip/d.yaml"] {
            try await stack.upload("TemplateName: x\n", key: key)
        }
        let daily = try await stack.starfleet(["starbase", "timed", "DAILY"])
        #expect(daily.exitCode == 0, "\(daily.summary)")
        #expect(daily.stderrText.contains("[🌑] No ships to task for the timed event: DAILY."))

        let dryRun = try await stack.starfleet(["starbase", "timed", "HOURLY", "--dry-run"])
        #expect(dryRun.exitCode == 0, "\(dryRun.summary)")
        #expect(dryRun.stdoutText.split(separator: "\n").count == 3)
        #expect(try await stack.peek(stack.fanOutQueue.url).allSatisfy { !$0.body.contains("worker_ship") })

        let hourly = try await stack.starfleet(["starbase", "timed", "HOURLY", "--format", "json"])
        #expect(hourly.exitCode == 0, "\(hourly.summary)")
        let expected = [
            #"{"worker_ship": "AccountIndexGeneratorShip", "template_prefix": "AccountIndexGeneratorShip/a.yaml"}"#,
            #"{"worker_ship": "IamRoleWorkerShip", "template_prefix": "IamRoleWorkerShip/b.yaml"}"#,
            #"{"worker_ship": "IamRoleWorkerShip", "template_prefix": "IamRoleWorkerShip/nested/c.yaml"}"#,
        ]
        let timed = try await stack.peek(stack.fanOutQueue.url).map(\.body).filter { $0.contains("worker_ship") }
        #expect(timed.sorted() == expected)

        let unknown = try await stack.starfleet(["starbase", "timed", "WEEKLY"])
        #expect(unknown.exitCode == 2)
        #expect(unknown.stderrText.contains("'WEEKLY' is not a valid EventBridgeFrequency"))
    }

    @Test("a poison message reaches the dead-letter queue without stopping the worker; SIGTERM then exits 0")
    func poisonMessageGoesToTheDeadLetterQueue() async throws {
        let world = try await EndToEndWorld.shared.get()
        let stack = try await FleetStack.make(world, name: "poison", maxReceiveCount: 2, visibilityTimeout: 1)
        let queue = try stack.queue("IamRoleWorkerShip")
        let account = try #require(world.memberIds.sorted().first)
        try await stack.send(#"{"TemplateName": "Poison"}"#, to: queue.url)
        try await stack.send(FanOutMessageBuilder(template: yaml(Self.rolePayload("FleetPoisonNeighbour"))).body(account: account),
                             to: queue.url)
        let worker = try BackgroundProcess(
            EndToEndWorld.starfleetBinary, ["worker", "IamRoleWorkerShip", "--commit", "--config", stack.configuration],
            environment: world.environment, log: world.directory.url.appendingPathComponent("poison-worker.log"))
        var deadLettered: [SQSMessage] = []
        for _ in 0..<60 where deadLettered.isEmpty {
            try await Task.sleep(nanoseconds: 500_000_000)
            deadLettered = try await stack.sqs.receiveMessages(queueURL: queue.dlq_url, maxMessages: 10, waitSeconds: 0, visibilityTimeout: 30)
        }
        #expect(deadLettered.map(\.body) == [#"{"TemplateName": "Poison"}"#])
        #expect(worker.process.isRunning)
        #expect(try await stack.iam(account).getRole(roleName: "FleetPoisonNeighbour") != nil)
        #expect(worker.text.contains("failed (receive count 2)"))
        worker.signal(SIGTERM)
        #expect(await worker.exitStatus(timeout: 60) == 0, "\(worker.text)")
    }

    @Test("a ship that throws fails only its own message")
    func aThrowingShipFailsOnlyItsMessage() async throws {
        let world = try await EndToEndWorld.shared.get()
        let stack = try await FleetStack.make(world, name: "throwing", visibilityTimeout: 30)
        let queue = try stack.queue("IamRoleWorkerShip")
        let accounts = world.memberIds.sorted()
        // The policy exists everywhere but in the first account: attaching it there throws mid-way.
        let document = #"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:ListAllMyBuckets", "Resource": "*"}]}"#
        for account in accounts.dropFirst() {
            try await stack.iam(account).createPolicy(policyName: "FleetPolicy", policyDocument: document)
        }
        try await stack.upload(Self.rolePayload("FleetThrowing", policy: "FleetPolicy"), key: "IamRoleWorkerShip/throwing.yaml")
        try await stack.fanOut()
        let worker = try await stack.starfleet(["worker", "IamRoleWorkerShip", "--commit", "--once", "--concurrency", "4"])
        #expect(worker.exitCode == 3, "\(worker.summary)")
        #expect(worker.stderrText.components(separatedBy: "[💥] Message").count - 1 == 1)
        for account in accounts.dropFirst() {
            let attached = try await stack.iam(account).listAttachedRolePolicies(roleName: "FleetThrowing")
            #expect(attached.count == 1, "\(account)")
        }
        // The failed message stays for the redrive policy.
        #expect(try await stack.depth(queue.url) == (0, 1))
    }

    @Test("SIGTERM during a run finishes that message and exits 0")
    func sigtermFinishesTheMessageInFlight() async throws {
        let world = try await EndToEndWorld.shared.get()
        let stack = try await FleetStack.make(world, name: "sigterm")
        let queue = try stack.queue("ProbeAccountShip")
        let markers = try await world.makeBucket("fleet-sigterm-markers")
        let account = try #require(world.memberIds.sorted().first)
        let body = #"{"TemplateName": "Slow", "TemplateDescription": "d", "IncludeAccounts": {"AllAccounts": true}, "MarkerBucket": "\#(markers)", "DelaySeconds": 3, "StarbaseAssignedAccount": "\#(account)"}"#
        try await stack.send(body, to: queue.url)
        let worker = try BackgroundProcess(
            EndToEndWorld.probeBinary, ["worker", "ProbeAccountShip", "--commit", "--config", stack.configuration],
            environment: world.environment, log: world.directory.url.appendingPathComponent("sigterm-worker.log"))
        #expect(await worker.wait(for: "Waiting 3 s", timeout: 60), "\(worker.text)")
        worker.signal(SIGTERM)
        #expect(await worker.exitStatus(timeout: 60) == 0, "\(worker.text)")
        #expect(worker.text.contains("Received SIGTERM"))
        #expect(try await world.objectKeys(in: markers) == ["probe/ProbeAccountShip/\(account).json"])
        #expect(try await stack.depth(queue.url) == (0, 0))
    }

    @Test("a second signal aborts the message in flight (exit 130)")
    func aSecondSignalAborts() async throws {
        let world = try await EndToEndWorld.shared.get()
        let stack = try await FleetStack.make(world, name: "abort")
        let queue = try stack.queue("ProbeAccountShip")
        let account = try #require(world.memberIds.sorted().first)
        let body = #"{"TemplateName": "Slower", "TemplateDescription": "d", "IncludeAccounts": {"AllAccounts": true}, "MarkerBucket": "fleet-abort-unused", "DelaySeconds": 60, "StarbaseAssignedAccount": "\#(account)"}"#
        try await stack.send(body, to: queue.url)
        let worker = try BackgroundProcess(
            EndToEndWorld.probeBinary, ["worker", "ProbeAccountShip", "--commit", "--config", stack.configuration],
            environment: world.environment, log: world.directory.url.appendingPathComponent("abort-worker.log"))
        #expect(await worker.wait(for: "Waiting 60 s", timeout: 60), "\(worker.text)")
        worker.signal(SIGINT)
        #expect(await worker.wait(for: "Received SIGINT", timeout: 10))
        worker.signal(SIGTERM)
        #expect(await worker.exitStatus(timeout: 30) == 130, "\(worker.text)")
        #expect(worker.text.contains("Received SIGTERM again: aborting"))
        // Not deleted: it returns to the queue after its visibility timeout.
        #expect(try await stack.depth(queue.url) == (0, 1))
    }

    @Test("starbase fanout --dry-run prints the messages and sends and deletes nothing")
    func fanOutDryRunSendsNothing() async throws {
        let world = try await EndToEndWorld.shared.get()
        let stack = try await FleetStack.make(world, name: "dryrun")
        let queue = try stack.queue("IamRoleWorkerShip")
        try await stack.upload(Self.rolePayload("FleetDryRun"), key: "IamRoleWorkerShip/dry.yaml")
        let result = try await stack.starfleet(["starbase", "fanout", "--once", "--dry-run"])
        #expect(result.exitCode == 0, "\(result.summary)")
        let lines = result.stdoutText.split(separator: "\n")
        #expect(lines.count == 20)
        let first = try #require(try JSONSerialization.jsonObject(with: Data((lines.first ?? "").utf8)) as? [String: Any])
        #expect(first["ship"] as? String == "IamRoleWorkerShip")
        #expect(first["queue_url"] as? String == queue.url)
        #expect((first["MessageBody"] as? String)?.contains("StarbaseAssignedAccount") == true)
        #expect(try await stack.depth(queue.url) == (0, 0))
        // Both fan-out messages (the S3 test event and the upload) are still on their queue.
        #expect(try await stack.depth(stack.fanOutQueue.url).inFlight == 2)
    }
}
