/// The AWS Config calls the AwsConfigWorkerShip makes, in one account and region.
public protocol ConfigServiceAPI: Sendable {
    func describeConfigurationRecorders() async throws -> [ConfigurationRecorder]
    func describeConfigurationRecorderStatus() async throws -> [ConfigurationRecorderStatus]
    func describeDeliveryChannels() async throws -> [DeliveryChannel]
    /// Follows `NextToken` to the end.
    func describeRetentionConfigurations() async throws -> [RetentionConfiguration]

    func putConfigurationRecorder(_ recorder: ConfigurationRecorder) async throws
    func putDeliveryChannel(_ channel: DeliveryChannel) async throws
    /// Sends only the period, so AWS names the configuration `default`.
    func putRetentionConfiguration(retentionPeriodInDays: Int) async throws
    func startConfigurationRecorder(name: String) async throws
    func stopConfigurationRecorder(name: String) async throws
}
