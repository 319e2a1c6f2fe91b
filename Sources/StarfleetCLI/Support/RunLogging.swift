import Foundation
import Logging
import Starfleet
import Synchronization

/// Sets up swift-log for a run: one handler on stderr in the chosen format, with the ship
/// and mode on every record (and a copy of each line in the run's own log file, if any).
enum RunLogging {
    private static let bootstrapped = Mutex(false)

    static func bootstrap(format: LogFormat, level: Logger.Level, ship: String, mode: RunMode, copy: AppendOnlyFile? = nil) -> Logger {
        bootstrapped.withLock { done in
            guard !done else { return }
            done = true
            LoggingSystem.bootstrap { label in
                StarfleetLogHandler(label: label, format: format, level: level,
                                    sink: copy.map { LogSink(handle: .standardError, copy: $0) } ?? .standardError)
            }
        }
        var logger = Logger(label: "starfleet")
        logger.logLevel = level
        logger[metadataKey: "ship"] = .string(ship)
        logger[metadataKey: "mode"] = .string(mode.rawValue)
        return logger
    }
}
