import Foundation
import Logging
import Starfleet
import Synchronization

/// Lambda logs: one JSON object per line on stdout (CloudWatch reads stdout), with the request id
/// of the invocation on every line written while it runs.
enum LambdaLogging {
    private static let bootstrapped = Mutex(false)

    static func bootstrap(handler: LambdaHandlerName?) -> Logger {
        bootstrapped.withLock { done in
            guard !done else { return }
            done = true
            let sink = LogSink(handle: .standardOutput)
            LoggingSystem.bootstrap { label in
                StarfleetLogHandler(label: label, format: .jsonl, level: .info, sink: sink)
            }
        }
        var logger = Logger(label: "starfleet.lambda")
        logger[metadataKey: "ship"] = .string(handler?.logName ?? "Starfleet")
        if let handler { logger[metadataKey: "handler"] = .string(handler.description) }
        return logger
    }
}
