import Dispatch
import Foundation
import Logging
import Starfleet
import Synchronization

/// SIGTERM/SIGINT for the long-running consumers: the first signal stops receiving and lets
/// in-flight messages finish (bounded by a grace period); a second signal aborts (exit 130).
final class GracefulShutdown: Sendable {
    let stop = StopRequest()
    private let logger: Logger
    private let gracePeriod: TimeInterval
    private let signals = Mutex(0)
    /// Written once in `init`, cancelled in `deinit`; never shared otherwise.
    nonisolated(unsafe) private var sources: [DispatchSourceSignal] = []

    init(logger: Logger, gracePeriod: TimeInterval) {
        self.logger = logger
        self.gracePeriod = gracePeriod
        sources = [SIGINT, SIGTERM].map { number -> DispatchSourceSignal in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { [self] in self.received(number) }
            source.resume()
            return source
        }
    }

    deinit {
        sources.forEach { $0.cancel() }
    }

    private func received(_ number: Int32) {
        let name = number == SIGINT ? "SIGINT" : "SIGTERM"
        let count = signals.withLock { count -> Int in
            count += 1
            return count
        }
        guard count == 1 else {
            logger.error("[🛑] Received \(name) again: aborting; unfinished messages return to the queue after their visibility timeout.")
            exit(CLIFailure.Code.interrupted.rawValue)
        }
        logger.warning("[🛑] Received \(name): no new messages; finishing the ones in flight (send it again to abort).")
        stop.request()
        DispatchQueue.global().asyncAfter(deadline: .now() + gracePeriod) { [logger, gracePeriod] in
            logger.error("[🛑] In-flight messages did not finish within the \(Int(gracePeriod)) s grace period; exiting.")
            exit(CLIFailure.Code.interrupted.rawValue)
        }
    }
}
