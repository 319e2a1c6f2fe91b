import Dispatch
import Foundation
import Logging
import Synchronization

/// Makes SIGINT/SIGTERM stop a run cleanly from the moment it is installed: before the ship
/// starts (configuration or index still loading) the command exits 130 with a log line; while
/// the ship runs, its task is cancelled, the stop is logged, and the command exits 130.
final class Interruption: Sendable {
    private let logger: Logger
    /// Runs just before the process exits on a signal (the run's final history record).
    private let beforeExit: @Sendable () -> Void
    private let state = Mutex<(signaled: Bool, task: Task<Void, any Error>?)>((false, nil))
    /// Written once in `init`, cancelled in `deinit`; never shared otherwise.
    nonisolated(unsafe) private var sources: [DispatchSourceSignal] = []

    init(logger: Logger, beforeExit: @escaping @Sendable () -> Void = {}) {
        self.logger = logger
        self.beforeExit = beforeExit
        let installed = [SIGINT, SIGTERM].map { number -> DispatchSourceSignal in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { [self] in self.received(number) }
            source.resume()
            return source
        }
        sources = installed
    }

    deinit {
        sources.forEach { $0.cancel() }
    }

    private func received(_ number: Int32) {
        let name = number == SIGINT ? "SIGINT" : "SIGTERM"
        let task = state.withLock { current -> Task<Void, any Error>? in
            current.signaled = true
            return current.task
        }
        guard let task else {
            logger.warning("[🛑] Received \(name) before the ship started; nothing was run.")
            beforeExit()
            exit(130)
        }
        logger.warning("[🛑] Received \(name): stopping the run; work already done stays done.")
        task.cancel()
        // A ship that ignores cancellation still gets stopped.
        DispatchQueue.global().asyncAfter(deadline: .now() + 5) { [logger, beforeExit] in
            logger.error("[🛑] The ship did not stop within 5 s of the signal; exiting.")
            beforeExit()
            exit(130)
        }
    }

    /// Runs the ship's work; a signal cancels it and the command ends with exit 130.
    func run(_ work: @escaping @Sendable () async throws -> Void) async throws {
        // Created under the lock: a signal that arrives once the ship has started (and logged)
        // must find its task, never the "before the ship started" state.
        let (task, alreadySignaled) = state.withLock { current -> (Task<Void, any Error>, Bool) in
            let task = Task { try await work() }
            current.task = task
            return (task, current.signaled)
        }
        if alreadySignaled { task.cancel() }
        do {
            try await task.value
        } catch {
            if task.isCancelled {
                logger.warning("[🛑] Run interrupted before it finished.")
                throw CLIFailure(.interrupted, nil)
            }
            throw error
        }
        if task.isCancelled {
            logger.warning("[🛑] Run interrupted; the ship finished its current step.")
            throw CLIFailure(.interrupted, nil)
        }
    }
}
