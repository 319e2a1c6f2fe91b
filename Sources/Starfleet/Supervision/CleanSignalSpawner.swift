import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Starts a `Process` from a fresh thread whose signal mask is empty.
///
/// A child inherits the signal mask of the thread that spawns it, and Swift concurrency and
/// Dispatch threads block nearly every signal; a child started from one of them ignores
/// SIGTERM and SIGINT (so it could neither be stopped politely nor tested for its Ctrl-C exit
/// code). Spawning from a thread with a clean mask fixes that.
public enum CleanSignalSpawner {
    public static func run(_ process: Process) throws {
        let box = SpawnBox(process)
        let done = DispatchSemaphore(value: 0)
        let thread = Thread {
            var empty = sigset_t()
            sigemptyset(&empty)
            pthread_sigmask(SIG_SETMASK, &empty, nil)
            box.launch()
            done.signal()
        }
        thread.start()
        done.wait()
        if let error = box.error { throw error }
    }
}

private final class SpawnBox: @unchecked Sendable {
    private let process: Process
    private(set) var error: (any Error)?

    init(_ process: Process) {
        self.process = process
    }

    func launch() {
        do {
            try process.run()
        } catch {
            self.error = error
        }
    }
}
