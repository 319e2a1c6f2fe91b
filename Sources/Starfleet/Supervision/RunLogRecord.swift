import Foundation
import Logging

/// One line of a run's log as the console shows it: parsed from the `--log-format jsonl`
/// stream when possible, kept verbatim otherwise (a crashing ship's stderr is not JSON).
public struct RunLogRecord: Sendable, Hashable {
    public let level: Logger.Level?
    public let message: String
    public let time: String?
    /// The raw line as received, for the saved log.
    public let raw: String

    public init(level: Logger.Level?, message: String, time: String?, raw: String) {
        self.level = level
        self.message = message
        self.time = time
        self.raw = raw
    }

    public static func parse(_ line: String) -> RunLogRecord {
        guard line.first == "{", let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
              let message = object["message"] as? String else {
            return RunLogRecord(level: nil, message: line, time: nil, raw: line)
        }
        let level = (object["level"] as? String).flatMap(Logger.Level.init(rawValue:))
        return RunLogRecord(level: level, message: message, time: object["time"] as? String, raw: line)
    }
}
