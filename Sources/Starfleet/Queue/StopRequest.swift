import Synchronization

/// A one-way "stop taking new work" flag that long waits can await (the first SIGTERM/SIGINT).
public final class StopRequest: Sendable {
    private struct State {
        var requested = false
        var nextId: UInt64 = 0
        var waiters: [UInt64: CheckedContinuation<Void, Never>] = [:]
    }

    private let state = Mutex(State())

    public init() {}

    public var isRequested: Bool { state.withLock { $0.requested } }

    public func request() {
        let waiters = state.withLock { current -> [CheckedContinuation<Void, Never>] in
            guard !current.requested else { return [] }
            current.requested = true
            defer { current.waiters = [:] }
            return Array(current.waiters.values)
        }
        waiters.forEach { $0.resume() }
    }

    /// Returns once a stop is requested (at once if it already was), or when the task is cancelled.
    public func wait() async {
        let id = state.withLock { current -> UInt64 in
            current.nextId += 1
            return current.nextId
        }
        await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                let resumeNow = state.withLock { current -> Bool in
                    if current.requested || Task.isCancelled { return true }
                    current.waiters[id] = continuation
                    return false
                }
                if resumeNow { continuation.resume() }
            }
        } onCancel: {
            let waiter = state.withLock { $0.waiters.removeValue(forKey: id) }
            waiter?.resume()
        }
    }
}
