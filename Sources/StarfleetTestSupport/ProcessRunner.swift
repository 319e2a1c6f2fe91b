import Foundation
import Starfleet

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs a child process to completion and captures stdout, stderr and the exit code.
///
/// ```swift
/// let result = try await ProcessRunner.run("starfleet", ["validate", "--payload", path], timeout: 30)
/// #expect(result.exitCode == 0, "\(result.summary)")
/// ```
/// The child runs in a process group of its own (Foundation starts it so) with a clean signal
/// mask. On timeout the whole group gets SIGTERM, then SIGKILL two seconds
/// later; `timedOut` is true and `exitCode` is whatever the signal left. When the child exits,
/// anything it left running in its group is killed, so no grandchild outlives a run.
public enum ProcessRunner {
    /// - Parameters:
    ///   - executable: a path, or a name looked up on `PATH` (of `environment`, else of this process).
    ///   - environment: the child's whole environment; nil inherits this process's.
    ///   - input: bytes written to the child's stdin, which is then closed (nil: stdin is /dev/null).
    public static func run(
        _ executable: String, _ arguments: [String] = [], environment: [String: String]? = nil,
        workingDirectory: URL? = nil, input: Data? = nil, timeout: TimeInterval = 60
    ) async throws -> ProcessResult {
        let path = try resolve(executable, environment: environment)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        if let environment { process.environment = environment }
        if let workingDirectory { process.currentDirectoryURL = workingDirectory }

        let stdoutPipe = Pipe()
        let stderrPipe = Pipe()
        process.standardOutput = stdoutPipe
        process.standardError = stderrPipe
        let stdinPipe = input == nil ? nil : Pipe()
        process.standardInput = stdinPipe ?? FileHandle.nullDevice

        let collected = CollectedOutput()
        let readers = DispatchGroup()
        for (pipe, isStdout) in [(stdoutPipe, true), (stderrPipe, false)] {
            readers.enter()
            let handle = pipe.fileHandleForReading
            onOwnThread {
                let data = handle.readDataToEndOfFile()
                collected.set(data, stdout: isStdout)
                readers.leave()
            }
        }

        let started = Date()
        let exited = ExitSignal()
        process.terminationHandler = { _ in exited.fire() }
        do {
            try CleanSignalSpawner.run(process)
        } catch {
            try? stdoutPipe.fileHandleForWriting.close()
            try? stderrPipe.fileHandleForWriting.close()
            throw ProcessRunnerError.launchFailed(executable: path, reason: String(describing: error))
        }
        // Our copies of the write ends must close, or the readers never see end of file.
        try? stdoutPipe.fileHandleForWriting.close()
        try? stderrPipe.fileHandleForWriting.close()
        if let stdinPipe, let input {
            let writer = stdinPipe.fileHandleForWriting
            onOwnThread {
                try? writer.write(contentsOf: input)
                try? writer.close()
            }
        }

        let timedOut = LockedFlag()
        let pid = process.processIdentifier
        // Foundation starts the child as the leader of a new process group; signal the group.
        let ownGroup = getpgid(pid) == pid
        let signalChild: @Sendable (Int32) -> Void = { signal in
            if ownGroup { _ = kill(-pid, signal) }
            _ = kill(pid, signal)
        }
        let unreaped = LockedFlag()
        onOwnThread {
            // Foundation has been seen to miss a child's exit (a build killed from outside stayed a
            // zombie for half an hour and the run waited forever); a zombie nobody reaps for 15 s
            // ends the wait instead.
            let deadline = Date().addingTimeInterval(timeout)
            var zombieSince: Date?
            while Date() < deadline {
                if exited.waitFired(seconds: min(1, max(0.01, deadline.timeIntervalSinceNow))) { return }
                if ZombieProbe.isZombie(pid) {
                    let since = zombieSince ?? Date()
                    zombieSince = since
                    if Date().timeIntervalSince(since) >= 15 {
                        unreaped.set()
                        exited.fire()
                        return
                    }
                } else {
                    zombieSince = nil
                }
            }
            guard !exited.hasFired else { return }
            timedOut.set()
            signalChild(SIGTERM)
            if !exited.waitFired(seconds: 2) { signalChild(SIGKILL) }
            if !exited.waitFired(seconds: 15) {
                unreaped.set()
                exited.fire()
            }
        }

        await exited.wait()
        if unreaped.isSet {
            if ownGroup { _ = kill(-pid, SIGKILL) }
            let output = collected.get()
            return ProcessResult(
                exitCode: ZombieProbe.exitCode(pid) ?? -1, stdout: output.stdout,
                stderr: output.stderr + Data("\n[ProcessRunner] pid \(pid) exited but was never reaped; its exit code is read from /proc\n".utf8),
                timedOut: timedOut.isSet, duration: Date().timeIntervalSince(started))
        }
        process.waitUntilExit()
        if ownGroup { _ = kill(-pid, SIGKILL) }  // leftovers of the child's group, if any
        // A grandchild may still hold the pipes open; do not wait for it forever.
        _ = await withCheckedContinuation { (continuation: CheckedContinuation<DispatchTimeoutResult, Never>) in
            onOwnThread {
                continuation.resume(returning: readers.wait(timeout: .now() + 5))
            }
        }
        let output = collected.get()
        return ProcessResult(
            exitCode: process.terminationStatus, stdout: output.stdout, stderr: output.stderr,
            timedOut: timedOut.isSet, duration: Date().timeIntervalSince(started))
    }

    /// The full path of `name` on `PATH`, or nil. A name with a `/` is returned as is if executable.
    public static func which(_ name: String, environment: [String: String]? = nil) -> String? {
        if name.contains("/") {
            return FileManager.default.isExecutableFile(atPath: name) ? name : nil
        }
        let searchPath = (environment ?? ProcessInfo.processInfo.environment)["PATH"] ?? "/usr/bin:/bin"
        for directory in searchPath.split(separator: ":") where !directory.isEmpty {
            let candidate = "\(directory)/\(name)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    static func resolve(_ executable: String, environment: [String: String]?) throws -> String {
        if let path = which(executable, environment: environment) ?? which(executable) { return path }
        let searchPath = (environment ?? ProcessInfo.processInfo.environment)["PATH"] ?? ""
        throw ProcessRunnerError.executableNotFound(name: executable, searchPath: searchPath)
    }
}

/// Reads a child's state from /proc without reaping it (reaping is Foundation's job).
enum ZombieProbe {
    static func fields(_ pid: Int32) -> [Substring]? {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = stat.lastIndex(of: ")") else { return nil }
        // Fields after the command name: state is field 3, the raw wait status is field 52.
        return stat[stat.index(after: close)...].split(separator: " ")
    }

    static func isZombie(_ pid: Int32) -> Bool { fields(pid)?.first == "Z" }

    /// The exit status a shell would show: the code, or 128 + the signal.
    static func exitCode(_ pid: Int32) -> Int32? {
        guard let fields = fields(pid), fields.count > 49, let raw = Int32(fields[49]) else { return nil }
        let signal = raw & 0x7f
        return signal == 0 ? (raw >> 8) & 0xff : 128 + signal
    }
}

/// Runs blocking work (pipe reads, timers) on a thread of its own: parallel tests can occupy
/// every Dispatch worker and every cooperative thread, and a timeout must still fire on time.
private func onOwnThread(_ body: @escaping @Sendable () -> Void) {
    let thread = Thread { body() }
    thread.start()
}

// MARK: - Small synchronised boxes

private final class CollectedOutput: @unchecked Sendable {
    private let lock = NSLock()
    private var stdout = Data()
    private var stderr = Data()

    func set(_ data: Data, stdout isStdout: Bool) {
        lock.lock()
        defer { lock.unlock() }
        if isStdout { stdout = data } else { stderr = data }
    }

    func get() -> (stdout: Data, stderr: Data) {
        lock.lock()
        defer { lock.unlock() }
        return (stdout, stderr)
    }
}

final class LockedFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false

    func set() {
        lock.lock()
        value = true
        lock.unlock()
    }

    var isSet: Bool {
        lock.lock()
        defer { lock.unlock() }
        return value
    }
}

/// Fires once; `wait()` returns after it fired (immediately if it already had).
final class ExitSignal: @unchecked Sendable {
    private let lock = NSLock()
    private var fired = false
    private var waiters: [CheckedContinuation<Void, Never>] = []
    private let firedSemaphore = DispatchSemaphore(value: 0)

    func fire() {
        lock.lock()
        fired = true
        let pending = waiters
        waiters = []
        lock.unlock()
        firedSemaphore.signal()
        pending.forEach { $0.resume() }
    }

    /// Blocks the calling thread until fired or `seconds` pass; true when it fired.
    func waitFired(seconds: TimeInterval) -> Bool {
        if hasFired { return true }
        guard firedSemaphore.wait(timeout: .now() + seconds) == .success else { return hasFired }
        firedSemaphore.signal()  // let any other waiter through too
        return true
    }

    var hasFired: Bool {
        lock.lock()
        defer { lock.unlock() }
        return fired
    }

    func wait() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            lock.lock()
            if fired {
                lock.unlock()
                continuation.resume()
            } else {
                waiters.append(continuation)
                lock.unlock()
            }
        }
    }
}
