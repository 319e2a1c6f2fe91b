import Dispatch
import Foundation
import Logging

/// Runs work so that SIGINT/SIGTERM stop it cleanly: the work is cancelled, the stop is
/// logged, and the command exits 130.
enum Interruption {
    static func run(logger: Logger, _ work: @escaping @Sendable () async throws -> Void) async throws {
        let task = Task { try await work() }
        let sources = [SIGINT, SIGTERM].map { number -> DispatchSourceSignal in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler {
                logger.warning("[🛑] Received \(number == SIGINT ? "SIGINT" : "SIGTERM"): stopping the run; work already done stays done.")
                task.cancel()
                // A ship that ignores cancellation still gets stopped.
                DispatchQueue.global().asyncAfter(deadline: .now() + 5) {
                    logger.error("[🛑] The ship did not stop within 5 s of the signal; exiting.")
                    exit(130)
                }
            }
            source.resume()
            return source
        }
        defer { sources.forEach { $0.cancel() } }
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
