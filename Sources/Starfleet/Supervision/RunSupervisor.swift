import Foundation
import Synchronization

/// Runs `starfleet run …` as a child process and streams its log lines: a crashing ship
/// cannot take the caller down, and cancelling is a signal. With a `logPath`, every line is
/// also written to that file as it arrives; without one the child keeps its own log
/// (`starfleet run --log-file`).
public final class RunSupervisor: Sendable {
    public enum Event: Sendable {
        case line(RunLogRecord)
        case finished(exitStatus: Int32, signaled: Bool)
        case failedToStart(String)
    }

    public let executable: String
    public let arguments: [String]
    public let environment: [String: String]
    public let logPath: String?
    public let gracePeriod: Duration
    private let process = Mutex<Process?>(nil)

    public init(executable: String, arguments: [String], environment: [String: String], logPath: String?,
                gracePeriod: Duration = .seconds(3)) {
        self.executable = executable
        self.arguments = arguments
        self.environment = environment
        self.logPath = logPath
        self.gracePeriod = gracePeriod
    }

    /// Starts the child. Events arrive on the stream; it ends after `.finished`/`.failedToStart`.
    public func start() -> AsyncStream<Event> {
        let (stream, continuation) = AsyncStream<Event>.makeStream(bufferingPolicy: .unbounded)
        let child = Process()
        child.executableURL = URL(fileURLWithPath: executable)
        child.arguments = arguments
        child.environment = environment
        child.standardInput = FileHandle.nullDevice
        let output = Pipe()
        child.standardOutput = output
        child.standardError = output

        let log = logPath.flatMap { path -> FileHandle? in
            _ = FileManager.default.createFile(atPath: path, contents: nil)
            return FileHandle(forWritingAtPath: path)
        }
        let reader = output.fileHandleForReading
        let done = DispatchSemaphore(value: 0)

        // Read on a dedicated thread: blocking reads, split into lines, every line kept.
        let readThread = Thread {
            var pending = Data()
            while true {
                let chunk = reader.availableData
                if chunk.isEmpty { break }
                try? log?.write(contentsOf: chunk)
                pending.append(chunk)
                // Walk the buffer once and drop the consumed lines at the end (removing each
                // line from the front would copy the rest of the chunk every time).
                var start = pending.startIndex
                while let newline = pending[start...].firstIndex(of: 0x0A) {
                    continuation.yield(.line(RunLogRecord.parse(String(decoding: pending[start..<newline], as: UTF8.self))))
                    start = pending.index(after: newline)
                }
                if start > pending.startIndex { pending.removeSubrange(pending.startIndex..<start) }
            }
            if !pending.isEmpty {
                continuation.yield(.line(RunLogRecord.parse(String(decoding: pending, as: UTF8.self))))
            }
            try? log?.close()
            done.signal()
        }

        child.terminationHandler = { finished in
            // Wait for the reader to drain the pipe so no line is lost.
            done.wait()
            continuation.yield(.finished(exitStatus: finished.terminationStatus,
                                         signaled: finished.terminationReason == .uncaughtSignal))
            continuation.finish()
        }
        do {
            // From a thread with an empty signal mask, so the child honours SIGTERM.
            try CleanSignalSpawner.run(child)
            try? output.fileHandleForWriting.close()
            process.withLock { $0 = child }
            readThread.start()
        } catch {
            try? log?.close()
            continuation.yield(.failedToStart("cannot start \(executable): \(error.localizedDescription)"))
            continuation.finish()
        }
        return stream
    }

    /// SIGTERM now, SIGKILL if the child is still running after the grace period.
    public func cancel() {
        guard let child = process.withLock({ $0 }), child.isRunning else { return }
        let pid = child.processIdentifier
        kill(pid, SIGTERM)
        let grace = gracePeriod
        Task.detached {
            try? await Task.sleep(for: grace)
            if child.isRunning { kill(pid, SIGKILL) }
        }
    }

    /// SIGTERM only: a commit stops at its next safe point, however long that takes.
    public func terminate() { signal(SIGTERM) }

    /// SIGKILL now (after a terminate the operator chose not to wait for).
    public func forceKill() { signal(SIGKILL) }

    private func signal(_ number: Int32) {
        guard let child = process.withLock({ $0 }), child.isRunning else { return }
        kill(child.processIdentifier, number)
    }

    public var isRunning: Bool { process.withLock { $0?.isRunning ?? false } }
}
