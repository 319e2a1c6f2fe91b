/// The `STARFLEET` values the Starbase and the workers read.
extension Configuration {
    public var fanOutQueueURL: String? { starfleet["fan_out_queue_url"]?.string }
}

extension ShipStatus {
    public var invocationQueueURL: String? { configuration?["invocation_queue_url"]?.string }
    public var timedFrequency: String? { configuration?["eventbridge_timed_frequency"]?.string }
}
