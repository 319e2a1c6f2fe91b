import Foundation
import Starfleet

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A long-running helper process (moto_server, the HTTP stub) whose stdin is a pipe held by this
/// test process. The helper scripts exit when stdin closes, so they end with the test process
/// even when it is killed. stdout lines are collected; stderr goes to a log file.
final class SupervisedProcess: @unchecked Sendable {
    private let process: Process
    private let stdinPipe: Pipe
    private let lock = NSLock()
    private var lines: [String] = []
    private var stopped = false
    let logFile: URL

    init(executable: String, arguments: [String], environment: [String: String], logName: String) throws {
        process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.environment = environment
        stdinPipe = Pipe()
        process.standardInput = stdinPipe
        let stdoutPipe = Pipe()
        process.standardOutput = stdoutPipe
        logFile = FileManager.default.temporaryDirectory.appendingPathComponent("\(logName)-\(UUID().uuidString).log")
        _ = FileManager.default.createFile(atPath: logFile.path, contents: nil)
        let logHandle = try FileHandle(forWritingTo: logFile)
        process.standardError = logHandle
        do {
            try CleanSignalSpawner.run(process)
        } catch {
            throw ProcessRunnerError.launchFailed(executable: executable, reason: String(describing: error))
        }
        try? logHandle.close()
        try? stdoutPipe.fileHandleForWriting.close()
        try? stdinPipe.fileHandleForReading.close()
        let reader = stdoutPipe.fileHandleForReading
        Thread.detachNewThread { [weak self] in
            var buffer = Data()
            while true {
                let chunk = reader.availableData
                if chunk.isEmpty { break }
                buffer.append(chunk)
                while let newline = buffer.firstIndex(of: 0x0A) {
                    let line = String(decoding: buffer[buffer.startIndex..<newline], as: UTF8.self)
                    buffer.removeSubrange(buffer.startIndex...newline)
                    self?.append(line)
                }
            }
        }
    }

    private func append(_ line: String) {
        lock.lock()
        lines.append(line)
        lock.unlock()
    }

    private func firstLine(prefix: String) -> String? {
        lock.lock()
        defer { lock.unlock() }
        return lines.first { $0.hasPrefix(prefix) }
    }

    var pid: Int32 { process.processIdentifier }
    var isRunning: Bool { process.isRunning }

    /// The first stdout line starting with `prefix`, with the prefix removed; nil if the process
    /// exits or `timeout` passes first.
    func waitForLine(prefix: String, timeout: TimeInterval) async -> String? {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if let found = firstLine(prefix: prefix) { return String(found.dropFirst(prefix.count)) }
            if !process.isRunning { return nil }
            try? await Task.sleep(nanoseconds: 20_000_000)
        }
        return nil
    }

    /// Starts a Python stub script that prints `LISTENING <port>` once it accepts connections;
    /// returns it with its port, or throws with the script's log.
    static func startPythonStub(script: URL, arguments: [String], logName: String) async throws -> (SupervisedProcess, Int) {
        guard let python = ProcessRunner.which("python3") else {
            throw MotoServerError(message: "python3 is not on PATH; \(script.lastPathComponent) needs it")
        }
        let child = try SupervisedProcess(executable: python, arguments: [script.path] + arguments,
                                          environment: ProcessInfo.processInfo.environment, logName: logName)
        guard let portText = await child.waitForLine(prefix: "LISTENING ", timeout: 60), let port = Int(portText) else {
            let log = child.logTail()
            child.stop()
            throw MotoServerError(message: "\(script.lastPathComponent) did not start: \(log)")
        }
        return (child, port)
    }

    /// ``startPythonStub(script:arguments:logName:)`` plus the stub's `http://127.0.0.1:<port>` URL.
    static func startLoopbackStub(script: URL, arguments: [String], logName: String) async throws -> (SupervisedProcess, Int, URL) {
        let (child, port) = try await startPythonStub(script: script, arguments: arguments, logName: logName)
        guard let endpoint = URL(string: "http://127.0.0.1:\(port)") else {
            child.stop()
            throw MotoServerError(message: "\(script.lastPathComponent) announced an unusable port \(port)")
        }
        return (child, port, endpoint)
    }

    /// The last `count` lines of the log (stderr), for error messages.
    func logTail(_ count: Int = 20) -> String {
        let text = (try? String(contentsOf: logFile, encoding: .utf8)) ?? ""
        return text.split(separator: "\n", omittingEmptySubsequences: false).suffix(count).joined(separator: "\n")
    }

    /// The pid the helper announced with a `PID <n>` line (supervise.py does), if any.
    var announcedChildPID: Int32? {
        firstLine(prefix: "PID ").flatMap { Int32($0.dropFirst(4)) }
    }

    /// Closes stdin (the helper then stops its child and exits) and returns at once; a thread of
    /// its own waits up to `grace` seconds, then sends SIGKILL to the helper and to the child it
    /// announced. Never blocks the caller: test code runs on the cooperative pool (two threads on
    /// a 2-core machine), and a stop that waited there stalled every other test's I/O.
    func stop(grace: TimeInterval = 8) {
        guard markStopped() else { return }
        try? stdinPipe.fileHandleForWriting.close()
        let reaper = Reaper(process: process, childPID: announcedChildPID, logFile: logFile)
        Thread.detachNewThread { reaper.reap(grace: grace) }
    }

    /// ``stop(grace:)``, then waits (off the cooperative pool) until the helper has exited.
    func stopAndWait(grace: TimeInterval = 8) async {
        let reaper = Reaper(process: process, childPID: announcedChildPID, logFile: logFile)
        let first = markStopped()
        if first { try? stdinPipe.fileHandleForWriting.close() }
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            Thread.detachNewThread {
                if first { reaper.reap(grace: grace) } else { reaper.waitForExit() }
                continuation.resume()
            }
        }
    }

    private func markStopped() -> Bool {
        lock.lock()
        defer { lock.unlock() }
        let first = !stopped
        stopped = true
        return first
    }

    deinit {
        stop(grace: 3)
    }
}

/// What stopping a helper needs once its owner may be gone: waits for the exit, kills what is left.
private struct Reaper: @unchecked Sendable {
    let process: Process
    let childPID: Int32?
    let logFile: URL

    func reap(grace: TimeInterval) {
        let deadline = Date().addingTimeInterval(grace)
        while process.isRunning && Date() < deadline {
            usleep(20_000)
        }
        if process.isRunning {
            if let childPID { kill(childPID, SIGKILL) }
            kill(process.processIdentifier, SIGKILL)
        }
        waitForExit()
        try? FileManager.default.removeItem(at: logFile)
    }

    func waitForExit() {
        while process.isRunning {
            usleep(20_000)
        }
    }
}
