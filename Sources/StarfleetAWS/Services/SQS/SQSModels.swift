/// One message of a `SendMessageBatch` call.
public struct SQSSendEntry: Sendable, Equatable, Codable {
    /// Unique within the batch: letters, digits, `-` and `_`, at most 80 characters.
    public var id: String
    public var body: String

    public init(id: String, body: String) {
        self.id = id
        self.body = body
    }

    enum CodingKeys: String, CodingKey { case id = "Id", body = "MessageBody" }
}

/// One message of a `DeleteMessageBatch` call.
public struct SQSDeleteEntry: Sendable, Equatable, Codable {
    public var id: String
    public var receiptHandle: String

    public init(id: String, receiptHandle: String) {
        self.id = id
        self.receiptHandle = receiptHandle
    }

    enum CodingKeys: String, CodingKey { case id = "Id", receiptHandle = "ReceiptHandle" }
}

/// A received message.
public struct SQSMessage: Sendable, Equatable, Decodable {
    public var messageId: String
    public var receiptHandle: String
    public var body: String
    public var attributes: [String: String]

    public init(messageId: String, receiptHandle: String, body: String, attributes: [String: String] = [:]) {
        self.messageId = messageId
        self.receiptHandle = receiptHandle
        self.body = body
        self.attributes = attributes
    }

    /// `ApproximateReceiveCount`, 1 when the queue did not say.
    public var receiveCount: Int { attributes["ApproximateReceiveCount"].flatMap(Int.init) ?? 1 }

    enum CodingKeys: String, CodingKey {
        case messageId = "MessageId", receiptHandle = "ReceiptHandle", body = "Body", attributes = "Attributes"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        messageId = try container.decode(String.self, forKey: .messageId)
        receiptHandle = try container.decode(String.self, forKey: .receiptHandle)
        body = try container.decodeIfPresent(String.self, forKey: .body) ?? ""
        attributes = try container.decodeIfPresent([String: String].self, forKey: .attributes) ?? [:]
    }
}

/// A batch entry SQS refused.
public struct SQSBatchFailure: Sendable, Equatable, Decodable {
    public var id: String
    public var code: String
    public var message: String
    /// True when the request itself was wrong (retrying the same entry cannot help).
    public var senderFault: Bool

    public init(id: String, code: String, message: String, senderFault: Bool) {
        self.id = id
        self.code = code
        self.message = message
        self.senderFault = senderFault
    }

    enum CodingKeys: String, CodingKey { case id = "Id", code = "Code", message = "Message", senderFault = "SenderFault" }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(String.self, forKey: .id)
        code = try container.decodeIfPresent(String.self, forKey: .code) ?? "Unknown"
        message = try container.decodeIfPresent(String.self, forKey: .message) ?? ""
        senderFault = try container.decodeIfPresent(Bool.self, forKey: .senderFault) ?? false
    }
}

/// What a batch call did: the ids that succeeded and the entries that failed.
public struct SQSBatchResult: Sendable, Equatable {
    public var successfulIds: [String]
    public var failed: [SQSBatchFailure]

    public init(successfulIds: [String], failed: [SQSBatchFailure]) {
        self.successfulIds = successfulIds
        self.failed = failed
    }
}
