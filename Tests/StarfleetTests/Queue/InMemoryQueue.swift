import Foundation
import Starfleet
import Synchronization

/// A ``MessageQueue`` double: messages in memory, deletes and visibility changes recorded.
/// Received messages are invisible until deleted (no timeout), so each is handed out once.
final class InMemoryQueue: MessageQueue {
    struct State {
        var pending: [QueuedMessage] = []
        var deleted: [String] = []
        var sent: [String: [OutgoingMessage]] = [:]
        var extended: [String] = []
        var receives = 0
    }

    let state = Mutex(State())
    let visibility: Int
    /// Ids whose send is refused (a per-entry failure).
    let refusedIds: Set<String>

    init(bodies: [String] = [], visibility: Int = 30, refusedIds: Set<String> = []) {
        self.visibility = visibility
        self.refusedIds = refusedIds
        state.withLock { state in
            state.pending = bodies.enumerated().map {
                QueuedMessage(messageId: "m\($0.offset + 1)", receiptHandle: "r\($0.offset + 1)", body: $0.element, receiveCount: 1)
            }
        }
    }

    func send(_ messages: [OutgoingMessage], to queueURL: String, concurrency: Int) async throws -> [MessageSendFailure] {
        state.withLock { $0.sent[queueURL, default: []] += messages.filter { !refusedIds.contains($0.id) } }
        return messages.filter { refusedIds.contains($0.id) }.map { MessageSendFailure(id: $0.id, code: "InternalError", message: "refused") }
    }

    func receive(from queueURL: String, maxMessages: Int, waitSeconds: Int) async throws -> [QueuedMessage] {
        let taken = state.withLock { state -> [QueuedMessage] in
            state.receives += 1
            let taken = Array(state.pending.prefix(maxMessages))
            state.pending.removeFirst(taken.count)
            return taken
        }
        if taken.isEmpty { try await Task.sleep(nanoseconds: UInt64(min(waitSeconds, 1)) * 50_000_000) }
        return taken
    }

    func delete(_ message: QueuedMessage, from queueURL: String) async throws {
        state.withLock { $0.deleted.append(message.messageId) }
    }

    func extendVisibility(of message: QueuedMessage, in queueURL: String, seconds: Int) async throws {
        state.withLock { $0.extended.append(message.messageId) }
    }

    func visibilityTimeout(of queueURL: String) async throws -> Int { visibility }

    var deleted: [String] { state.withLock { $0.deleted } }
    var extended: [String] { state.withLock { $0.extended } }
    func sent(to queueURL: String) -> [OutgoingMessage] { state.withLock { $0.sent[queueURL] ?? [] } }
}
