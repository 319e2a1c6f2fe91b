import Foundation
import Starfleet
import StarfleetAWS
import StarfleetSchema
import Testing

@testable import WorkerShips

/// AwsConfigWorkerShip against an in-memory Config registered in `context.services`: the upstream
/// test vectors (SPEC-SHIPS §2.9), the start/stop name quirk, block choice, apply order, and the
/// errors moto cannot produce (AccessDenied, throttling).
@Suite("AwsConfigWorkerShip with a Config double")
struct AwsConfigShipTests {
    static let account = ShipFixtures.paymentsProd

    static func payload(recordingEnabled: Bool = true, overrides: String = "", regions: String = "[us-east-1, us-east-2, eu-west-1]") -> String {
        """
        TemplateName: ConfigEverywhere
        TemplateDescription: AWS Config everywhere
        IncludeAccounts:
          AllAccounts: true
        IncludeRegions: \(regions)
        DefaultConfiguration:
          DeliveryChannelDetails:
            BucketName: all-bucket
            S3DeliveryFrequency: TwentyFour_Hours
          RecorderConfiguration:
            ConfigRoleName: MyConfigRole
            RecordingEnabled: \(recordingEnabled)
            RecordingGroup:
              RecordEverything:
                RecordGlobalsInTheseRegions: [us-east-1]
          RetentionPeriodInDays: 2557
        \(overrides)
        """
    }

    struct Run {
        let fake: FakeConfigService
        let recorder: ShipRecorder
        let error: (any Error)?
    }

    func run(_ yaml: String, account: String = account, region: String = "us-east-1", commit: Bool,
             fake: FakeConfigService = FakeConfigService()) async throws -> Run {
        let ship = try ShipFixtures.load(AwsConfigWorkerShip.self, yaml, account: account, region: region)
        var services = ServiceRegistry()
        services.register(fake as any ConfigServiceAPI, as: (any ConfigServiceAPI).self)
        let recorder = ShipRecorder()
        do {
            try await ship.execute(commit: commit, context: recorder.context(services: services))
            return Run(fake: fake, recorder: recorder, error: nil)
        } catch {
            return Run(fake: fake, recorder: recorder, error: error)
        }
    }

    static let expectedRecorder = ConfigurationRecorder(
        name: "default", roleARN: "arn:aws:iam::222222222222:role/MyConfigRole",
        recordingGroup: RecordingGroup(
            allSupported: true, includeGlobalResourceTypes: true, resourceTypes: [],
            exclusionByResourceTypes: ExclusionByResourceTypes(resourceTypes: []),
            recordingStrategy: RecordingStrategy(useOnly: "ALL_SUPPORTED_RESOURCE_TYPES")))
    static let expectedChannel = DeliveryChannel(
        name: "default", s3BucketName: "all-bucket",
        configSnapshotDeliveryProperties: ConfigSnapshotDeliveryProperties(deliveryFrequency: "TwentyFour_Hours"))

    @Test("empty state, us-east-1: the dry run plans all four items and writes nothing")
    func emptyStateDryRun() async throws {
        let result = try await run(Self.payload(), commit: false)
        #expect(result.error == nil)
        #expect(result.fake.writes.isEmpty)
        #expect(result.fake.calls == ["DescribeConfigurationRecorders", "DescribeConfigurationRecorderStatus",
                                      "DescribeDeliveryChannels", "DescribeRetentionConfigurations"])
        let text = result.recorder.text
        #expect(text.contains("[➕➖] Summarizing the items that are out of sync in 222222222222/us-east-1..."))
        #expect(text.contains("[🙅‍♂️] Configuration Recorder needs update with config: "))
        #expect(text.contains("[🙅‍♂️] Delivery Channel needs update with config: "))
        #expect(text.contains("[🙅‍♂️] Retention Configuration needs update with config: "))
        #expect(text.contains("[🙅‍♂️] The recorder needs to be enabled."))
        #expect(text.contains("""
        + create configuration recorder "default"
              role_arn: "arn:aws:iam::222222222222:role/MyConfigRole"
              all_supported: true
              include_global_resource_types: true
              resource_types: []
              excluded_resource_types: []
              recording_strategy: "ALL_SUPPORTED_RESOURCE_TYPES"
        + create delivery channel "default"
              s3_bucket_name: "all-bucket"
              delivery_frequency: "TwentyFour_Hours"
        + create retention configuration "default"
              retention_period_in_days: 2557
        ~ update recording of configuration recorder "default"
              recording: false → true (StartConfigurationRecorder)
        Plan: 3 to add, 1 to change, 0 to destroy.
        """))
        #expect(text.contains("[⏭️] There is work to do but because commit is disabled, no action is being taken in 222222222222/us-east-1."))
        #expect(result.recorder.alerts.isEmpty)
    }

    @Test("empty state, us-east-1: commit writes in order, converges, and a second run does nothing")
    func emptyStateCommit() async throws {
        let fake = FakeConfigService()
        let result = try await run(Self.payload(), commit: true, fake: fake)
        #expect(result.error == nil)
        #expect(fake.writes == ["PutConfigurationRecorder default", "PutDeliveryChannel default", "PutRetentionConfiguration 2557",
                                "StartConfigurationRecorder default"])
        let state = fake.snapshot
        #expect(state.recorder == Self.expectedRecorder)
        #expect(state.channel == Self.expectedChannel)
        #expect(state.retention == 2557)
        #expect(state.recording == true)
        let alert = try #require(result.recorder.alerts.first)
        #expect(alert.priority == .success)
        #expect(alert.title == "Updated AWS Config properties")
        #expect(alert.body == """
        *Below is a summary of the work performed in 222222222222/us-east-1:*

        > 📼  Updated the Configuration Recorder. See the logs for details.
        > 🚚  Updated the Delivery Channel. See the logs for details.
        > 🗄  Updated the Retention Configuration. See the logs for details.
        > ⏺️  Started the Configuration Recorder.


        Check out the Lambda logs for more verbose details.
        """)
        #expect(result.recorder.text.contains("Applied: 3 added, 1 changed, 0 destroyed."))
        #expect(result.recorder.text.contains("[✅] Completed all work for 222222222222/us-east-1."))

        let again = try await run(Self.payload(), commit: true, fake: fake)
        #expect(again.fake.writes.count == 4, "no new writes")
        #expect(again.recorder.alerts.isEmpty)
        #expect(again.recorder.text.contains("[✅] Nothing to do. Everything is all set in 222222222222/us-east-1."))
        #expect(again.recorder.text.contains("Plan: 0 to add, 0 to change, 0 to destroy."))
        #expect(again.recorder.text.contains("[🆗] Configuration Recorder is in sync."))
        #expect(again.recorder.text.contains("[🆗] Delivery Channel is in sync."))
        #expect(again.recorder.text.contains("[🆗] Retention Configuration is in sync."))
        #expect(again.recorder.text.contains("[🆗] The recorder's status is in sync."))
    }

    @Test("us-east-2 records global types only where listed: includeGlobalResourceTypes is false")
    func otherRegion() async throws {
        let fake = FakeConfigService()
        _ = try await run(Self.payload(), region: "us-east-2", commit: true, fake: fake)
        #expect(fake.snapshot.recorder?.recordingGroup?.includeGlobalResourceTypes == false)
        #expect(fake.snapshot.recorder?.recordingGroup?.allSupported == true)
    }

    @Test("a recorder named different-name with matching content is no work")
    func differentNameNoWork() async throws {
        var recorder = Self.expectedRecorder
        recorder.name = "different-name"
        let fake = FakeConfigService(recorder: recorder, recording: true, channel: Self.expectedChannel, retention: 2557)
        let result = try await run(Self.payload(), commit: true, fake: fake)
        #expect(result.error == nil)
        #expect(fake.writes.isEmpty)
        #expect(result.recorder.alerts.isEmpty)
    }

    @Test("stop-only commit: the alert text of the upstream test")
    func stopOnly() async throws {
        let fake = FakeConfigService(recorder: Self.expectedRecorder, recording: true, channel: Self.expectedChannel, retention: 2557)
        let result = try await run(Self.payload(recordingEnabled: false), commit: true, fake: fake)
        #expect(fake.writes == ["StopConfigurationRecorder default"])
        #expect(result.recorder.text.contains("[🙅‍♂️] The recorder needs to be disabled."))
        #expect(result.recorder.alerts.first?.body == "*Below is a summary of the work performed in 222222222222/us-east-1:*\n\n"
            + "> 🛑  Stopped the Configuration Recorder.\n\n\nCheck out the Lambda logs for more verbose details.")
    }

    @Test("the upstream quirk is fixed: an existing recorder named test is started by its own name")
    func startsExistingName() async throws {
        var recorder = Self.expectedRecorder
        recorder.name = "test"
        let fake = FakeConfigService(recorder: recorder, recording: false, channel: nil, retention: nil)
        let result = try await run(Self.payload(), commit: true, fake: fake)
        #expect(result.error == nil)
        #expect(fake.writes == ["PutDeliveryChannel default", "PutRetentionConfiguration 2557", "StartConfigurationRecorder test"])
        #expect(fake.snapshot.recording == true)
    }

    @Test("no status and RecordingEnabled false: nothing to start")
    func recordingTable() async throws {
        let result = try await run(Self.payload(recordingEnabled: false), commit: true)
        #expect(result.fake.writes == ["PutConfigurationRecorder default", "PutDeliveryChannel default", "PutRetentionConfiguration 2557"])
        #expect(result.fake.snapshot.recording == false)
    }

    @Test("resource-type lists compare as sets; an extra channel field is a difference the put clears")
    func comparisons() async throws {
        let specific = Self.payload().replacingOccurrences(of: "RecordEverything:\n        RecordGlobalsInTheseRegions: [us-east-1]",
                                                           with: "RecordSpecificResources: [AWS::S3::Bucket, AWS::EC2::Instance]")
        let recorder = ConfigurationRecorder(
            name: "default", roleARN: "arn:aws:iam::222222222222:role/MyConfigRole",
            recordingGroup: RecordingGroup(allSupported: false, includeGlobalResourceTypes: false,
                                           resourceTypes: ["AWS::EC2::Instance", "AWS::S3::Bucket"],
                                           exclusionByResourceTypes: ExclusionByResourceTypes(resourceTypes: []),
                                           recordingStrategy: RecordingStrategy(useOnly: "INCLUSION_BY_RESOURCE_TYPES")))
        var channel = Self.expectedChannel
        channel.snsTopicARN = "arn:aws:sns:us-east-1:222222222222:config"
        let fake = FakeConfigService(recorder: recorder, recording: true, channel: channel, retention: 2557)
        #expect(specific.contains("RecordSpecificResources"))
        let result = try await run(specific, commit: true, fake: fake)
        #expect(fake.writes == ["PutDeliveryChannel default"])
        #expect(fake.snapshot.channel == Self.expectedChannel)
        #expect(result.recorder.text.contains("""
        ~ update delivery channel "default"
              sns_topic_arn: "arn:aws:sns:us-east-1:222222222222:config" → (none)
        """))
    }

    @Test("a changed payload plans exactly the changed fields")
    func changedPayload() async throws {
        let fake = FakeConfigService(recorder: Self.expectedRecorder, recording: true, channel: Self.expectedChannel, retention: 2557)
        let changed = Self.payload()
            .replacingOccurrences(of: "S3DeliveryFrequency: TwentyFour_Hours", with: "S3DeliveryFrequency: Six_Hours")
            .replacingOccurrences(of: "RetentionPeriodInDays: 2557", with: "RetentionPeriodInDays: 365")
        let result = try await run(changed, commit: false, fake: fake)
        #expect(fake.writes.isEmpty)
        #expect(result.recorder.text.contains("""
        ~ update delivery channel "default"
              delivery_frequency: "TwentyFour_Hours" → "Six_Hours"
        ~ update retention configuration "default"
              retention_period_in_days: 2557 → 365
        Plan: 0 to add, 2 to change, 0 to destroy.
        """))
        #expect(result.recorder.plans == [PlanSummary(toChange: 2)], "one record carries the plan as data")
    }

    static let sandboxOverride = """
    AccountOverrideConfigurations:
      - IncludeAccounts:
          ByOrgUnits: [Sandbox]
        IncludeRegions: [ALL]
        DeliveryChannelDetails: {BucketName: sandbox-bucket, S3DeliveryFrequency: One_Hour, PreferredName: sandbox}
        RecorderConfiguration:
          ConfigRoleName: SandboxRole
          PreferredName: sandbox-recorder
          RecordingGroup: {RecordEverythingExcept: [AWS::EC2::Instance]}
        RetentionPeriodInDays: 30
    """

    @Test("an override replaces the default entirely for its accounts; others keep the default")
    func overrideChoice() async throws {
        let sandbox = try await run(Self.payload(overrides: Self.sandboxOverride), account: ShipFixtures.sandboxDev, commit: true)
        #expect(sandbox.error == nil)
        let state = sandbox.fake.snapshot
        #expect(state.recorder?.name == "sandbox-recorder")
        #expect(state.recorder?.roleARN == "arn:aws:iam::444444444444:role/SandboxRole")
        #expect(state.recorder?.recordingGroup?.exclusionByResourceTypes?.resourceTypes == ["AWS::EC2::Instance"])
        #expect(state.recorder?.recordingGroup?.recordingStrategy?.useOnly == "EXCLUSION_BY_RESOURCE_TYPES")
        #expect(state.channel?.name == "sandbox")
        #expect(state.channel?.s3BucketName == "sandbox-bucket")
        #expect(state.retention == 30)
        #expect(state.recording == false, "RecordingEnabled defaults to false in the override: nothing is merged from the default")
        #expect(sandbox.recorder.text.contains("[🔀] Using AccountOverrideConfigurations[0] for 444444444444/us-east-1."))

        let prod = try await run(Self.payload(overrides: Self.sandboxOverride), account: ShipFixtures.paymentsProd, commit: true)
        #expect(prod.fake.snapshot.recorder == Self.expectedRecorder)
        #expect(prod.recorder.text.contains("[📄] Using the DefaultConfiguration for 222222222222/us-east-1."))
    }

    @Test("override regions are limited to the account's enabled regions")
    func overrideEnabledRegions() async throws {
        // The override covers us-east-1 only: Legacy-Test there, Payments-Prod not in us-east-2.
        let override = Self.sandboxOverride
            .replacingOccurrences(of: "ByOrgUnits: [Sandbox]", with: "ByNames: [Legacy-Test, Payments-Prod]")
            .replacingOccurrences(of: "IncludeRegions: [ALL]", with: "IncludeRegions: [us-east-1]\n    ExcludeRegions: []")
        let legacy = try await run(Self.payload(overrides: override), account: ShipFixtures.legacyTest, commit: true)
        #expect(legacy.fake.snapshot.channel?.s3BucketName == "sandbox-bucket")
        let payments = try await run(Self.payload(overrides: override), account: ShipFixtures.paymentsProd, region: "us-east-2", commit: true)
        #expect(payments.fake.snapshot.channel?.s3BucketName == "all-bucket", "us-east-2 is not in the override's regions")
    }

    @Test("two overrides matching the same account/region: DuplicatePayloadError, logged and alerted")
    func duplicateOverrides() async throws {
        let second = Self.sandboxOverride.replacingOccurrences(of: "AccountOverrideConfigurations:\n", with: "")
            .replacingOccurrences(of: "ByOrgUnits: [Sandbox]", with: "ByIds: ['444444444444']")
        let result = try await run(Self.payload(overrides: Self.sandboxOverride + "\n" + second), account: ShipFixtures.sandboxDev,
                                   commit: true)
        let error = try #require(result.error as? DuplicatePayloadError)
        #expect(error.override["include_accounts"]?["by_ids"]?.strings == ["444444444444"], "carries the second override")
        #expect(result.recorder.messages(at: .error).contains { $0.hasPrefix("[🔥] This account/region: 444444444444/us-east-1 has more than 1 override defined: ") && $0.hasSuffix(". Can't continue!") })
        #expect(result.fake.calls.isEmpty, "nothing is read or written")
        #expect(result.recorder.alerts.first?.priority == .problem)
    }

    @Test("AccessDenied on the first read: re-raised with a PROBLEM alert, nothing written")
    func accessDenied() async throws {
        let fake = FakeConfigService()
        fake.fail("DescribeConfigurationRecorders", with: FakeConfigService.serviceError("AccessDeniedException", "DescribeConfigurationRecorders"))
        let result = try await run(Self.payload(), commit: true, fake: fake)
        let error = try #require(result.error as? AWSError)
        #expect(error.code == "AccessDeniedException")
        #expect(fake.writes.isEmpty)
        let alert = try #require(result.recorder.alerts.first)
        #expect(alert.priority == .problem)
        #expect(alert.title == "Problem updating AWS Config properties for template: ConfigEverywhere")
        #expect(alert.body.hasPrefix("*Error processing AWS Config template: ConfigEverywhere*\n*Unable to update the AWS Config configuration in: 222222222222/us-east-1.*\n```\n"))
        #expect(alert.body.contains("AccessDeniedException"))
    }

    @Test("throttling that outlasts the client's retries on the second write: the first write is reported, the error re-raised")
    func throttledWrite() async throws {
        let fake = FakeConfigService()
        fake.fail("PutDeliveryChannel", with: FakeConfigService.serviceError("ThrottlingException", "PutDeliveryChannel"))
        let result = try await run(Self.payload(), commit: true, fake: fake)
        #expect((result.error as? AWSError)?.isThrottling == true)
        #expect(fake.writes == ["PutConfigurationRecorder default", "PutDeliveryChannel default"])
        let failure = try #require(result.recorder.messages(at: .error).first { $0.hasPrefix("[💥] Applied before the failure") })
        #expect(failure.contains("+ create configuration recorder \"default\""))
        #expect(!failure.contains("delivery channel"))
        #expect(result.recorder.alerts.map(\.priority) == [.problem])
    }

    @Test("an account/region the payload does not target is refused before any call")
    func notApplicable() async throws {
        let result = try await run(Self.payload(regions: "[us-east-1]"), region: "eu-west-1", commit: true)
        #expect((result.error as? ShipFailure)?.description
            == "[🙅‍♂️] The account/region provided is not applicable for this template. Not doing anything.")
        #expect(result.fake.calls.isEmpty)
    }
}
