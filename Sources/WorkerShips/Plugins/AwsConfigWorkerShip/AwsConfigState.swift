import Foundation
import StarfleetAWS
import StarfleetSchema

/// What the account/region has now (SPEC-SHIPS §2.4): the first recorder, its status, the first
/// delivery channel and the first retention configuration, each nil when there is none.
public struct AwsConfigCurrentState: Sendable, Equatable {
    public var recorder: ConfigurationRecorder?
    public var status: ConfigurationRecorderStatus?
    public var channel: DeliveryChannel?
    public var retention: RetentionConfiguration?

    public init(recorder: ConfigurationRecorder? = nil, status: ConfigurationRecorderStatus? = nil,
                channel: DeliveryChannel? = nil, retention: RetentionConfiguration? = nil) {
        self.recorder = recorder
        self.status = status
        self.channel = channel
        self.retention = retention
    }

    /// Reads in the documented order. The client retries throttling and 5xx answers only.
    public static func read(from client: any ConfigServiceAPI) async throws -> AwsConfigCurrentState {
        let recorder = try await client.describeConfigurationRecorders().first
        let status = try await client.describeConfigurationRecorderStatus().first
        let channel = try await client.describeDeliveryChannels().first
        let retention = try await client.describeRetentionConfigurations().first
        return AwsConfigCurrentState(recorder: recorder.map(Self.kept), status: status, channel: channel, retention: retention)
    }

    /// Only the recorder fields Starfleet manages; `recordingMode`, `arn`… are dropped, so
    /// endpoints that do not return them (moto) still converge.
    static func kept(_ recorder: ConfigurationRecorder) -> ConfigurationRecorder {
        ConfigurationRecorder(name: recorder.name, roleARN: recorder.roleARN, recordingGroup: recorder.recordingGroup)
    }
}

public enum RecordingAction: String, Sendable, Equatable {
    case doNothing = "DO_NOTHING"
    case start = "START"
    case stop = "STOP"
}

/// The desired state for one (account, region) from the chosen config block (SPEC-SHIPS §2.5).
public struct AwsConfigDesiredState: Sendable, Equatable {
    public var recorder: ConfigurationRecorder
    public var channel: DeliveryChannel
    public var retentionPeriodInDays: Int
    public var recordingEnabled: Bool

    /// - Parameters:
    ///   - block: a loaded config block (snake_case).
    ///   - current: the names of an existing recorder and channel are kept (they cannot be renamed).
    public init(block: PayloadMap, account: String, region: String, partition: String = "aws", current: AwsConfigCurrentState) {
        let recorderSettings = block["recorder_configuration"]?.map ?? [:]
        let group = recorderSettings["recording_group"]?.map ?? [:]
        let roleName = recorderSettings["config_role_name"]?.string ?? ""
        let recordingGroup: RecordingGroup
        if let everything = group["record_everything"]?.map {
            let globals = everything["record_globals_in_these_regions"]?.stringSet ?? []
            recordingGroup = RecordingGroup(
                allSupported: true, includeGlobalResourceTypes: globals.contains(region), resourceTypes: [],
                exclusionByResourceTypes: ExclusionByResourceTypes(resourceTypes: []),
                recordingStrategy: RecordingStrategy(useOnly: "ALL_SUPPORTED_RESOURCE_TYPES"))
        } else if let specific = group["record_specific_resources"]?.strings {
            recordingGroup = RecordingGroup(
                allSupported: false, includeGlobalResourceTypes: false, resourceTypes: specific,
                exclusionByResourceTypes: ExclusionByResourceTypes(resourceTypes: []),
                recordingStrategy: RecordingStrategy(useOnly: "INCLUSION_BY_RESOURCE_TYPES"))
        } else {
            recordingGroup = RecordingGroup(
                allSupported: false, includeGlobalResourceTypes: false, resourceTypes: [],
                exclusionByResourceTypes: ExclusionByResourceTypes(resourceTypes: group["record_everything_except"]?.strings ?? []),
                recordingStrategy: RecordingStrategy(useOnly: "EXCLUSION_BY_RESOURCE_TYPES"))
        }
        recorder = ConfigurationRecorder(
            name: current.recorder?.name ?? recorderSettings["preferred_name"]?.string ?? "default",
            roleARN: "arn:\(partition):iam::\(account):role/\(roleName)", recordingGroup: recordingGroup)

        let details = block["delivery_channel_details"]?.map ?? [:]
        channel = DeliveryChannel(
            name: current.channel?.name ?? details["preferred_name"]?.string ?? "default",
            s3BucketName: details["bucket_name"]?.string,
            s3KeyPrefix: details["bucket_key_prefix"]?.string,
            s3KmsKeyArn: details["s3_kms_key_arn"]?.string,
            snsTopicARN: details["sns_topic_arn"]?.string,
            configSnapshotDeliveryProperties: ConfigSnapshotDeliveryProperties(
                deliveryFrequency: details["s3_delivery_frequency"]?.string))
        retentionPeriodInDays = block["retention_period_in_days"]?.int ?? 2557
        recordingEnabled = recorderSettings["recording_enabled"]?.bool ?? false
    }
}

/// The differences between current and desired state, and the plan lines that describe them.
public struct AwsConfigWork: Sendable, Equatable {
    public var recorderNeedsUpdate: Bool
    public var channelNeedsUpdate: Bool
    public var retentionNeedsUpdate: Bool
    public var recordingAction: RecordingAction
    /// The recorder to start or stop: the existing one's real name, else the preferred name.
    public var recorderName: String

    public var isEmpty: Bool {
        !recorderNeedsUpdate && !channelNeedsUpdate && !retentionNeedsUpdate && recordingAction == .doNothing
    }

    public init(current: AwsConfigCurrentState, desired: AwsConfigDesiredState) {
        recorderNeedsUpdate = !Self.recorderMatches(current.recorder, desired.recorder)
        channelNeedsUpdate = !Self.channelMatches(current.channel, desired.channel)
        retentionNeedsUpdate = (current.retention?.retentionPeriodInDays ?? 0) != desired.retentionPeriodInDays
        recorderName = desired.recorder.name ?? "default"
        switch (current.status, desired.recordingEnabled) {
        case (nil, false): recordingAction = .doNothing
        case (nil, true): recordingAction = .start
        case (let status?, let enabled):
            let recording = status.recording ?? false
            recordingAction = recording == enabled ? .doNothing : (enabled ? .start : .stop)
        }
    }

    /// Names never differ (recorders cannot be renamed); resource-type lists compare as sets.
    static func recorderMatches(_ current: ConfigurationRecorder?, _ desired: ConfigurationRecorder) -> Bool {
        guard let current else { return false }
        let have = current.recordingGroup
        let want = desired.recordingGroup
        return current.roleARN == desired.roleARN
            && (have?.allSupported ?? false) == (want?.allSupported ?? false)
            && (have?.includeGlobalResourceTypes ?? false) == (want?.includeGlobalResourceTypes ?? false)
            && Set(have?.resourceTypes ?? []) == Set(want?.resourceTypes ?? [])
            && Set(have?.exclusionByResourceTypes?.resourceTypes ?? []) == Set(want?.exclusionByResourceTypes?.resourceTypes ?? [])
            && have?.recordingStrategy?.useOnly == want?.recordingStrategy?.useOnly
    }

    /// Exact equality of the kept fields (an extra field in AWS is a difference; the put clears it).
    static func channelMatches(_ current: DeliveryChannel?, _ desired: DeliveryChannel) -> Bool {
        guard let current else { return false }
        return current.s3BucketName == desired.s3BucketName && current.s3KeyPrefix == desired.s3KeyPrefix
            && current.s3KmsKeyArn == desired.s3KmsKeyArn && current.snsTopicARN == desired.snsTopicARN
            && current.configSnapshotDeliveryProperties?.deliveryFrequency == desired.configSnapshotDeliveryProperties?.deliveryFrequency
    }
}

// MARK: - Plan lines

extension AwsConfigWork {
    /// One plan entry per thing out of sync, in apply order.
    public func plan(current: AwsConfigCurrentState, desired: AwsConfigDesiredState) -> ChangePlan {
        var plan = ChangePlan()
        if recorderNeedsUpdate {
            let want = desired.recorder
            let name = want.name ?? "default"
            let wantFields = Self.recorderFields(want)
            if let have = current.recorder {
                let haveFields = Self.recorderFields(have)
                let details = zip(haveFields, wantFields).compactMap { pair -> String? in
                    pair.0.value == pair.1.value ? nil : "\(pair.0.name): \(pair.0.value) → \(pair.1.value)"
                }
                plan.append(.init(.update, "configuration recorder \(ChangePlan.quoted(name))", details: details))
            } else {
                plan.append(.init(.create, "configuration recorder \(ChangePlan.quoted(name))",
                                  details: wantFields.map { "\($0.name): \($0.value)" }))
            }
        }
        if channelNeedsUpdate {
            let want = desired.channel
            let name = want.name ?? "default"
            let wantFields = Self.channelFields(want)
            if let have = current.channel {
                let details = zip(Self.channelFields(have), wantFields).compactMap { pair -> String? in
                    pair.0.value == pair.1.value ? nil : "\(pair.0.name): \(pair.0.value) → \(pair.1.value)"
                }
                plan.append(.init(.update, "delivery channel \(ChangePlan.quoted(name))", details: details))
            } else {
                plan.append(.init(.create, "delivery channel \(ChangePlan.quoted(name))",
                                  details: wantFields.filter { $0.value != "(none)" }.map { "\($0.name): \($0.value)" }))
            }
        }
        if retentionNeedsUpdate {
            if let have = current.retention {
                plan.append(.init(.update, "retention configuration \(ChangePlan.quoted(have.name))",
                                  details: ["retention_period_in_days: \(have.retentionPeriodInDays) → \(desired.retentionPeriodInDays)"]))
            } else {
                plan.append(.init(.create, "retention configuration \"default\"",
                                  details: ["retention_period_in_days: \(desired.retentionPeriodInDays)"]))
            }
        }
        switch recordingAction {
        case .doNothing: break
        case .start:
            plan.append(.init(.update, "recording of configuration recorder \(ChangePlan.quoted(recorderName))",
                              details: ["recording: \(current.status?.recording ?? false) → true (StartConfigurationRecorder)"]))
        case .stop:
            plan.append(.init(.update, "recording of configuration recorder \(ChangePlan.quoted(recorderName))",
                              details: ["recording: true → false (StopConfigurationRecorder)"]))
        }
        return plan
    }

    static func recorderFields(_ recorder: ConfigurationRecorder) -> [(name: String, value: String)] {
        let group = recorder.recordingGroup
        return [
            ("role_arn", ChangePlan.display(recorder.roleARN)),
            ("all_supported", String(group?.allSupported ?? false)),
            ("include_global_resource_types", String(group?.includeGlobalResourceTypes ?? false)),
            ("resource_types", ChangePlan.list((group?.resourceTypes ?? []).sorted())),
            ("excluded_resource_types", ChangePlan.list((group?.exclusionByResourceTypes?.resourceTypes ?? []).sorted())),
            ("recording_strategy", ChangePlan.display(group?.recordingStrategy?.useOnly)),
        ]
    }

    static func channelFields(_ channel: DeliveryChannel) -> [(name: String, value: String)] {
        [
            ("s3_bucket_name", ChangePlan.display(channel.s3BucketName)),
            ("s3_key_prefix", ChangePlan.display(channel.s3KeyPrefix)),
            ("s3_kms_key_arn", ChangePlan.display(channel.s3KmsKeyArn)),
            ("sns_topic_arn", ChangePlan.display(channel.snsTopicARN)),
            ("delivery_frequency", ChangePlan.display(channel.configSnapshotDeliveryProperties?.deliveryFrequency)),
        ]
    }
}

// MARK: - JSON renderings for the summary diffs (§2.6)

enum AwsConfigJSON {
    static func value<T: Encodable>(_ item: T?) -> PayloadValue {
        guard let item else { return .map([:]) }
        let encoder = JSONEncoder()
        guard let data = try? encoder.encode(item), let text = String(data: data, encoding: .utf8),
              let parsed = try? JSONText.parse(text) else { return .map([:]) }
        return parsed
    }

    static func pretty<T: Encodable>(_ item: T?) -> String { JSONText.pretty(value(item)) }
    static func compact<T: Encodable>(_ item: T?) -> String { JSONText.compact(value(item)) }
}
