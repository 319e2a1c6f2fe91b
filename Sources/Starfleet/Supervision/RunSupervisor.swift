import Foundation
import Synchronization

#if canImport(Glibc)
import Glibc
#endif

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
    /// Added to the child's nice value: a console's children yield the CPU to the console, so it
    /// answers keys while many runs work on few cores.
    public let niceness: Int32
    /// The child, and whether it has not been reaped yet (a reaped pid may be reused: never signal it).
    private let process = Mutex<(child: SessionChild?, running: Bool)>((nil, false))

    public init(executable: String, arguments: [String], environment: [String: String], logPath: String?,
                gracePeriod: Duration = .seconds(3), niceness: Int32 = 0) {
        self.executable = executable
        self.arguments = arguments
        self.environment = environment
        self.logPath = logPath
        self.gracePeriod = gracePeriod
        self.niceness = niceness
    }

    /// Starts the child, in a session of its own (`SessionChild`): it outlives the caller's
    /// terminal. Events arrive on the stream; it ends after `.finished`/`.failedToStart`.
    public func start() -> AsyncStream<Event> {
        let (stream, continuation) = AsyncStream<Event>.makeStream(bufferingPolicy: .unbounded)
        var descriptors: [Int32] = [0, 0]
        // Close-on-exec: no other child started meanwhile may hold the pipe open.
        guard pipe(&descriptors) == 0, fcntl(descriptors[0], F_SETFD, FD_CLOEXEC) == 0,
              fcntl(descriptors[1], F_SETFD, FD_CLOEXEC) == 0 else {
            continuation.yield(.failedToStart("cannot start \(executable): no pipe (\(String(cString: strerror(errno))))"))
            continuation.finish()
            return stream
        }
        let reader = FileHandle(fileDescriptor: descriptors[0], closeOnDealloc: true)
        let log = logPath.flatMap { path -> FileHandle? in
            _ = FileManager.default.createFile(atPath: path, contents: nil)
            return FileHandle(forWritingAtPath: path)
        }
        let child: SessionChild
        do {
            child = try SessionChild.spawn(executable: executable, arguments: arguments, environment: environment,
                                           output: descriptors[1])
        } catch {
            close(descriptors[1])
            try? log?.close()
            continuation.yield(.failedToStart("cannot start \(executable): \(error.description)"))
            continuation.finish()
            return stream
        }
        close(descriptors[1])
        if niceness != 0 {
            // Best effort: a run at normal priority is still a correct run.
            _ = setpriority(__priority_which_t(PRIO_PROCESS.rawValue), id_t(child.pid), getpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0) + niceness)
        }
        process.withLock { $0 = (child, true) }
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
        let waitThread = Thread { [self] in
            let ended = child.waitForExit()
            self.process.withLock { $0.running = false }
            // Wait for the reader to drain the pipe so no line is lost.
            done.wait()
            continuation.yield(.finished(exitStatus: ended.status, signaled: ended.signaled))
            continuation.finish()
        }
        readThread.start()
        waitThread.start()
        return stream
    }

    /// SIGTERM now, SIGKILL if the child is still running after the grace period.
    public func cancel() {
        guard isRunning else { return }
        signal(SIGTERM)
        let grace = gracePeriod
        Task.detached { [self] in
            try? await Task.sleep(for: grace)
            self.signal(SIGKILL)
        }
    }

    /// SIGTERM only: a commit stops at its next safe point, however long that takes.
    public func terminate() { signal(SIGTERM) }

    /// SIGKILL now (after a terminate the operator chose not to wait for).
    public func forceKill() { signal(SIGKILL) }

    private func signal(_ number: Int32) {
        process.withLock { state in
            guard state.running, let child = state.child else { return }
            kill(child.pid, number)
        }
    }

    public var isRunning: Bool { process.withLock { $0.running } }
}
