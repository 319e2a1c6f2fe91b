import Synchronization

/// Values kept until the process exits. A command that is about to end hands over its large
/// structures (a 10,000-account index is ~100,000 allocations), so that the process does not
/// spend its last milliseconds freeing them one by one. In-process runs (tests) keep nothing.
enum ProcessLifetime {
    private static let kept = Mutex<[any Sendable]>([])

    static func keep(_ value: any Sendable) {
        guard Output.capture == nil else { return }
        kept.withLock { $0.append(value) }
    }
}
