/// The SQS calls Starfleet makes. Queue URLs are sent as given; the endpoint comes from the
/// client (standard host or `AWS_ENDPOINT_URL[_SQS]`).
public protocol SQSAPI: Sendable {
    /// One `SendMessageBatch` call (at most 10 entries); per-entry failures come back in the result.
    func sendMessageBatch(queueURL: String, entries: [SQSSendEntry]) async throws -> SQSBatchResult
    /// One long-poll `ReceiveMessage` call, asking for `ApproximateReceiveCount`.
    func receiveMessages(queueURL: String, maxMessages: Int, waitSeconds: Int, visibilityTimeout: Int?) async throws -> [SQSMessage]
    /// One `DeleteMessageBatch` call (at most 10 entries).
    func deleteMessageBatch(queueURL: String, entries: [SQSDeleteEntry]) async throws -> SQSBatchResult
    func changeMessageVisibility(queueURL: String, receiptHandle: String, visibilityTimeout: Int) async throws
    /// The named attributes (`All` for every one).
    func getQueueAttributes(queueURL: String, names: [String]) async throws -> [String: String]
}
