import Foundation

/// `ConfigurationRecorder` in AWS Config's own JSON casing. Fields the service adds that
/// Starfleet does not manage (`arn`, `recordingMode`, …) are not decoded.
public struct ConfigurationRecorder: Codable, Sendable, Equatable {
    public var name: String?
    public var roleARN: String?
    public var recordingGroup: RecordingGroup?

    public init(name: String?, roleARN: String?, recordingGroup: RecordingGroup?) {
        self.name = name
        self.roleARN = roleARN
        self.recordingGroup = recordingGroup
    }
}

public struct RecordingGroup: Codable, Sendable, Equatable {
    public var allSupported: Bool?
    public var includeGlobalResourceTypes: Bool?
    public var resourceTypes: [String]?
    public var exclusionByResourceTypes: ExclusionByResourceTypes?
    public var recordingStrategy: RecordingStrategy?

    public init(allSupported: Bool?, includeGlobalResourceTypes: Bool?, resourceTypes: [String]?,
                exclusionByResourceTypes: ExclusionByResourceTypes?, recordingStrategy: RecordingStrategy?) {
        self.allSupported = allSupported
        self.includeGlobalResourceTypes = includeGlobalResourceTypes
        self.resourceTypes = resourceTypes
        self.exclusionByResourceTypes = exclusionByResourceTypes
        self.recordingStrategy = recordingStrategy
    }
}

public struct ExclusionByResourceTypes: Codable, Sendable, Equatable {
    public var resourceTypes: [String]?
    public init(resourceTypes: [String]?) { self.resourceTypes = resourceTypes }
}

public struct RecordingStrategy: Codable, Sendable, Equatable {
    public var useOnly: String?
    public init(useOnly: String?) { self.useOnly = useOnly }
}

public struct ConfigurationRecorderStatus: Codable, Sendable, Equatable {
    public var name: String?
    public var recording: Bool?
    public var lastStatus: String?

    public init(name: String?, recording: Bool?, lastStatus: String? = nil) {
        self.name = name
        self.recording = recording
        self.lastStatus = lastStatus
    }
}

public struct DeliveryChannel: Codable, Sendable, Equatable {
    public var name: String?
    public var s3BucketName: String?
    public var s3KeyPrefix: String?
    public var s3KmsKeyArn: String?
    public var snsTopicARN: String?
    public var configSnapshotDeliveryProperties: ConfigSnapshotDeliveryProperties?

    public init(name: String?, s3BucketName: String?, s3KeyPrefix: String? = nil, s3KmsKeyArn: String? = nil,
                snsTopicARN: String? = nil, configSnapshotDeliveryProperties: ConfigSnapshotDeliveryProperties?) {
        self.name = name
        self.s3BucketName = s3BucketName
        self.s3KeyPrefix = s3KeyPrefix
        self.s3KmsKeyArn = s3KmsKeyArn
        self.snsTopicARN = snsTopicARN
        self.configSnapshotDeliveryProperties = configSnapshotDeliveryProperties
    }
}

public struct ConfigSnapshotDeliveryProperties: Codable, Sendable, Equatable {
    public var deliveryFrequency: String?
    public init(deliveryFrequency: String?) { self.deliveryFrequency = deliveryFrequency }
}

public struct RetentionConfiguration: Codable, Sendable, Equatable {
    public var name: String
    public var retentionPeriodInDays: Int

    public init(name: String, retentionPeriodInDays: Int) {
        self.name = name
        self.retentionPeriodInDays = retentionPeriodInDays
    }

    enum CodingKeys: String, CodingKey { case name = "Name", retentionPeriodInDays = "RetentionPeriodInDays" }
}
