import Starfleet
import StarfleetTUI

extension LogLine {
    /// A record as screen lines: `HH:MM:SS.mmm LEVEL message`, continuation lines indented
    /// (the timestamp's width is `timePrefix`, which `t` hides).
    public static func lines(for record: RunLogRecord) -> [LogLine] {
        guard let level = record.level else { return [LogLine(record.message, level: nil)] }
        var prefix = ""
        if let time = record.time, time.count >= 23 {
            prefix = String(time.dropFirst(11).prefix(12)) + " "
        }
        let label: String
        switch level {
        case .trace: label = "TRACE"
        case .debug: label = "DEBUG"
        case .info: label = "INFO "
        case .notice: label = "NOTE "
        case .warning: label = "WARN "
        case .error: label = "ERROR"
        case .critical: label = "CRIT "
        }
        let head = prefix + label + " "
        let timePrefix = prefix.count
        if !record.message.utf8.contains(0x0A) { return [LogLine(head + record.message, level: level, timePrefix: timePrefix)] }
        let pieces = record.message.split(separator: "\n", omittingEmptySubsequences: false)
        let indent = String(repeating: " ", count: head.count)
        return pieces.enumerated().map { index, piece in
            LogLine((index == 0 ? head : indent) + piece, level: level, timePrefix: timePrefix)
        }
    }
}

extension RunState {
    /// Adds a batch of the child's records: to the log, the line count, the summary's highlights
    /// and the plan the ship reported.
    mutating func append(_ records: [RunLogRecord]) {
        for record in records {
            lineCount += 1
            log.append(contentsOf: LogLine.lines(for: record))
            if let reported = record.plan { plan = reported }
            guard let level = record.level, level >= .notice else { continue }
            highlights.append(Self.firstLine(record.message))
            if highlights.count > 8 { highlights.removeFirst(highlights.count - 8) }
        }
    }

    static func firstLine(_ text: String) -> String {
        guard let newline = text.utf8.firstIndex(of: 0x0A) else { return text }
        return String(text[..<newline])
    }
}
