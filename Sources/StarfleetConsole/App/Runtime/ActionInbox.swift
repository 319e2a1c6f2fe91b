import Starfleet
import Synchronization
import StarfleetTUI

/// Where background work leaves its results for the main loop. A run's log lines are kept in
/// a per-run buffer and handed over in one `.runOutput` batch per loop turn, in order with the
/// other actions (so 200,000 lines do not become 200,000 actions).
public final class ActionInbox: Sendable {
    private enum Item: Sendable {
        case action(Action)
        case output(String)
    }

    private struct Contents: Sendable {
        var items: [Item] = []
        /// Pending log lines per run; `consumed` of them were already handed over.
        var output: [String: (records: [RunLogRecord], consumed: Int)] = [:]
    }

    private let contents = Mutex(Contents())

    public init() {}

    public func post(_ action: Action) {
        contents.withLock { $0.items.append(.action(action)) }
    }

    /// Adds log lines of a run (coalesced until they are taken).
    public func postOutput(id: String, _ records: [RunLogRecord]) {
        contents.withLock { contents in
            if contents.output[id] == nil {
                contents.output[id] = (records, 0)
                contents.items.append(.output(id))
            } else {
                contents.output[id]!.records.append(contentsOf: records)
            }
        }
    }

    /// Adds one log line of a run.
    public func postOutput(id: String, _ record: RunLogRecord) {
        contents.withLock { contents in
            if contents.output[id] == nil {
                contents.output[id] = ([record], 0)
                contents.items.append(.output(id))
            } else {
                contents.output[id]!.records.append(record)
            }
        }
    }

    /// What was posted, in order, with at most `outputLimit` log lines: the rest stays for the
    /// next call, so one loop turn never chews through a 100,000-line backlog while keys wait.
    public func drain(outputLimit: Int = .max) -> [Action] {
        contents.withLock { contents in
            var actions: [Action] = []
            var budget = outputLimit
            var taken = 0
            for item in contents.items {
                switch item {
                case .action(let action):
                    actions.append(action)
                    taken += 1
                case .output(let id):
                    guard var pending = contents.output[id] else {
                        taken += 1
                        continue
                    }
                    let available = pending.records.count - pending.consumed
                    let count = min(available, budget)
                    if count > 0 {
                        actions.append(.runOutput(id: id, Array(pending.records[pending.consumed..<(pending.consumed + count)])))
                        budget -= count
                    }
                    if count == available {
                        contents.output[id] = nil
                        taken += 1
                        continue
                    }
                    pending.consumed += count
                    // Drop what was handed over once it is a good share of the buffer.
                    if pending.consumed > 16_384 && pending.consumed * 2 > pending.records.count {
                        pending.records.removeFirst(pending.consumed)
                        pending.consumed = 0
                    }
                    contents.output[id] = pending
                }
                if budget == 0 && taken < contents.items.count { break }
            }
            contents.items.removeFirst(taken)
            return actions
        }
    }

    /// Log lines waiting to be taken.
    public var pendingOutput: Int {
        contents.withLock { $0.output.values.reduce(0) { $0 + $1.records.count - $1.consumed } }
    }

    public var isEmpty: Bool { contents.withLock { $0.items.isEmpty } }
}
