import Foundation

/// AWS Config over JSON 1.1 (`X-Amz-Target: StarlingDoveService.*`), regional.
public struct ConfigServiceClient: ConfigServiceAPI {
    public let client: AWSClient

    public init(client: AWSClient) {
        self.client = client
    }

    public func describeConfigurationRecorders() async throws -> [ConfigurationRecorder] {
        let output: RecordersOutput = try await client.json("DescribeConfigurationRecorders", input: EmptyJSON())
        return output.configurationRecorders ?? []
    }

    public func describeConfigurationRecorderStatus() async throws -> [ConfigurationRecorderStatus] {
        let output: RecorderStatusOutput = try await client.json("DescribeConfigurationRecorderStatus", input: EmptyJSON())
        return output.configurationRecordersStatus ?? []
    }

    public func describeDeliveryChannels() async throws -> [DeliveryChannel] {
        let output: ChannelsOutput = try await client.json("DescribeDeliveryChannels", input: EmptyJSON())
        return output.deliveryChannels ?? []
    }

    public func describeRetentionConfigurations() async throws -> [RetentionConfiguration] {
        try await Paginator.collectAll(service: client.service.displayName, operation: "DescribeRetentionConfigurations") { token in
            let output: RetentionOutput = try await client.json("DescribeRetentionConfigurations", input: TokenInput(nextToken: token))
            return (output.retentionConfigurations ?? [], output.nextToken)
        }
    }

    public func putConfigurationRecorder(_ recorder: ConfigurationRecorder) async throws {
        let _: EmptyJSON = try await client.json("PutConfigurationRecorder", input: PutRecorderInput(configurationRecorder: recorder))
    }

    public func putDeliveryChannel(_ channel: DeliveryChannel) async throws {
        let _: EmptyJSON = try await client.json("PutDeliveryChannel", input: PutChannelInput(deliveryChannel: channel))
    }

    public func putRetentionConfiguration(retentionPeriodInDays: Int) async throws {
        let _: IgnoredOutput = try await client.json(
            "PutRetentionConfiguration", input: PutRetentionInput(retentionPeriodInDays: retentionPeriodInDays))
    }

    public func startConfigurationRecorder(name: String) async throws {
        let _: EmptyJSON = try await client.json("StartConfigurationRecorder", input: RecorderNameInput(configurationRecorderName: name))
    }

    public func stopConfigurationRecorder(name: String) async throws {
        let _: EmptyJSON = try await client.json("StopConfigurationRecorder", input: RecorderNameInput(configurationRecorderName: name))
    }
}

// MARK: - Wire shapes

private struct RecordersOutput: Decodable {
    var configurationRecorders: [ConfigurationRecorder]?
    enum CodingKeys: String, CodingKey { case configurationRecorders = "ConfigurationRecorders" }
}

private struct RecorderStatusOutput: Decodable {
    var configurationRecordersStatus: [ConfigurationRecorderStatus]?
    enum CodingKeys: String, CodingKey { case configurationRecordersStatus = "ConfigurationRecordersStatus" }
}

private struct ChannelsOutput: Decodable {
    var deliveryChannels: [DeliveryChannel]?
    enum CodingKeys: String, CodingKey { case deliveryChannels = "DeliveryChannels" }
}

private struct RetentionOutput: Decodable {
    var retentionConfigurations: [RetentionConfiguration]?
    var nextToken: String?
    enum CodingKeys: String, CodingKey { case retentionConfigurations = "RetentionConfigurations", nextToken = "NextToken" }
}

private struct TokenInput: Encodable {
    var nextToken: String?
    enum CodingKeys: String, CodingKey { case nextToken = "NextToken" }
}

private struct PutRecorderInput: Encodable {
    var configurationRecorder: ConfigurationRecorder
    enum CodingKeys: String, CodingKey { case configurationRecorder = "ConfigurationRecorder" }
}

private struct PutChannelInput: Encodable {
    var deliveryChannel: DeliveryChannel
    enum CodingKeys: String, CodingKey { case deliveryChannel = "DeliveryChannel" }
}

private struct PutRetentionInput: Encodable {
    var retentionPeriodInDays: Int
    enum CodingKeys: String, CodingKey { case retentionPeriodInDays = "RetentionPeriodInDays" }
}

private struct RecorderNameInput: Encodable {
    var configurationRecorderName: String
    enum CodingKeys: String, CodingKey { case configurationRecorderName = "ConfigurationRecorderName" }
}

/// Any JSON object whose content is not needed.
private struct IgnoredOutput: Decodable {}
