import Foundation
import Synchronization

/// A thread-safe line writer (stderr by default). Whole lines are written with one call so
/// concurrent records never interleave.
public final class LogSink: Sendable {
    private let handle: FileHandle
    private let lock = Mutex(())

    public init(handle: FileHandle = .standardError) {
        self.handle = handle
    }

    public func write(line: String) {
        let data = Data((line + "\n").utf8)
        lock.withLock { _ in
            try? handle.write(contentsOf: data)
        }
    }

    public static let standardError = LogSink(handle: .standardError)
}
