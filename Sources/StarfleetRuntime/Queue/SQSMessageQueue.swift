import Starfleet
import StarfleetAWS

/// The core's ``MessageQueue`` on SQS.
public struct SQSMessageQueue: MessageQueue {
    public let sqs: any SQSAPI

    public init(sqs: any SQSAPI) {
        self.sqs = sqs
    }

    public func send(_ messages: [OutgoingMessage], to queueURL: String, concurrency: Int) async throws -> [MessageSendFailure] {
        let entries = messages.map { SQSSendEntry(id: $0.id, body: $0.body) }
        let failures = try await SQSBatchSender(sqs: sqs).send(queueURL: queueURL, entries: entries, concurrency: concurrency)
        return failures.map { MessageSendFailure(id: $0.id, code: $0.code, message: $0.message) }
    }

    public func receive(from queueURL: String, maxMessages: Int, waitSeconds: Int) async throws -> [QueuedMessage] {
        try await sqs.receiveMessages(queueURL: queueURL, maxMessages: maxMessages, waitSeconds: waitSeconds, visibilityTimeout: nil)
            .map { QueuedMessage(messageId: $0.messageId, receiptHandle: $0.receiptHandle, body: $0.body, receiveCount: $0.receiveCount) }
    }

    public func delete(_ message: QueuedMessage, from queueURL: String) async throws {
        let result = try await sqs.deleteMessageBatch(
            queueURL: queueURL, entries: [SQSDeleteEntry(id: "1", receiptHandle: message.receiptHandle)])
        if let failure = result.failed.first {
            throw MessageDeleteError(messageId: message.messageId, code: failure.code, message: failure.message)
        }
    }

    public func extendVisibility(of message: QueuedMessage, in queueURL: String, seconds: Int) async throws {
        try await sqs.changeMessageVisibility(queueURL: queueURL, receiptHandle: message.receiptHandle, visibilityTimeout: seconds)
    }

    public func visibilityTimeout(of queueURL: String) async throws -> Int {
        let attributes = try await sqs.getQueueAttributes(queueURL: queueURL, names: ["VisibilityTimeout"])
        return attributes["VisibilityTimeout"].flatMap(Int.init) ?? 30
    }
}

/// SQS refused to delete a handled message (it comes back after its visibility timeout).
public struct MessageDeleteError: Error, Sendable, CustomStringConvertible {
    public let messageId: String
    public let code: String
    public let message: String

    public var description: String { "DeleteMessage \(messageId): \(code) \(message)" }
}
