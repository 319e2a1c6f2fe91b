import Foundation
import Logging
import Starfleet
import StarfleetTestSupport

/// Log records written by the real handler (JSON lines) to a file, so a test can check every line.
final class JSONLogFile: Sendable {
    private let directory: TemporaryDirectory
    let url: URL
    private let sink: LogSink

    init() throws {
        directory = try TemporaryDirectory(prefix: "runtime-logs")
        url = directory.url.appendingPathComponent("log.jsonl")
        _ = FileManager.default.createFile(atPath: url.path, contents: nil)
        sink = LogSink(handle: try FileHandle(forWritingTo: url))
    }

    func logger() -> Logger {
        let sink = self.sink
        var logger = Logger(label: "test") { label in StarfleetLogHandler(label: label, format: .jsonl, level: .trace, sink: sink) }
        logger.logLevel = .trace
        return logger
    }

    var lines: [String] {
        ((try? String(contentsOf: url, encoding: .utf8)) ?? "").split(separator: "\n").map(String.init)
    }

    var text: String { lines.joined(separator: "\n") }
}
