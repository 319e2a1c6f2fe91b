import Starfleet
import StarfleetAWS

/// The core's ``MessageQueue`` on SQS.
struct SQSMessageQueue: MessageQueue {
    let sqs: any SQSAPI

    func send(_ messages: [OutgoingMessage], to queueURL: String, concurrency: Int) async throws -> [MessageSendFailure] {
        let entries = messages.map { SQSSendEntry(id: $0.id, body: $0.body) }
        let failures = try await SQSBatchSender(sqs: sqs).send(queueURL: queueURL, entries: entries, concurrency: concurrency)
        return failures.map { MessageSendFailure(id: $0.id, code: $0.code, message: $0.message) }
    }

    func receive(from queueURL: String, maxMessages: Int, waitSeconds: Int) async throws -> [QueuedMessage] {
        try await sqs.receiveMessages(queueURL: queueURL, maxMessages: maxMessages, waitSeconds: waitSeconds, visibilityTimeout: nil)
            .map { QueuedMessage(messageId: $0.messageId, receiptHandle: $0.receiptHandle, body: $0.body, receiveCount: $0.receiveCount) }
    }

    func delete(_ message: QueuedMessage, from queueURL: String) async throws {
        let result = try await sqs.deleteMessageBatch(
            queueURL: queueURL, entries: [SQSDeleteEntry(id: "1", receiptHandle: message.receiptHandle)])
        if let failure = result.failed.first {
            throw CLIFailure(.executionFailed, "DeleteMessage \(message.messageId): \(failure.code) \(failure.message)")
        }
    }

    func extendVisibility(of message: QueuedMessage, in queueURL: String, seconds: Int) async throws {
        try await sqs.changeMessageVisibility(queueURL: queueURL, receiptHandle: message.receiptHandle, visibilityTimeout: seconds)
    }

    func visibilityTimeout(of queueURL: String) async throws -> Int {
        let attributes = try await sqs.getQueueAttributes(queueURL: queueURL, names: ["VisibilityTimeout"])
        return attributes["VisibilityTimeout"].flatMap(Int.init) ?? 30
    }
}
