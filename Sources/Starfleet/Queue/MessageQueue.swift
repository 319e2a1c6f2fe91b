/// A message taken from a queue.
public struct QueuedMessage: Sendable, Equatable {
    public let messageId: String
    public let receiptHandle: String
    public let body: String
    /// How often the queue has handed this message out (`ApproximateReceiveCount`).
    public let receiveCount: Int

    public init(messageId: String, receiptHandle: String, body: String, receiveCount: Int) {
        self.messageId = messageId
        self.receiptHandle = receiptHandle
        self.body = body
        self.receiveCount = receiveCount
    }
}

/// A message to send; `id` is unique within one send call (SQS batch entry id).
public struct OutgoingMessage: Sendable, Equatable {
    public let id: String
    public let body: String

    public init(id: String, body: String) {
        self.id = id
        self.body = body
    }
}

/// A message the queue refused, after retries.
public struct MessageSendFailure: Sendable, Equatable, CustomStringConvertible {
    public let id: String
    public let code: String
    public let message: String

    public init(id: String, code: String, message: String) {
        self.id = id
        self.code = code
        self.message = message
    }

    public var description: String { "\(id): \(code) \(message)" }
}

/// The queue service the Starbase and the workers run on (SQS). The core knows only this
/// protocol; the command line wires in the SQS client.
public protocol MessageQueue: Sendable {
    /// Sends every message (batched, `concurrency` batches at a time); returns the ones that failed for good.
    func send(_ messages: [OutgoingMessage], to queueURL: String, concurrency: Int) async throws -> [MessageSendFailure]
    /// One long-poll receive of at most `maxMessages` (≤ 10).
    func receive(from queueURL: String, maxMessages: Int, waitSeconds: Int) async throws -> [QueuedMessage]
    func delete(_ message: QueuedMessage, from queueURL: String) async throws
    /// Makes the message invisible for `seconds` more from now.
    func extendVisibility(of message: QueuedMessage, in queueURL: String, seconds: Int) async throws
    /// The queue's `VisibilityTimeout` in seconds.
    func visibilityTimeout(of queueURL: String) async throws -> Int
}
