import Foundation
import Starfleet
import StarfleetSchema
import StarfleetTestSupport
import Testing
import WorkerShips

/// `deploy/template.yaml` and `deploy/member-account-role.yaml`: lint-clean, a queue, a DLQ and a
/// partial-batch worker function for every configured ship, the seven schedules, and IAM that is
/// exactly what Docs/ships documents.
@Suite("Deployment templates")
struct DeploymentTemplateTests {
    static let deploy = RepositoryPaths.root.appendingPathComponent("deploy")

    static func resources(_ file: String) throws -> PayloadMap {
        let node = try YAMLReader().read(contentsOf: deploy.appendingPathComponent(file).path)
        return try #require(PayloadValue(raw: node).map?["Resources"]?.map)
    }

    static func ofType(_ type: String, in resources: PayloadMap) -> [(id: String, properties: PayloadMap)] {
        resources.compactMap { id, value in
            guard value.map?["Type"]?.string == type else { return nil }
            return (id, value.map?["Properties"]?.map ?? [:])
        }
    }

    /// Every statement of a role's inline policies; `!If [cond, statement, AWS::NoValue]` counts its statement.
    static func statements(of properties: PayloadMap) -> [PayloadMap] {
        let policies = properties["Policies"]?.list ?? []
        return policies.flatMap { policy -> [PayloadMap] in
            (policy.map?["PolicyDocument"]?.map?["Statement"]?.list ?? []).flatMap { item -> [PayloadMap] in
                if let map = item.map { return [map] }
                return (item.list ?? []).compactMap(\.map)
            }
        }
    }

    static func strings(_ value: PayloadValue?) -> [String] {
        if let text = value?.string { return [text] }
        return (value?.list ?? []).compactMap(\.string)
    }

    @Test func cfnLintPassesOnBothTemplates() async throws {
        let lint = try #require(ProcessRunner.which("cfn-lint"), "cfn-lint is not installed: run scripts/ensure-deps")
        let result = try await ProcessRunner.run(
            lint, [Self.deploy.appendingPathComponent("template.yaml").path, Self.deploy.appendingPathComponent("member-account-role.yaml").path],
            timeout: 180)
        #expect(result.exitCode == 0, "\(result.summary)")
    }

    @Test func everyConfiguredShipHasAQueueADeadLetterQueueAndAPartialBatchWorker() throws {
        let resources = try Self.resources("template.yaml")
        let configuration = try ConfigurationLoader().load(directory: RepositoryPaths.root.appendingPathComponent("examples/configuration").path)
        let ships = ShipRegistry(fleet: .default, configuration: configuration).enabledShips
        #expect(ships.count == 4)
        let queues = Self.ofType("AWS::SQS::Queue", in: resources)
        let functions = Self.ofType("AWS::Lambda::Function", in: resources)
        let mappings = Self.ofType("AWS::Lambda::EventSourceMapping", in: resources)
        var consumers = ships.map { ("worker:\($0.name)", $0.invocationQueueURL ?? "") }
        consumers.append(("starbase-fanout", configuration.fanOutQueueURL ?? ""))
        for (handler, queueURL) in consumers {
            let queueName = try #require(URL(string: queueURL)?.lastPathComponent)
            let queue = try #require(queues.first { $0.properties["QueueName"]?.string == queueName }, "no queue \(queueName)")
            let redrive = try #require(queue.properties["RedrivePolicy"]?.map, "\(queueName) has no redrive policy")
            #expect(redrive["maxReceiveCount"]?.int == 4)
            let deadLetter = try #require(redrive["deadLetterTargetArn"]?.string?.replacingOccurrences(of: ".Arn", with: ""))
            #expect(queues.contains { $0.id == deadLetter && $0.properties["RedrivePolicy"] == nil }, "\(queueName): no DLQ")
            #expect(queue.properties["VisibilityTimeout"]?.string == "FunctionTimeout")

            let function = try #require(functions.first { $0.properties["Handler"]?.string == handler }, "no function for \(handler)")
            #expect(function.properties["Runtime"]?.string == "provided.al2023")
            #expect(function.properties["Timeout"]?.string == "FunctionTimeout")
            if handler.hasPrefix("worker:") {
                #expect(function.properties["Environment"]?.map?["Variables"]?.map?["STARFLEET_COMMIT"]?.string == "StarfleetCommit")
            }
            let mapping = try #require(mappings.first { $0.properties["FunctionName"]?.string == function.id }, "\(handler): no event source")
            #expect(mapping.properties["EventSourceArn"]?.string == "\(queue.id).Arn")
            #expect(Self.strings(mapping.properties["FunctionResponseTypes"]) == ["ReportBatchItemFailures"])
        }
    }

    @Test func theStarbaseHasTheSevenSchedulesAndTheBucketNotification() throws {
        let resources = try Self.resources("template.yaml")
        let rules = Self.ofType("AWS::Events::Rule", in: resources)
        let inputs = rules.flatMap { rule in
            (rule.properties["Targets"]?.list ?? []).compactMap { target -> String? in
                guard target.map?["Arn"]?.string == "StarbaseTimedFunction.Arn" else { return nil }
                return target.map?["Input"]?.string
            }
        }
        #expect(Set(inputs) == Set(EventBridgeFrequency.allCases.map { #"{"name": "\#($0.rawValue)"}"# }))
        #expect(inputs.count == 7)
        let permissions = Self.ofType("AWS::Lambda::Permission", in: resources)
        #expect(permissions.filter { $0.properties["Principal"]?.string == "events.amazonaws.com" }.count == 7)
        let bucket = try #require(Self.ofType("AWS::S3::Bucket", in: resources).first { $0.id == "TemplateBucket" })
        let notification = try #require(bucket.properties["NotificationConfiguration"]?.map?["QueueConfigurations"]?.list?.first?.map)
        #expect(notification["Queue"]?.string == "FanOutQueue.Arn")
        #expect(notification["Event"]?.string == "s3:ObjectCreated:*")
        let policy = try #require(Self.ofType("AWS::SQS::QueuePolicy", in: resources).first)
        #expect(Self.strings(policy.properties["Queues"]) == ["FanOutQueue"])
    }

    @Test func executionRolesHaveNoWildcardActionsAndNoWildcardResources() throws {
        let resources = try Self.resources("template.yaml")
        let roles = Self.ofType("AWS::IAM::Role", in: resources)
        #expect(roles.count == 6)
        for role in roles {
            let statements = Self.statements(of: role.properties)
            #expect(!statements.isEmpty, "\(role.id)")
            for statement in statements {
                #expect(statement["Effect"]?.string == "Allow")
                for action in Self.strings(statement["Action"]) {
                    #expect(!action.contains("*"), "\(role.id) allows \(action)")
                }
                for resource in Self.strings(statement["Resource"]) {
                    #expect(resource != "*", "\(role.id) \(statement["Sid"]?.string ?? ""): Resource *")
                }
            }
        }
    }

    @Test func theMemberAccountRoleGrantsWhatDocsShipsDocumentsAndNothingMore() throws {
        var documented: Set<String> = ["ec2:DescribeRegions"]  // the generator's per-account role, documented in prose
        let docs = RepositoryPaths.root.appendingPathComponent("Docs/ships")
        for file in try FileManager.default.contentsOfDirectory(atPath: docs.path) where file.hasSuffix(".md") {
            let text = try String(contentsOf: docs.appendingPathComponent(file), encoding: .utf8)
            for block in text.components(separatedBy: "```json").dropFirst() {
                let json = block.components(separatedBy: "```")[0]
                let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any], "\(file)")
                for statement in object["Statement"] as? [[String: Any]] ?? [] where statement["Effect"] as? String == "Allow" {
                    let actions = statement["Action"]
                    documented.formUnion((actions as? [String]) ?? [actions as? String].compactMap { $0 })
                }
            }
        }
        let resources = try Self.resources("member-account-role.yaml")
        let role = try #require(Self.ofType("AWS::IAM::Role", in: resources).first)
        let granted = Set(Self.statements(of: role.properties).filter { $0["Effect"]?.string == "Allow" }
            .flatMap { Self.strings($0["Action"]) })
        #expect(granted == documented)
        #expect(role.properties["RoleName"]?.string == "WorkerRoleName")
    }
}
