import Foundation
import Synchronization

/// A thread-safe line writer (stderr by default). Whole lines are written with one call so
/// concurrent records never interleave. With a `copy`, every line also goes to that file (a
/// run's own log), written before stderr so that it is there even when stderr is gone.
public final class LogSink: Sendable {
    private let handle: FileHandle
    private let copy: AppendOnlyFile?
    private let lock = Mutex(())

    public init(handle: FileHandle = .standardError, copy: AppendOnlyFile? = nil) {
        self.handle = handle
        self.copy = copy
    }

    public func write(line: String) {
        let data = Data((line + "\n").utf8)
        lock.withLock { _ in
            copy?.append(data)
            // A closed pipe (the console went away) fails here; the copy has the line.
            try? handle.write(contentsOf: data)
        }
    }

    public static let standardError = LogSink(handle: .standardError)
}
