/// How many messages a ship's queue holds, and its dead-letter queue (what kept failing).
public struct QueueDepth: Sendable, Hashable {
    /// `ApproximateNumberOfMessages`: waiting to be received.
    public let waiting: Int
    /// `ApproximateNumberOfMessagesNotVisible`: received and not yet deleted (being worked on).
    public let inFlight: Int
    /// Waiting in the dead-letter queue of the redrive policy; nil when the queue has none.
    public let deadLetters: Int?

    public init(waiting: Int, inFlight: Int, deadLetters: Int?) {
        self.waiting = waiting
        self.inFlight = inFlight
        self.deadLetters = deadLetters
    }
}

/// Reads queue depths (SQS in production). The console asks through this protocol, so it
/// needs no AWS types.
public protocol QueueDepthReader: Sendable {
    func depth(of queueURL: String) async throws -> QueueDepth
}
