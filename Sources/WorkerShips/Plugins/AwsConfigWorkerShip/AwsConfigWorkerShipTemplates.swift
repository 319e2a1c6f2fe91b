import Starfleet
import StarfleetSchema

/// The operator-facing messages of the AWS Config templates (SPEC-SHIPS §2.2), verbatim.
public enum AwsConfigMessages {
    public static let retentionRange = "Must be greater than or equal to 30 and less than or equal to 2557."
    public static let deliveryFrequencies = ["One_Hour", "Three_Hours", "Six_Hours", "Twelve_Hours", "TwentyFour_Hours"]
    /// Listed in AWS's order, not sorted.
    public static let deliveryFrequencyChoice =
        "Must be one of: One_Hour, Three_Hours, Six_Hours, Twelve_Hours, TwentyFour_Hours."
    public static let recordingGroupMissing =
        "At least one of the 3 options needs to be filled out: RecordEverything, RecordSpecificResources, RecordEverythingExcept"
    public static let recordingGroupMultiple =
        "Only one of the 3 options can be filled out: RecordEverything, RecordSpecificResources, RecordEverythingExcept"
    public static let globalsAllExclusive = "Can't list any other regions when `ALL` is specified"
    public static let globalsNoneExclusive = "Can't list any other regions when `NONE` is specified"
    /// Port addition: `ConfigRoleName` is a role name; the ARN is built per account.
    public static let roleNameNotArn = "Must be an IAM role name, not an ARN (the ARN is built for each account)."
}

/// Configuration and payload templates of the AwsConfigWorkerShip (SPEC-SHIPS §2.1, §2.2).
///
/// Regions are checked against the region catalog (`RegionCatalog.active`): the port uses the
/// same list for EC2 regions (top level) and AWS Config regions (overrides, globals), since
/// Config is available in every commercial region of the catalog.
public enum AwsConfigWorkerShipTemplates {
    public static let configuration = WorkerShipConfigurationTemplate.base.extending(
        "AwsConfigWorkerShipConfigurationTemplate",
        fields: [
            .string("worker_role_to_assume", key: "WorkerRoleToAssume", required: true),
            .string("worker_role_session_name", key: "WorkerRoleSessionName", default: "StarfleetAwsConfigWorkerShip"),
        ]
    )

    public static let payload = payload(regions: .active)

    public static func payload(regions catalog: RegionCatalog) -> Schema {
        let block = configBlock(regions: catalog)
        return PayloadTemplates.baseAccountRegion(regions: catalog).extending(
            "AwsConfigWorkerShipPayloadTemplate",
            fields: [
                .nested("default_configuration", key: "DefaultConfiguration", schema: block, required: true),
                .list("account_override_configurations", key: "AccountOverrideConfigurations",
                      of: .nested(overrideBlock(block, regions: catalog)), default: .list([])),
            ]
        )
    }

    // MARK: - Blocks

    static let deliveryFrequencyRule = FieldValidator.custom { value in
        guard let text = value.string, AwsConfigMessages.deliveryFrequencies.contains(text) else {
            return .message(AwsConfigMessages.deliveryFrequencyChoice)
        }
        return nil
    }

    public static let deliveryChannelDetails = Schema(name: "DeliveryChannelDetails", fields: [
        .string("bucket_name", key: "BucketName", required: true),
        .string("s3_delivery_frequency", key: "S3DeliveryFrequency", required: true, validators: [deliveryFrequencyRule]),
        .string("preferred_name", key: "PreferredName", default: "default"),
        .optionalString("bucket_key_prefix", key: "BucketKeyPrefix"),
        .optionalString("s3_kms_key_arn", key: "S3KmsKeyArn"),
        .optionalString("sns_topic_arn", key: "SnsTopicArn"),
    ], unknownKeys: .raise)

    static func recordEverything(regions catalog: RegionCatalog) -> Schema {
        Schema(name: "RecordEverything", fields: [
            .list("record_globals_in_these_regions", key: "RecordGlobalsInTheseRegions", of: .string, required: true),
        ], unknownKeys: .raise, rules: [globalsRule(catalog)])
    }

    /// `[ALL]` → every region, `[NONE]` or `[]` → none, else known regions only.
    static func globalsRule(_ catalog: RegionCatalog) -> Schema.ObjectRule {
        { data, original in
            let key = "RecordGlobalsInTheseRegions"
            let listed = data["record_globals_in_these_regions"]?.strings ?? []
            var errors = ValidationErrors()
            if listed.contains("ALL") {
                if listed.count > 1 {
                    errors.add(AwsConfigMessages.globalsAllExclusive, at: key, mark: original.keyMark(key))
                } else {
                    data["record_globals_in_these_regions"] = .stringSet(catalog.names)
                }
            } else if listed.contains("NONE") {
                if listed.count > 1 {
                    errors.add(AwsConfigMessages.globalsNoneExclusive, at: key, mark: original.keyMark(key))
                } else {
                    data["record_globals_in_these_regions"] = .stringSet([])
                }
            } else {
                let bad = listed.filter { !catalog.names.contains($0) }
                if bad.isEmpty {
                    data["record_globals_in_these_regions"] = .stringSet(Set(listed))
                } else {
                    errors.add(PayloadTemplates.invalidRegions(bad, catalog: catalog), at: key, mark: original.keyMark(key))
                }
            }
            return errors.isEmpty ? nil : errors
        }
    }

    static func recordingGroup(regions catalog: RegionCatalog) -> Schema {
        Schema(name: "RecordingGroup", fields: [
            .nested("record_everything", key: "RecordEverything", schema: recordEverything(regions: catalog)),
            .list("record_specific_resources", key: "RecordSpecificResources", of: .string, validators: [.length(min: 1)]),
            .list("record_everything_except", key: "RecordEverythingExcept", of: .string, validators: [.length(min: 1)]),
        ], unknownKeys: .raise)
    }

    static let roleNameRule = FieldValidator.custom { value in
        guard let text = value.string, text.hasPrefix("arn:") else { return nil }
        return .message(AwsConfigMessages.roleNameNotArn)
    }

    static func recorderConfiguration(regions catalog: RegionCatalog) -> Schema {
        Schema(name: "RecorderConfiguration", fields: [
            .string("config_role_name", key: "ConfigRoleName", required: true, validators: [roleNameRule]),
            .boolean("recording_enabled", key: "RecordingEnabled", default: false),
            .nested("recording_group", key: "RecordingGroup", schema: recordingGroup(regions: catalog), required: true),
            .string("preferred_name", key: "PreferredName", default: "default"),
        ], unknownKeys: .raise, rules: [recordingGroupRule])
    }

    /// Exactly one of the three modes; both messages are keyed `RecordingGroup`.
    static let recordingGroupRule: Schema.ObjectRule = { data, original in
        let group = data["recording_group"]?.map ?? [:]
        let set = ["record_everything", "record_specific_resources", "record_everything_except"]
            .filter { group[$0] != nil && group[$0] != .null }
        var errors = ValidationErrors()
        let mark = original.keyMark("RecordingGroup")
        if set.isEmpty {
            errors.add(AwsConfigMessages.recordingGroupMissing, at: "RecordingGroup", mark: mark)
        } else if set.count > 1 {
            errors.add(AwsConfigMessages.recordingGroupMultiple, at: "RecordingGroup", mark: mark)
        }
        return errors.isEmpty ? nil : errors
    }

    static func configBlockFields(regions catalog: RegionCatalog) -> [Field] {
        [
            .nested("delivery_channel_details", key: "DeliveryChannelDetails", schema: deliveryChannelDetails, required: true),
            .nested("recorder_configuration", key: "RecorderConfiguration", schema: recorderConfiguration(regions: catalog), required: true),
            .integer("retention_period_in_days", key: "RetentionPeriodInDays", required: true,
                     validators: [.range(min: 30, max: 2557)]),
        ]
    }

    public static func configBlock(regions catalog: RegionCatalog) -> Schema {
        Schema(name: "AwsConfigBlock", fields: configBlockFields(regions: catalog), unknownKeys: .raise)
    }

    /// A config block with its own account/region scope. `OperateInOrgRoot` is not a field here,
    /// so it is an unknown field.
    static func overrideBlock(_ block: Schema, regions catalog: RegionCatalog) -> Schema {
        block.extending("AwsConfigAccountOverride", fields: [
            .nested("include_accounts", key: "IncludeAccounts", schema: PayloadTemplates.includeAccountsSpecification, required: true),
            .nested("exclude_accounts", key: "ExcludeAccounts", schema: PayloadTemplates.accountsSpecification, default: .map([:])),
            .list("include_regions", key: "IncludeRegions", of: .string, required: true, validators: [.length(min: 1)]),
            .list("exclude_regions", key: "ExcludeRegions", of: .string, default: .list([])),
        ], rules: [overrideRegionsRule(catalog)])
    }

    /// `ALL` must stand alone in IncludeRegions (every region); ExcludeRegions must list known
    /// regions (`ALL` is not one).
    static func overrideRegionsRule(_ catalog: RegionCatalog) -> Schema.ObjectRule {
        { data, original in
            var errors = ValidationErrors()
            let include = data["include_regions"]?.strings ?? []
            if include.contains("ALL") {
                if include.count > 1 {
                    errors.add(PayloadTemplates.allRegionsExclusive, at: "IncludeRegions", mark: original.keyMark("IncludeRegions"))
                } else {
                    data["include_regions"] = .stringSet(catalog.names)
                }
            } else {
                let bad = include.filter { !catalog.names.contains($0) }
                if bad.isEmpty {
                    data["include_regions"] = .stringSet(Set(include))
                } else {
                    errors.add(PayloadTemplates.invalidRegions(bad, catalog: catalog), at: "IncludeRegions",
                               mark: original.keyMark("IncludeRegions"))
                }
            }
            let exclude = data["exclude_regions"]?.strings ?? []
            let badExcluded = exclude.filter { !catalog.names.contains($0) }
            if badExcluded.isEmpty {
                data["exclude_regions"] = .stringSet(Set(exclude))
            } else {
                errors.add(PayloadTemplates.invalidRegions(badExcluded, catalog: catalog), at: "ExcludeRegions",
                           mark: original.keyMark("ExcludeRegions"))
            }
            return errors.isEmpty ? nil : errors
        }
    }
}
