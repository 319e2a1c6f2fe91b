import Foundation

/// SQS over the JSON 1.0 protocol (`X-Amz-Target: AmazonSQS.<Operation>`), regional.
public struct SQSClient: SQSAPI {
    public let client: AWSClient

    public init(client: AWSClient) {
        self.client = client
    }

    public func sendMessageBatch(queueURL: String, entries: [SQSSendEntry]) async throws -> SQSBatchResult {
        let output: BatchOutput = try await client.json(
            "SendMessageBatch", input: SendBatchInput(queueUrl: queueURL, entries: entries))
        return output.result
    }

    public func receiveMessages(queueURL: String, maxMessages: Int, waitSeconds: Int, visibilityTimeout: Int?) async throws -> [SQSMessage] {
        let input = ReceiveInput(
            queueUrl: queueURL, maxNumberOfMessages: min(10, max(1, maxMessages)), waitTimeSeconds: min(20, max(0, waitSeconds)),
            visibilityTimeout: visibilityTimeout, attributeNames: ["ApproximateReceiveCount"],
            messageSystemAttributeNames: ["ApproximateReceiveCount"])
        let output: ReceiveOutput = try await client.json("ReceiveMessage", input: input)
        return output.messages ?? []
    }

    public func deleteMessageBatch(queueURL: String, entries: [SQSDeleteEntry]) async throws -> SQSBatchResult {
        let output: BatchOutput = try await client.json(
            "DeleteMessageBatch", input: DeleteBatchInput(queueUrl: queueURL, entries: entries))
        return output.result
    }

    public func changeMessageVisibility(queueURL: String, receiptHandle: String, visibilityTimeout: Int) async throws {
        let _: EmptyJSON = try await client.json(
            "ChangeMessageVisibility",
            input: VisibilityInput(queueUrl: queueURL, receiptHandle: receiptHandle, visibilityTimeout: visibilityTimeout))
    }

    public func getQueueAttributes(queueURL: String, names: [String]) async throws -> [String: String] {
        let output: AttributesOutput = try await client.json(
            "GetQueueAttributes", input: AttributesInput(queueUrl: queueURL, attributeNames: names))
        return output.attributes ?? [:]
    }

    /// Creates (or finds) a queue; returns its URL. Used by local set-up and tests.
    public func createQueue(name: String, attributes: [String: String] = [:]) async throws -> String {
        let output: CreateOutput = try await client.json(
            "CreateQueue", input: CreateInput(queueName: name, attributes: attributes.isEmpty ? nil : attributes))
        return output.queueUrl
    }
}

// MARK: - Wire shapes

private struct SendBatchInput: Encodable {
    var queueUrl: String
    var entries: [SQSSendEntry]
    enum CodingKeys: String, CodingKey { case queueUrl = "QueueUrl", entries = "Entries" }
}

private struct DeleteBatchInput: Encodable {
    var queueUrl: String
    var entries: [SQSDeleteEntry]
    enum CodingKeys: String, CodingKey { case queueUrl = "QueueUrl", entries = "Entries" }
}

private struct BatchOutput: Decodable {
    struct Success: Decodable {
        var id: String
        enum CodingKeys: String, CodingKey { case id = "Id" }
    }
    var successful: [Success]?
    var failed: [SQSBatchFailure]?
    enum CodingKeys: String, CodingKey { case successful = "Successful", failed = "Failed" }

    var result: SQSBatchResult { SQSBatchResult(successfulIds: (successful ?? []).map(\.id), failed: failed ?? []) }
}

private struct ReceiveInput: Encodable {
    var queueUrl: String
    var maxNumberOfMessages: Int
    var waitTimeSeconds: Int
    var visibilityTimeout: Int?
    // Both names: older endpoints read the first, newer ones the second.
    var attributeNames: [String]
    var messageSystemAttributeNames: [String]
    enum CodingKeys: String, CodingKey {
        case queueUrl = "QueueUrl", maxNumberOfMessages = "MaxNumberOfMessages", waitTimeSeconds = "WaitTimeSeconds"
        case visibilityTimeout = "VisibilityTimeout", attributeNames = "AttributeNames"
        case messageSystemAttributeNames = "MessageSystemAttributeNames"
    }
}

private struct ReceiveOutput: Decodable {
    var messages: [SQSMessage]?
    enum CodingKeys: String, CodingKey { case messages = "Messages" }
}

private struct VisibilityInput: Encodable {
    var queueUrl: String
    var receiptHandle: String
    var visibilityTimeout: Int
    enum CodingKeys: String, CodingKey {
        case queueUrl = "QueueUrl", receiptHandle = "ReceiptHandle", visibilityTimeout = "VisibilityTimeout"
    }
}

private struct AttributesInput: Encodable {
    var queueUrl: String
    var attributeNames: [String]
    enum CodingKeys: String, CodingKey { case queueUrl = "QueueUrl", attributeNames = "AttributeNames" }
}

private struct AttributesOutput: Decodable {
    var attributes: [String: String]?
    enum CodingKeys: String, CodingKey { case attributes = "Attributes" }
}

private struct CreateInput: Encodable {
    var queueName: String
    var attributes: [String: String]?
    enum CodingKeys: String, CodingKey { case queueName = "QueueName", attributes = "Attributes" }
}

private struct CreateOutput: Decodable {
    var queueUrl: String
    enum CodingKeys: String, CodingKey { case queueUrl = "QueueUrl" }
}
