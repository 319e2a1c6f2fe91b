import Foundation
import StarfleetTestSupport
import Testing

/// The machine contract of `validate`, `config check` and `ships`, through the real binary
/// on the bundled examples: one JSON object on stdout, exit 0 / 1 / 2.
@Suite("Command contract on the examples")
struct CommandContractTests {
    static let binary = RepositoryPaths.root.appendingPathComponent(".build/debug/starfleet").path
    static let examples = RepositoryPaths.root.appendingPathComponent("examples").path

    func starfleet(_ arguments: String...) async throws -> ProcessResult {
        try await ProcessRunner.run(Self.binary, arguments, timeout: 30)
    }

    func jsonObject(_ result: ProcessResult) throws -> [String: Any] {
        let object = try JSONSerialization.jsonObject(with: result.stdout)
        return try #require(object as? [String: Any], "stdout is not one JSON object: \(result.stdoutText)")
    }

    @Test("validate --format json prints the loaded snake_case payload and exits 0")
    func validPayloadPrintsLoadedPayload() async throws {
        let result = try await starfleet("validate", "--template", "BaseAccountRegionPayloadTemplate", "--payload",
                                         Self.examples + "/payloads/BaseAccountRegionPayloadTemplate/valid.yaml", "--format", "json")
        #expect(result.exitCode == 0)
        let payload = try jsonObject(result)
        #expect(payload["template_name"] as? String == "EverywhereButOrgRoot")
        let regions = try #require(payload["include_regions"] as? [String])
        #expect(regions.count == 34)
        #expect(regions == regions.sorted(), "sets are rendered as sorted arrays")
        #expect(payload["exclude_regions"] as? [String] == ["us-west-1"])
        #expect(payload["starbase_assigned_account"] is NSNull)
        #expect(payload["exclude_accounts"] as? [String: Any] != nil)
    }

    @Test("unknown keys are kept under their original key with their YAML value")
    func unknownKeysAreKept() async throws {
        let result = try await starfleet("validate", "--template", "WorkerShipPayloadBaseTemplate", "--payload",
                                         Self.examples + "/payloads/WorkerShipPayloadBaseTemplate/valid.yaml", "--format", "json")
        #expect(result.exitCode == 0)
        #expect(try jsonObject(result)["ExtraSetting"] as? String == "kept as written")
    }

    @Test("an invalid payload prints the error tree with string list indices and exits 1")
    func invalidPayloadPrintsErrorTree() async throws {
        let result = try await starfleet("validate", "--template", "BaseAccountPayloadTemplate", "--payload",
                                         Self.examples + "/payloads/BaseAccountPayloadTemplate/invalid.yaml", "--format", "json")
        #expect(result.exitCode == 1)
        let tree = try jsonObject(result)
        let include = try #require(tree["IncludeAccounts"] as? [String: [String]])
        #expect(include["ByNames"] == ["Can't specify other parameters when `AllAccounts` is set to `True`."])
        let exclude = try #require(tree["ExcludeAccounts"] as? [String: Any])
        #expect((exclude["ByIds"] as? [String: [String]])?["0"] == ["Not a valid string."])
        let tags = try #require(exclude["ByTags"] as? [String: [String: [String]]])
        #expect(tags["0"]?["Name"] == ["Length must be between 1 and 128."])
    }

    @Test("the snake_case collision of Q4 is refused as Unknown field.")
    func snakeCaseCollisionRefused() async throws {
        let result = try await starfleet("validate", "--template", "WorkerShipPayloadBaseTemplate", "--payload",
                                         Self.examples + "/payloads/WorkerShipPayloadBaseTemplate/invalid.yaml", "--format", "json")
        #expect(result.exitCode == 1)
        let tree = try jsonObject(result)
        #expect(tree["template_name"] as? [String] == ["Unknown field."])
        #expect(tree["TemplateName"] as? [String] == ["Not a valid string."])
        #expect(tree["TemplateDescription"] as? [String] == ["Missing data for required field."])
    }

    @Test("text output shows the source and each error at its file:line")
    func textOutputNamesLines() async throws {
        let file = Self.examples + "/payloads/BaseAccountPayloadTemplate/invalid.yaml"
        let result = try await starfleet("validate", "--template", "BaseAccountPayloadTemplate", "--payload", file)
        #expect(result.exitCode == 1)
        #expect(result.stdoutText.contains(" 7 │     - Account 1"))
        #expect(result.stdoutText.contains("\(file):6: IncludeAccounts.ByNames: Can't specify other parameters"))
        #expect(result.stdoutText.contains("\(file):10: ExcludeAccounts.ByIds.0: Not a valid string."))
        #expect(result.stdoutText.contains("\(file):12: ExcludeAccounts.ByTags.0.Name: Length must be between 1 and 128."))
    }

    @Test("every example payload validates or fails as its folder and name say")
    func examplePayloadsBehaveAsNamed() async throws {
        let root = Self.examples + "/payloads"
        for folder in try FileManager.default.contentsOfDirectory(atPath: root).sorted() {
            for file in try FileManager.default.contentsOfDirectory(atPath: root + "/" + folder) where file.hasSuffix(".yaml") {
                let selector = folder.hasSuffix("Template") ? "--template" : "--ship"
                let result = try await starfleet("validate", selector, folder, "--payload", "\(root)/\(folder)/\(file)", "--format", "json")
                let expected: Int32 = file.hasPrefix("invalid") ? 1 : 0
                #expect(result.exitCode == expected, "\(folder)/\(file): \(result.summary)")
                _ = try jsonObject(result)
            }
        }
    }

    @Test("unreadable files, YAML syntax errors, duplicate keys and unknown names exit 2 with a message on stderr")
    func inputProblemsExitTwo() async throws {
        let directory = try TemporaryDirectory(prefix: "starfleet-contract")
        let broken = try directory.write("TemplateName: x\nIncludeAccounts: [\n", to: "broken.yaml").path
        let duplicate = try directory.write("TemplateName: x\nTemplateDescription: y\nTemplateName: z\n", to: "dup.yaml").path
        let cases: [([String], String)] = [
            (["validate", "--template", "WorkerShipPayloadBaseTemplate", "--payload", directory.path + "/missing.yaml"], "missing.yaml: no such file"),
            (["validate", "--template", "WorkerShipPayloadBaseTemplate", "--payload", broken], "broken.yaml:3:1:"),
            (["validate", "--template", "WorkerShipPayloadBaseTemplate", "--payload", duplicate], "dup.yaml:3:1: duplicate key 'TemplateName'"),
            (["validate", "--template", "NoSuchTemplate", "--payload", duplicate], "unknown template NoSuchTemplate"),
            (["validate", "--ship", "NoSuchShip", "--payload", duplicate], "unknown ship NoSuchShip"),
            (["config", "check", "--config", directory.path + "/nowhere"], "configuration directory not found"),
        ]
        for (arguments, message) in cases {
            let result = try await ProcessRunner.run(Self.binary, arguments, timeout: 30)
            #expect(result.exitCode == 2, "\(arguments): \(result.summary)")
            #expect(result.stderrText.contains(message), "\(arguments): stderr was \(result.stderrText)")
            #expect(result.stdoutText.isEmpty)
        }
    }

    @Test("config check --format json prints the loaded sections and exits 0 on the example configuration")
    func configCheckValid() async throws {
        let result = try await starfleet("config", "check", "--config", Self.examples + "/configuration", "--format", "json")
        #expect(result.exitCode == 0, "\(result.summary)")
        let sections = try jsonObject(result)
        #expect(Set(sections.keys) == ["STARFLEET", "AccountIndexGeneratorShip", "AwsConfigWorkerShip", "GitHubSyncWorkerShip", "IamRoleWorkerShip", "StarfleetDefaultAccountIndex"])
        let starfleet = try #require(sections["STARFLEET"] as? [String: Any])
        #expect(starfleet["log_level"] as? String == "INFO")
        #expect(starfleet["account_index"] as? String == "StarfleetDefaultAccountIndex")
        #expect((sections["AccountIndexGeneratorShip"] as? [String: Any])?["org_account_id"] as? String == "000000000000")
    }

    static let starfleetAndGeneratorOnly = """
    STARFLEET:
      DeploymentRegion: us-east-1
      TemplateBucket: starfleet-templates
      FanOutQueueUrl: https://sqs.us-east-1.amazonaws.com/000000000000/fan-out
    AccountIndexGeneratorShip:
      Enabled: true
      TemplatePrefix: AccountIndexGeneratorShip/
      InvocationQueueUrl: https://sqs.us-east-1.amazonaws.com/000000000000/generator
      InvocationSources: [S3]
      OrgAccountId: "000000000000"
      OrgAccountAssumeRole: org-reader
      OrgRootId: r-0000
      DescribeRegionsAssumeRole: describe-regions

    """

    static let enabledIamRoleShip = """
    IamRoleWorkerShip:
      Enabled: true
      TemplatePrefix: IamRoleWorkerShip/
      InvocationQueueUrl: https://sqs.us-east-1.amazonaws.com/000000000000/iam
      InvocationSources: [S3]
      WorkerRoleToAssume: starfleet-iam-role-worker

    """

    @Test("config check accepts a first configuration without the index section, and warns once a ship fans out")
    func configCheckWithoutIndexSection() async throws {
        let directory = try TemporaryDirectory(prefix: "starfleet-contract")
        try directory.write(Self.starfleetAndGeneratorOnly, to: "starfleet.yaml")
        let first = try await starfleet("config", "check", "--config", directory.path, "--format", "json")
        #expect(first.exitCode == 0, "\(first.summary)")
        #expect(Set(try jsonObject(first).keys) == ["STARFLEET", "AccountIndexGeneratorShip"])
        #expect(first.stderrText.isEmpty, "\(first.stderrText)")

        try directory.write(Self.enabledIamRoleShip, to: "iam_role.yaml")
        let warned = try await starfleet("config", "check", "--config", directory.path, "--format", "json")
        #expect(warned.exitCode == 0, "\(warned.summary)")
        #expect(Set(try jsonObject(warned).keys) == ["STARFLEET", "AccountIndexGeneratorShip", "IamRoleWorkerShip"])
        #expect(warned.stderrText.contains(
            "warning: no StarfleetDefaultAccountIndex section: fan-out of IamRoleWorkerShip will need the account index"),
            "\(warned.stderrText)")

        try directory.write("StarfleetDefaultAccountIndex:\n  IndexBucket: 7\n", to: "z_index.yaml")
        let invalid = try await starfleet("config", "check", "--config", directory.path, "--format", "json")
        #expect(invalid.exitCode == 1, "\(invalid.summary)")
        let tree = try jsonObject(invalid)
        #expect(Set(tree.keys) == ["StarfleetDefaultAccountIndex"])
        #expect((tree["StarfleetDefaultAccountIndex"] as? [String: [String]])?["IndexBucket"] == ["Not a valid string."])
    }

    @Test("a command that must resolve accounts without an index says how to provide one and exits 2")
    func accountResolutionWithoutIndexSaysHowToProvideOne() async throws {
        let directory = try TemporaryDirectory(prefix: "starfleet-contract")
        try directory.write(Self.starfleetAndGeneratorOnly + Self.enabledIamRoleShip, to: "starfleet.yaml")
        let payload = Self.examples + "/payloads/IamRoleWorkerShip/security_audit_role.yaml"
        for arguments in [["run", "IamRoleWorkerShip", "--payload", payload, "--account-id", "000000000001"],
                          ["fanout", "--ship", "IamRoleWorkerShip", "--payload", payload],
                          ["index", "show"],
                          ["worker", "IamRoleWorkerShip", "--once"]] {
            let result = try await ProcessRunner.run(Self.binary, arguments + ["--config", directory.path], timeout: 30)
            #expect(result.exitCode == 2, "\(arguments): \(result.summary)")
            #expect(result.stderrText.contains("no StarfleetDefaultAccountIndex section in the configuration. Add one"),
                    "\(arguments): \(result.stderrText)")
            #expect(result.stderrText.contains("or pass --account-index FILE"), "\(arguments): \(result.stderrText)")
        }
    }

    @Test("config check reports every section's problems at once, keyed by section, with file:line in text")
    func configCheckReportsAllSections() async throws {
        let directory = try TemporaryDirectory(prefix: "starfleet-contract")
        try directory.write("""
        STARFLEET:
          DeploymentRegion: mars-1
          TemplateBucket: t
          FanOutQueueUrl: http://insecure.example.com/q
        StarfleetDefaultAccountIndex:
          BucketRegion: us-east-1
        """, to: "a.yaml")
        try directory.write("""
        AccountIndexGeneratorShip:
          Enabled: maybe
          TemplatePrefix: x/
          InvocationQueueUrl: https://sqs.us-east-1.amazonaws.com/1/q
          InvocationSources: [EVENTBRIDGE_TIMED_EVENT, SNS]
          OrgAccountId: 1
          OrgAccountAssumeRole: r
          OrgRootId: r-1
          DescribeRegionsAssumeRole: d
        """, to: "b.yaml")
        let json = try await starfleet("config", "check", "--config", directory.path, "--format", "json")
        #expect(json.exitCode == 1)
        let tree = try jsonObject(json)
        let section = try #require(tree["STARFLEET"] as? [String: [String]])
        #expect(section["FanOutQueueUrl"] == ["Not a valid URL."])
        #expect(section["DeploymentRegion"]?.first?.hasPrefix("Must be one of: af-south-1, ap-east-1, ap-east-2,") == true)
        let ship = try #require(tree["AccountIndexGeneratorShip"] as? [String: Any])
        #expect(ship["Enabled"] as? [String] == ["Not a valid boolean."])
        #expect((ship["InvocationSources"] as? [String: [String]])?["1"] == ["Must be one of: EVENTBRIDGE_TIMED_EVENT, S3, SQS."])
        #expect(ship["OrgAccountId"] as? [String] == ["Not a valid string."])
        #expect((tree["StarfleetDefaultAccountIndex"] as? [String: [String]])?["IndexBucket"] == ["Missing data for required field."])

        let text = try await starfleet("config", "check", "--config", directory.path)
        #expect(text.exitCode == 1)
        #expect(text.stdoutText.contains(directory.path + "/a.yaml:4: STARFLEET.FanOutQueueUrl: Not a valid URL."))
        #expect(text.stdoutText.contains(directory.path + "/b.yaml:2: AccountIndexGeneratorShip.Enabled: Not a valid boolean."))
        #expect(text.stdoutText.contains(directory.path + "/b.yaml:6: AccountIndexGeneratorShip.OrgAccountId: Not a valid string."))
    }

    @Test("ships --format json lists each ship with strategy and state")
    func shipsJSON() async throws {
        let result = try await starfleet("ships", "--config", Self.examples + "/configuration", "--format", "json")
        #expect(result.exitCode == 0)
        let ships = try #require(try jsonObject(result)["ships"] as? [[String: Any]])
        let generator = try #require(ships.first { $0["name"] as? String == "AccountIndexGeneratorShip" })
        #expect(generator["fan_out_strategy"] as? String == "SINGLE_INVOCATION")
        #expect(generator["state"] as? String == "enabled")
        #expect(generator["invocation_sources"] as? [String] == ["EVENTBRIDGE_TIMED_EVENT", "S3"])
        #expect(generator["template_prefix"] as? String == "AccountIndexGeneratorShip/")
    }

    @Test("ships --check passes on the default fleet")
    func fleetCheckPasses() async throws {
        let result = try await starfleet("ships", "--check", "--format", "json")
        #expect(result.exitCode == 0)
        #expect(try jsonObject(result)["healthy"] as? Bool == true)
    }
}
