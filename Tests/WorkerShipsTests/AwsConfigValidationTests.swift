import Foundation
import Starfleet
import StarfleetSchema
import Testing

@testable import WorkerShips

/// Every rule and message of the AWS Config payload template (SPEC-SHIPS §2.2).
@Suite("AwsConfigWorkerShip payload validation")
struct AwsConfigValidationTests {
    static let schema = AwsConfigWorkerShip.payloadTemplate

    /// A valid payload; `block` replaces the DefaultConfiguration body, `extra` is appended.
    static func payload(block: String = defaultBlock, extra: String = "") -> String {
        """
        TemplateName: Config
        TemplateDescription: AWS Config everywhere
        IncludeAccounts:
          AllAccounts: true
        IncludeRegions: [us-east-1, us-east-2]
        DefaultConfiguration:
        \(block.split(separator: "\n", omittingEmptySubsequences: false).map { "  " + $0 }.joined(separator: "\n"))
        \(extra)
        """
    }

    static let defaultBlock = """
    DeliveryChannelDetails:
      BucketName: all-bucket
      S3DeliveryFrequency: TwentyFour_Hours
    RecorderConfiguration:
      ConfigRoleName: MyConfigRole
      RecordingGroup:
        RecordEverything:
          RecordGlobalsInTheseRegions: [us-east-1]
    RetentionPeriodInDays: 2557
    """

    static func block(recordingGroup: String = "RecordEverything:\n  RecordGlobalsInTheseRegions: [us-east-1]",
                      retention: String = "2557", frequency: String = "TwentyFour_Hours", recorderExtra: String = "",
                      channelExtra: String = "", blockExtra: String = "") -> String {
        """
        DeliveryChannelDetails:
          BucketName: all-bucket
          S3DeliveryFrequency: \(frequency)
        \(channelExtra.split(separator: "\n").map { "  " + $0 }.joined(separator: "\n"))
        RecorderConfiguration:
          ConfigRoleName: MyConfigRole
        \(recorderExtra.split(separator: "\n").map { "  " + $0 }.joined(separator: "\n"))
          RecordingGroup:
        \(recordingGroup.split(separator: "\n").map { "    " + $0 }.joined(separator: "\n"))
        RetentionPeriodInDays: \(retention)
        \(blockExtra)
        """
    }

    func errors(_ yaml: String) throws -> [String] { try ShipFixtures.errors(Self.schema, yaml) }

    func loaded(_ yaml: String) throws -> PayloadMap { try Self.schema.load(YAMLReader().read(yaml)) }

    @Test("a complete payload loads with the documented defaults")
    func defaults() throws {
        let data = try loaded(Self.payload())
        let block = try #require(data["default_configuration"]?.map)
        let recorder = try #require(block["recorder_configuration"]?.map)
        #expect(recorder["recording_enabled"] == .bool(false))
        #expect(recorder["preferred_name"] == .string("default"))
        let channel = try #require(block["delivery_channel_details"]?.map)
        #expect(channel["preferred_name"] == .string("default"))
        #expect(channel["bucket_key_prefix"] == .null)
        #expect(channel["s3_kms_key_arn"] == .null)
        #expect(channel["sns_topic_arn"] == .null)
        #expect(data["account_override_configurations"] == .list([]))
    }

    @Test("required keys of the payload and of a block")
    func requiredKeys() throws {
        let missingDefault = """
        TemplateName: Config
        TemplateDescription: x
        IncludeAccounts: {AllAccounts: true}
        IncludeRegions: [us-east-1]
        """
        #expect(try errors(missingDefault) == ["DefaultConfiguration: Missing data for required field."])
        #expect(try errors(Self.payload(block: "RetentionPeriodInDays: 30")) == [
            "DefaultConfiguration.DeliveryChannelDetails: Missing data for required field.",
            "DefaultConfiguration.RecorderConfiguration: Missing data for required field.",
        ])
        let noRetention = Self.block().replacingOccurrences(of: "RetentionPeriodInDays: 2557", with: "")
        #expect(try errors(Self.payload(block: noRetention)) == ["DefaultConfiguration.RetentionPeriodInDays: Missing data for required field."])
        let noRole = Self.block().replacingOccurrences(of: "ConfigRoleName: MyConfigRole", with: "PreferredName: rec")
        #expect(try errors(Self.payload(block: noRole)) == ["DefaultConfiguration.RecorderConfiguration.ConfigRoleName: Missing data for required field."])
        let noBucket = Self.block().replacingOccurrences(of: "BucketName: all-bucket", with: "PreferredName: chan")
        #expect(try errors(Self.payload(block: noBucket)) == ["DefaultConfiguration.DeliveryChannelDetails.BucketName: Missing data for required field."])
        let noFrequency = Self.block().replacingOccurrences(of: "S3DeliveryFrequency: TwentyFour_Hours", with: "")
        #expect(try errors(Self.payload(block: noFrequency)) == ["DefaultConfiguration.DeliveryChannelDetails.S3DeliveryFrequency: Missing data for required field."])
        let noGroup = """
        DeliveryChannelDetails: {BucketName: b, S3DeliveryFrequency: One_Hour}
        RecorderConfiguration: {ConfigRoleName: r}
        RetentionPeriodInDays: 30
        """
        #expect(try errors(Self.payload(block: noGroup)) == ["DefaultConfiguration.RecorderConfiguration.RecordingGroup: Missing data for required field."])
    }

    @Test("RetentionPeriodInDays is 30–2557", arguments: [("29", false), ("30", true), ("2557", true), ("2558", false), ("0", false)])
    func retentionBounds(value: String, valid: Bool) throws {
        let found = try errors(Self.payload(block: Self.block(retention: value)))
        #expect(found == (valid ? [] : ["DefaultConfiguration.RetentionPeriodInDays: Must be greater than or equal to 30 and less than or equal to 2557."]))
    }

    @Test("S3DeliveryFrequency lists the choices in AWS's order")
    func deliveryFrequency() throws {
        for good in ["One_Hour", "Three_Hours", "Six_Hours", "Twelve_Hours", "TwentyFour_Hours"] {
            #expect(try errors(Self.payload(block: Self.block(frequency: good))) == [])
        }
        #expect(try errors(Self.payload(block: Self.block(frequency: "Daily"))) == [
            "DefaultConfiguration.DeliveryChannelDetails.S3DeliveryFrequency: Must be one of: One_Hour, Three_Hours, Six_Hours, Twelve_Hours, TwentyFour_Hours.",
        ])
    }

    @Test("RecordingGroup: none, more than one, empty lists")
    func recordingGroupModes() throws {
        let path = "DefaultConfiguration.RecorderConfiguration.RecordingGroup"
        #expect(try errors(Self.payload(block: Self.block(recordingGroup: "{}"))) == [
            "\(path): At least one of the 3 options needs to be filled out: RecordEverything, RecordSpecificResources, RecordEverythingExcept",
        ])
        let two = "RecordSpecificResources: [AWS::S3::Bucket]\nRecordEverythingExcept: [AWS::EC2::Instance]"
        #expect(try errors(Self.payload(block: Self.block(recordingGroup: two))) == [
            "\(path): Only one of the 3 options can be filled out: RecordEverything, RecordSpecificResources, RecordEverythingExcept",
        ])
        let three = "RecordEverything: {RecordGlobalsInTheseRegions: []}\n" + two
        #expect(try errors(Self.payload(block: Self.block(recordingGroup: three))) == [
            "\(path): Only one of the 3 options can be filled out: RecordEverything, RecordSpecificResources, RecordEverythingExcept",
        ])
        #expect(try errors(Self.payload(block: Self.block(recordingGroup: "RecordSpecificResources: []"))) == [
            "\(path).RecordSpecificResources: Shorter than minimum length 1.",
        ])
        #expect(try errors(Self.payload(block: Self.block(recordingGroup: "RecordEverythingExcept: []"))) == [
            "\(path).RecordEverythingExcept: Shorter than minimum length 1.",
        ])
        #expect(try errors(Self.payload(block: Self.block(recordingGroup: "RecordEverything: {}"))) == [
            "\(path).RecordEverything.RecordGlobalsInTheseRegions: Missing data for required field.",
        ])
        #expect(try errors(Self.payload(block: Self.block(recordingGroup: "RecordAll: true"))) == ["\(path).RecordAll: Unknown field."])
        // Resource-type strings are not validated by the ship.
        #expect(try errors(Self.payload(block: Self.block(recordingGroup: "RecordSpecificResources: [AWS::Made::Up]"))) == [])
    }

    @Test("RecordGlobalsInTheseRegions: ALL, NONE, a list, an empty list")
    func globalRegions() throws {
        func globals(_ list: String) throws -> (errors: [String], loaded: Set<String>?) {
            let yaml = Self.payload(block: Self.block(recordingGroup: "RecordEverything:\n  RecordGlobalsInTheseRegions: \(list)"))
            let found = try errors(yaml)
            guard found.isEmpty else { return (found, nil) }
            let block = try loaded(yaml)["default_configuration"]?.map
            let everything = block?["recorder_configuration"]?["recording_group"]?["record_everything"]
            return ([], everything?["record_globals_in_these_regions"]?.stringSet)
        }
        let path = "DefaultConfiguration.RecorderConfiguration.RecordingGroup.RecordEverything.RecordGlobalsInTheseRegions"
        #expect(try globals("[ALL]").loaded == RegionCatalog.active.names)
        #expect(try globals("[ALL, us-east-1]").errors == ["\(path): Can't list any other regions when `ALL` is specified"])
        #expect(try globals("[NONE]").loaded == [])
        #expect(try globals("[NONE, us-east-1]").errors == ["\(path): Can't list any other regions when `NONE` is specified"])
        #expect(try globals("[]").loaded == [])
        #expect(try globals("[us-east-1, eu-west-1]").loaded == ["us-east-1", "eu-west-1"])
        let bad = try globals("[us-east-1, moon-base-1, mars-north-2]").errors
        #expect(bad == ["\(path): Invalid regions are specified: mars-north-2, moon-base-1. Regions must be from this list: \(RegionCatalog.active.joined)"])
    }

    @Test("ConfigRoleName is a role name, not an ARN (port addition)")
    func roleName() throws {
        let block = Self.block().replacingOccurrences(of: "ConfigRoleName: MyConfigRole",
                                                      with: "ConfigRoleName: arn:aws:iam::111111111111:role/MyConfigRole")
        #expect(try errors(Self.payload(block: block)) == [
            "DefaultConfiguration.RecorderConfiguration.ConfigRoleName: Must be an IAM role name, not an ARN (the ARN is built for each account).",
        ])
    }

    @Test("unknown keys in nested objects fail; at the top level they are ignored")
    func unknownKeys() throws {
        #expect(try errors(Self.payload(block: Self.block(blockExtra: "Extra: 1"))) == ["DefaultConfiguration.Extra: Unknown field."])
        #expect(try errors(Self.payload(block: Self.block(channelExtra: "BucketRegion: us-east-1"))) == [
            "DefaultConfiguration.DeliveryChannelDetails.BucketRegion: Unknown field.",
        ])
        #expect(try errors(Self.payload(block: Self.block(recorderExtra: "RecordingMode: CONTINUOUS"))) == [
            "DefaultConfiguration.RecorderConfiguration.RecordingMode: Unknown field.",
        ])
        #expect(try errors(Self.payload(extra: "SomethingElse: kept")) == [])
    }

    @Test("generic messages: not a string, coercions the port accepts and refuses")
    func genericMessages() throws {
        let notString = Self.block().replacingOccurrences(of: "BucketName: all-bucket", with: "BucketName: [a, b]")
        #expect(try errors(Self.payload(block: notString)) == ["DefaultConfiguration.DeliveryChannelDetails.BucketName: Not a valid string."])
        // Like upstream: "yes" is true and "100" is 100 …
        let coerced = Self.block(retention: "\"100\"", recorderExtra: "RecordingEnabled: \"yes\"")
        let block = try #require(try loaded(Self.payload(block: coerced))["default_configuration"]?.map)
        #expect(block["retention_period_in_days"] == .int(100))
        #expect(block["recorder_configuration"]?["recording_enabled"] == .bool(true))
        // … but 100.5 is refused instead of truncated (documented difference).
        #expect(try errors(Self.payload(block: Self.block(retention: "100.5"))) == [
            "DefaultConfiguration.RetentionPeriodInDays: Not a valid integer: 100.5 has a fractional part (it is refused, not truncated to 100).",
        ])
        #expect(try errors(Self.payload(block: Self.block(retention: "\"100.5\""))) == ["DefaultConfiguration.RetentionPeriodInDays: Not a valid integer."])
    }

    static let override = """
    AccountOverrideConfigurations:
      - IncludeAccounts:
          ByIds: ["222222222222"]
        IncludeRegions: [us-east-1]
        DeliveryChannelDetails: {BucketName: override-bucket, S3DeliveryFrequency: One_Hour}
        RecorderConfiguration:
          ConfigRoleName: OverrideRole
          RecordingGroup: {RecordSpecificResources: [AWS::S3::Bucket]}
        RetentionPeriodInDays: 30
    """

    @Test("override blocks: their own scope keys, OperateInOrgRoot unknown, explicit null list")
    func overrides() throws {
        #expect(try errors(Self.payload(extra: Self.override)) == [])
        #expect(try errors(Self.payload(extra: Self.override + "\n    OperateInOrgRoot: true")) == [
            "AccountOverrideConfigurations.0.OperateInOrgRoot: Unknown field.",
        ])
        #expect(try errors(Self.payload(extra: "AccountOverrideConfigurations: null")) == [
            "AccountOverrideConfigurations: Field may not be null.",
        ])
        let noInclude = Self.override.replacingOccurrences(of: "  - IncludeAccounts:\n      ByIds: [\"222222222222\"]\n    IncludeRegions",
                                                           with: "  - IncludeRegions")
        #expect(try errors(Self.payload(extra: noInclude)) == ["AccountOverrideConfigurations.0.IncludeAccounts: Missing data for required field."])
        let noRegions = Self.override.replacingOccurrences(of: "    IncludeRegions: [us-east-1]\n", with: "")
        #expect(try errors(Self.payload(extra: noRegions)) == ["AccountOverrideConfigurations.0.IncludeRegions: Missing data for required field."])
        let emptyRegions = Self.override.replacingOccurrences(of: "IncludeRegions: [us-east-1]", with: "IncludeRegions: []")
        #expect(try errors(Self.payload(extra: emptyRegions)) == ["AccountOverrideConfigurations.0.IncludeRegions: Shorter than minimum length 1."])
        let emptyAccounts = Self.override.replacingOccurrences(of: "ByIds: [\"222222222222\"]", with: "ByIds: []")
        #expect(try errors(Self.payload(extra: emptyAccounts)).count == 5)
        #expect(try errors(Self.payload(extra: emptyAccounts)).allSatisfy { $0.hasSuffix(PayloadTemplates.missingAccountFieldSet) })
    }

    @Test("override regions: ALL alone means every region, ExcludeRegions must be real regions")
    func overrideRegions() throws {
        let all = Self.override.replacingOccurrences(of: "IncludeRegions: [us-east-1]", with: "IncludeRegions: [ALL]")
        let loadedAll = try loaded(Self.payload(extra: all))["account_override_configurations"]?.list?.first
        #expect(loadedAll?["include_regions"]?.stringSet == RegionCatalog.active.names)
        let allPlus = Self.override.replacingOccurrences(of: "IncludeRegions: [us-east-1]", with: "IncludeRegions: [ALL, us-east-1]")
        #expect(try errors(Self.payload(extra: allPlus)) == [
            "AccountOverrideConfigurations.0.IncludeRegions: Can't specify any other regions when `ALL` is specified in the list.",
        ])
        let badInclude = Self.override.replacingOccurrences(of: "IncludeRegions: [us-east-1]", with: "IncludeRegions: [us-east-9]")
        #expect(try errors(Self.payload(extra: badInclude)) == [
            "AccountOverrideConfigurations.0.IncludeRegions: Invalid regions are specified: us-east-9. Regions must be from this list: \(RegionCatalog.active.joined)",
        ])
        let excludeAll = Self.override.replacingOccurrences(of: "IncludeRegions: [us-east-1]",
                                                            with: "IncludeRegions: [us-east-1]\n    ExcludeRegions: [ALL]")
        #expect(try errors(Self.payload(extra: excludeAll)) == [
            "AccountOverrideConfigurations.0.ExcludeRegions: Invalid regions are specified: ALL. Regions must be from this list: \(RegionCatalog.active.joined)",
        ])
    }

    @Test("top-level regions use the base template's rules and messages")
    func topLevelRegions() throws {
        let yaml = Self.payload().replacingOccurrences(of: "IncludeRegions: [us-east-1, us-east-2]", with: "IncludeRegions: [ALL, us-east-1]")
        #expect(try errors(yaml) == ["IncludeRegions: Can't specify any other regions when `ALL` is specified in the list."])
        let missing = Self.payload().replacingOccurrences(of: "IncludeRegions: [us-east-1, us-east-2]\n", with: "")
        #expect(try errors(missing) == ["IncludeRegions: Missing data for required field."])
    }

    @Test("the example payloads: the valid one loads, the invalid one shows its three errors")
    func examples() throws {
        let root = ShipFixtures.repository
        let valid = try String(contentsOf: root.appendingPathComponent("examples/payloads/AwsConfigWorkerShip/aws_config_everywhere.yaml"), encoding: .utf8)
        #expect(try errors(valid) == [])
        let invalid = try String(contentsOf: root.appendingPathComponent("examples/payloads/AwsConfigWorkerShip/invalid_two_recording_modes.yaml"), encoding: .utf8)
        #expect(try errors(invalid) == [
            "DefaultConfiguration.DeliveryChannelDetails.S3DeliveryFrequency: Must be one of: One_Hour, Three_Hours, Six_Hours, Twelve_Hours, TwentyFour_Hours.",
            "DefaultConfiguration.RecorderConfiguration.RecordingGroup: Only one of the 3 options can be filled out: RecordEverything, RecordSpecificResources, RecordEverythingExcept",
            "DefaultConfiguration.RetentionPeriodInDays: Must be greater than or equal to 30 and less than or equal to 2557.",
        ])
    }

    @Test("configuration template: WorkerRoleToAssume required, session name defaulted")
    func configurationTemplate() throws {
        let base = """
        Enabled: true
        TemplatePrefix: AwsConfigWorkerShip/
        InvocationQueueUrl: https://sqs.us-east-1.amazonaws.com/000000000000/q
        InvocationSources: [S3]
        """
        #expect(try ShipFixtures.errors(AwsConfigWorkerShip.configurationTemplate, base) == ["WorkerRoleToAssume: Missing data for required field."])
        let loaded = try AwsConfigWorkerShip.configurationTemplate.load(YAMLReader().read(base + "\nWorkerRoleToAssume: r"))
        #expect(loaded["worker_role_session_name"] == .string("StarfleetAwsConfigWorkerShip"))
        #expect(AwsConfigWorkerShip.fanOutStrategy == .accountRegion)
        #expect(AwsConfigWorkerShip.payloadTemplate.extends(PayloadTemplates.baseAccountRegion))
    }
}
