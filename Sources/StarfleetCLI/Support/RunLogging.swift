import Foundation
import Logging
import Starfleet
import Synchronization

/// Sets up swift-log for a run: one handler on stderr in the chosen format, with the ship
/// and mode on every record.
enum RunLogging {
    private static let bootstrapped = Mutex(false)

    static func bootstrap(format: LogFormat, level: Logger.Level, ship: String, mode: RunMode) -> Logger {
        bootstrapped.withLock { done in
            guard !done else { return }
            done = true
            LoggingSystem.bootstrap { label in
                StarfleetLogHandler(label: label, format: format, level: level)
            }
        }
        var logger = Logger(label: "starfleet")
        logger.logLevel = level
        logger[metadataKey: "ship"] = .string(ship)
        logger[metadataKey: "mode"] = .string(mode.rawValue)
        return logger
    }
}
