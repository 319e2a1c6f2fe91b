import Foundation

/// Sends any number of messages with `SendMessageBatch`: batches of at most 10 entries and
/// 256 KiB, entries SQS refused for a server-side reason sent again (with backoff), and what
/// still failed reported per entry. A call that fails as a whole (after the client's own
/// retries) throws.
public struct SQSBatchSender: Sendable {
    public static let maxEntries = 10
    public static let maxBatchBytes = 262_144

    public let sqs: any SQSAPI
    /// Further attempts for entries that failed inside a successful call.
    public var entryRetries: Int
    public var retryDelay: TimeInterval

    public init(sqs: any SQSAPI, entryRetries: Int = 3, retryDelay: TimeInterval = 0.2) {
        self.sqs = sqs
        self.entryRetries = max(0, entryRetries)
        self.retryDelay = max(0, retryDelay)
    }

    /// Sends one batch (≤ 10 entries, ≤ 256 KiB, see ``batches(_:)``); returns the entries that failed for good.
    public func sendBatch(queueURL: String, entries: [SQSSendEntry]) async throws -> [SQSBatchFailure] {
        var pending = entries
        var final: [SQSBatchFailure] = []
        var attempt = 0
        while true {
            let result = try await sqs.sendMessageBatch(queueURL: queueURL, entries: pending)
            // A sender fault (bad entry) cannot succeed on a second try.
            final += result.failed.filter(\.senderFault)
            let retryable = result.failed.filter { !$0.senderFault }
            if retryable.isEmpty { return final }
            if attempt >= entryRetries { return final + retryable }
            attempt += 1
            let ids = Set(retryable.map(\.id))
            pending = pending.filter { ids.contains($0.id) }
            try await Task.sleep(nanoseconds: UInt64(retryDelay * Double(1 << (attempt - 1)) * 1_000_000_000))
        }
    }

    /// Sends every entry, `concurrency` batches at a time; returns the entries that failed for good.
    public func send(queueURL: String, entries: [SQSSendEntry], concurrency: Int = 16) async throws -> [SQSBatchFailure] {
        let (batches, oversized) = Self.batches(entries)
        var failures = oversized
        try await withThrowingTaskGroup(of: [SQSBatchFailure].self) { group in
            var next = 0
            func startNext() {
                guard next < batches.count else { return }
                let batch = batches[next]
                next += 1
                group.addTask { try await sendBatch(queueURL: queueURL, entries: batch) }
            }
            for _ in 0..<max(1, concurrency) { startNext() }
            while let done = try await group.next() {
                failures.append(contentsOf: done)
                startNext()
            }
        }
        return failures
    }

    /// Splits entries into batches SQS accepts; an entry over 256 KiB on its own is refused here.
    public static func batches(_ entries: [SQSSendEntry]) -> (batches: [[SQSSendEntry]], oversized: [SQSBatchFailure]) {
        var batches: [[SQSSendEntry]] = []
        var oversized: [SQSBatchFailure] = []
        var current: [SQSSendEntry] = []
        var bytes = 0
        for entry in entries {
            let size = entry.body.utf8.count
            if size > maxBatchBytes {
                oversized.append(SQSBatchFailure(
                    id: entry.id, code: "MessageTooLong",
                    message: "the message is \(size) bytes; SQS accepts at most \(maxBatchBytes)", senderFault: true))
                continue
            }
            if current.count == maxEntries || bytes + size > maxBatchBytes {
                batches.append(current)
                current = []
                bytes = 0
            }
            current.append(entry)
            bytes += size
        }
        if !current.isEmpty { batches.append(current) }
        return (batches, oversized)
    }
}
