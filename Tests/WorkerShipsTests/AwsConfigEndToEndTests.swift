import Foundation
import Starfleet
import StarfleetAWS
import StarfleetTestSupport
import Testing

@testable import WorkerShips

/// AwsConfigWorkerShip through the built `starfleet` binary against a moto_server of its own:
/// per (account, region) through STS AssumeRole, state read back with our Config client, the
/// server reset before every test.
@Suite("AwsConfigWorkerShip end to end", .serialized)
struct AwsConfigEndToEndTests {
    static let harness = ShipEndToEnd()
    static let ship = "AwsConfigWorkerShip"
    static let example = RepositoryPaths.root.appendingPathComponent("examples/payloads/AwsConfigWorkerShip/aws_config_everywhere.yaml").path

    static let payload = """
    TemplateName: ConfigE2E
    TemplateDescription: End-to-end AWS Config
    IncludeAccounts:
      AllAccounts: true
    IncludeRegions: [us-east-1, us-east-2]
    DefaultConfiguration:
      DeliveryChannelDetails:
        BucketName: central-config
        BucketKeyPrefix: config
        S3DeliveryFrequency: TwentyFour_Hours
      RecorderConfiguration:
        ConfigRoleName: ConfigRecorder
        RecordingEnabled: true
        RecordingGroup:
          RecordEverything:
            RecordGlobalsInTheseRegions: [us-east-1]
      RetentionPeriodInDays: 2557
    """

    func headlines(_ result: ProcessResult) -> [String] {
        (result.planBlock ?? "").components(separatedBy: "\n").filter { !$0.hasPrefix(" ") }
    }

    struct State: Equatable {
        var recorder: ConfigurationRecorder?
        var recording: Bool?
        var channel: DeliveryChannel?
        var retention: Int?
    }

    func state(_ world: ShipEndToEnd.World, _ account: String, _ region: String) async throws -> State {
        let config = try world.config(account, region)
        return State(recorder: try await config.describeConfigurationRecorders().first,
                     recording: try await config.describeConfigurationRecorderStatus().first?.recording,
                     channel: try await config.describeDeliveryChannels().first,
                     retention: try await config.describeRetentionConfigurations().first?.retentionPeriodInDays)
    }

    @Test("a dry run on a clean account/region plans the creation and changes nothing")
    func dryRun() async throws {
        let world = try await Self.harness.reset()
        let payload = try world.payload(Self.payload)
        let result = try await world.run(Self.ship, payload: payload, account: ShipFixtures.paymentsProd, region: "us-east-1")
        #expect(result.exitCode == 0, "\(result.summary)")
        #expect(headlines(result) == [
            "+ create configuration recorder \"default\"",
            "+ create delivery channel \"default\"",
            "+ create retention configuration \"default\"",
            "~ update recording of configuration recorder \"default\"",
            "Plan: 3 to add, 1 to change, 0 to destroy.",
        ])
        #expect(result.stderrText.contains("[⏭️] There is work to do but because commit is disabled, no action is being taken in 222222222222/us-east-1."))
        #expect(try await state(world, ShipFixtures.paymentsProd, "us-east-1") == State(), "the dry run created nothing")
    }

    @Test("commit converges, an immediate dry run reports no changes, a changed payload plans exactly its changes")
    func commitAndChange() async throws {
        let world = try await Self.harness.reset()
        let account = ShipFixtures.paymentsProd
        let payload = try world.payload(Self.payload)
        let commit = try await world.run(Self.ship, payload: payload, account: account, region: "us-east-1", commit: true)
        #expect(commit.exitCode == 0, "\(commit.summary)")
        #expect(commit.stderrText.contains("Applied: 3 added, 1 changed, 0 destroyed."))
        let after = try await state(world, account, "us-east-1")
        #expect(after.recorder?.name == "default")
        #expect(after.recorder?.roleARN == "arn:aws:iam::222222222222:role/ConfigRecorder")
        #expect(after.recorder?.recordingGroup?.allSupported == true)
        #expect(after.recorder?.recordingGroup?.includeGlobalResourceTypes == true)
        #expect(after.recorder?.recordingGroup?.recordingStrategy?.useOnly == "ALL_SUPPORTED_RESOURCE_TYPES")
        #expect(after.channel == DeliveryChannel(name: "default", s3BucketName: "central-config", s3KeyPrefix: "config",
                                                 configSnapshotDeliveryProperties: ConfigSnapshotDeliveryProperties(deliveryFrequency: "TwentyFour_Hours")))
        #expect(after.retention == 2557)
        #expect(after.recording == true)
        #expect(try await state(world, account, "us-east-2") == State(), "only the assigned region changed")

        let again = try await world.run(Self.ship, payload: payload, account: account, region: "us-east-1")
        #expect(again.exitCode == 0, "\(again.summary)")
        #expect(again.stderrText.contains("[✅] Nothing to do. Everything is all set in 222222222222/us-east-1."))
        #expect(again.stderrText.contains("Plan: 0 to add, 0 to change, 0 to destroy."))

        let changed = try world.payload(Self.payload
            .replacingOccurrences(of: "S3DeliveryFrequency: TwentyFour_Hours", with: "S3DeliveryFrequency: Six_Hours")
            .replacingOccurrences(of: "RetentionPeriodInDays: 2557", with: "RetentionPeriodInDays: 365")
            .replacingOccurrences(of: "RecordingEnabled: true", with: "RecordingEnabled: false")
            .replacingOccurrences(of: "RecordGlobalsInTheseRegions: [us-east-1]", with: "RecordGlobalsInTheseRegions: [NONE]"))
        let plan = try await world.run(Self.ship, payload: changed, account: account, region: "us-east-1")
        #expect(plan.exitCode == 0, "\(plan.summary)")
        #expect(plan.planBlock == """
        ~ update configuration recorder "default"
              include_global_resource_types: true → false
        ~ update delivery channel "default"
              delivery_frequency: "TwentyFour_Hours" → "Six_Hours"
        ~ update retention configuration "default"
              retention_period_in_days: 2557 → 365
        ~ update recording of configuration recorder "default"
              recording: true → false (StopConfigurationRecorder)
        Plan: 0 to add, 4 to change, 0 to destroy.
        """)
        let apply = try await world.run(Self.ship, payload: changed, account: account, region: "us-east-1", commit: true)
        #expect(apply.exitCode == 0, "\(apply.summary)")
        let changedState = try await state(world, account, "us-east-1")
        #expect(changedState.recording == false)
        #expect(changedState.retention == 365)
        #expect(changedState.channel?.configSnapshotDeliveryProperties?.deliveryFrequency == "Six_Hours")
        #expect(changedState.recorder?.recordingGroup?.includeGlobalResourceTypes == false)
        let converged = try await world.run(Self.ship, payload: changed, account: account, region: "us-east-1")
        #expect(converged.stderrText.contains("[✅] Nothing to do."), "\(converged.summary)")
    }

    @Test("the example payload: overrides and region scoping apply to the right account/regions only")
    func overridesAcrossAccounts() async throws {
        let world = try await Self.harness.reset()
        let pairs = [(ShipFixtures.paymentsProd, "us-east-1"), (ShipFixtures.paymentsProd, "eu-west-1"), (ShipFixtures.sandboxDev, "us-east-2")]
        for (account, region) in pairs {
            let result = try await world.run(Self.ship, payload: Self.example, account: account, region: region, commit: true)
            #expect(result.exitCode == 0, "\(account)/\(region): \(result.summary)")
        }
        let prodEast = try await state(world, ShipFixtures.paymentsProd, "us-east-1")
        #expect(prodEast.recorder?.recordingGroup?.includeGlobalResourceTypes == true)
        #expect(prodEast.retention == 2557)
        #expect(prodEast.channel?.s3KeyPrefix == "config")
        let prodEu = try await state(world, ShipFixtures.paymentsProd, "eu-west-1")
        #expect(prodEu.recorder?.recordingGroup?.allSupported == true)
        #expect(prodEu.recorder?.recordingGroup?.includeGlobalResourceTypes == false, "global types only in us-east-1")
        let sandbox = try await state(world, ShipFixtures.sandboxDev, "us-east-2")
        #expect(sandbox.recorder?.recordingGroup?.allSupported == false, "the Sandbox override records specific types")
        #expect(Set(sandbox.recorder?.recordingGroup?.resourceTypes ?? []) == ["AWS::EC2::Instance", "AWS::EC2::SecurityGroup", "AWS::S3::Bucket"])
        #expect(sandbox.recorder?.roleARN == "arn:aws:iam::444444444444:role/AWSConfigRecorderRole")
        #expect(sandbox.channel?.s3KeyPrefix == "config-sandbox")
        #expect(sandbox.retention == 365)
        #expect(sandbox.recording == true)
        #expect(try await state(world, ShipFixtures.sandboxDev, "us-east-1") == State(), "regions not run stay untouched")
        #expect(try await state(world, ShipFixtures.dataStaging, "us-east-1") == State(), "accounts not run stay untouched")

        // Refusals (exit 1, nothing written): a region the account has not enabled, the org root.
        let disabled = try await world.run(Self.ship, payload: Self.example, account: ShipFixtures.legacyTest, region: "eu-west-1", commit: true)
        #expect(disabled.exitCode == 1)
        #expect(disabled.stderrText.contains(RunRefusal.accountRegionNotApplicableMessage))
        let root = try await world.run(Self.ship, payload: Self.example, account: ShipFixtures.management, region: "us-east-1", commit: true)
        #expect(root.exitCode == 1)
        #expect(try await state(world, ShipFixtures.legacyTest, "eu-west-1") == State())
        #expect(try await state(world, ShipFixtures.management, "us-east-1") == State())
    }

    @Test("an existing recorder named test keeps its name and is the one started (upstream quirk fixed)")
    func existingRecorderName() async throws {
        let world = try await Self.harness.reset()
        let account = ShipFixtures.dataStaging
        let config = try world.config(account, "us-east-1")
        try await config.putConfigurationRecorder(ConfigurationRecorder(
            name: "test", roleARN: "arn:aws:iam::333333333333:role/Old",
            recordingGroup: RecordingGroup(allSupported: false, includeGlobalResourceTypes: false, resourceTypes: ["AWS::S3::Bucket"],
                                           exclusionByResourceTypes: nil, recordingStrategy: RecordingStrategy(useOnly: "INCLUSION_BY_RESOURCE_TYPES"))))
        let payload = try world.payload(Self.payload)
        let plan = try await world.run(Self.ship, payload: payload, account: account, region: "us-east-1")
        #expect(plan.planBlock?.hasPrefix("""
        ~ update configuration recorder "test"
              role_arn: "arn:aws:iam::333333333333:role/Old" → "arn:aws:iam::333333333333:role/ConfigRecorder"
              all_supported: false → true
              include_global_resource_types: false → true
              resource_types: ["AWS::S3::Bucket"] → []
              recording_strategy: "INCLUSION_BY_RESOURCE_TYPES" → "ALL_SUPPORTED_RESOURCE_TYPES"
        + create delivery channel "default"
        """) == true, "\(plan.summary)")
        let commit = try await world.run(Self.ship, payload: payload, account: account, region: "us-east-1", commit: true)
        #expect(commit.exitCode == 0, "\(commit.summary)")
        let after = try await state(world, account, "us-east-1")
        #expect(after.recorder?.name == "test")
        #expect(after.recording == true, "StartConfigurationRecorder used the real name")
        let again = try await world.run(Self.ship, payload: payload, account: account, region: "us-east-1")
        #expect(again.stderrText.contains("[✅] Nothing to do."), "moto does not return recordingMode; the run still converges")
    }

    @Test("fanout lists the accounts and enabled regions of the example payload")
    func fanoutExample() async throws {
        let world = try await Self.harness.get()
        let result = try await world.starfleet(["fanout", "--config", ShipEndToEnd.configuration, "--ship", Self.ship, "--payload", Self.example,
                                                "--format", "json", "--account-index", ShipFixtures.indexPath])
        #expect(result.exitCode == 0, "\(result.summary)")
        let object = try #require(try JSONSerialization.jsonObject(with: result.stdout) as? [String: Any])
        #expect(object["fan_out_strategy"] as? String == "ACCOUNT_REGION")
        let targets = try #require(object["targets"] as? [[String: Any]])
        var regions: [String: [String]] = [:]
        for target in targets {
            regions[try #require(target["account_id"] as? String)] = target["regions"] as? [String]
        }
        let three = ["eu-west-1", "us-east-1", "us-east-2"]
        #expect(regions == [
            ShipFixtures.paymentsProd: three, ShipFixtures.dataStaging: three, ShipFixtures.sandboxDev: ["us-east-1", "us-east-2"],
            ShipFixtures.securityTooling: three, ShipFixtures.legacyTest: ["us-east-1"],
        ])
        #expect(object["invocations"] as? Int == 12)
    }
}
