import Foundation
import Logging
import StarfleetSchema

/// swift-log handler for the CLI: human text or JSON lines on stderr.
///
/// JSON line shape (documented in the README): `{"time": ISO-8601 UTC with milliseconds,
/// "level": "info", "message": "…", "logger": "…", …metadata}` — metadata such as `ship` and
/// `mode` become top-level keys with string values; integer and boolean values (a plan's
/// `plan_add`, `no_changes`, see `PlanSummary`) are written as JSON numbers and booleans.
public struct StarfleetLogHandler: LogHandler {
    public var metadata: Logger.Metadata = [:]
    public var logLevel: Logger.Level
    public let label: String
    public let format: LogFormat
    public let sink: LogSink

    public init(label: String, format: LogFormat, level: Logger.Level, sink: LogSink = .standardError) {
        self.label = label
        self.format = format
        self.logLevel = level
        self.sink = sink
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        var merged = metadata
        if let extra = event.metadata { merged.merge(extra) { _, new in new } }
        sink.write(line: Self.render(level: event.level, message: event.message.description, metadata: merged,
                                     label: label, format: format, date: Date()))
    }

    public static func render(level: Logger.Level, message: String, metadata: Logger.Metadata, label: String,
                              format: LogFormat, date: Date) -> String {
        let time = timestamp(date)
        switch format {
        case .text:
            let context = metadata.isEmpty ? "" : " " + metadata.sorted { $0.key < $1.key }
                .filter { $0.key != "ship" && $0.key != "mode" && !PlanSummary.fieldKeys.contains($0.key) }
                .map { "\($0.key)=\($0.value)" }.joined(separator: " ")
            return "\(time) \(level.rawValue.uppercased()) \(message)\(context.trimmingCharacters(in: .whitespaces).isEmpty ? "" : context)"
        case .jsonl:
            var object = PayloadMap()
            object["time"] = .string(time)
            object["level"] = .string(level.rawValue)
            object["message"] = .string(message)
            object["logger"] = .string(label)
            for (key, value) in metadata.sorted(by: { $0.key < $1.key }) where object[key] == nil {
                object[key] = jsonValue(value)
            }
            return JSONWriter(indent: 0).string(.map(object))
        }
    }

    /// Integers and booleans given as values (a plan's counts) stay typed; the rest are strings.
    static func jsonValue(_ value: Logger.Metadata.Value) -> PayloadValue {
        if case .stringConvertible(let convertible) = value {
            if let number = convertible as? Int { return .int(number) }
            if let flag = convertible as? Bool { return .bool(flag) }
        }
        return .string("\(value)")
    }

    static func timestamp(_ date: Date) -> String {
        let style = Date.ISO8601FormatStyle(includingFractionalSeconds: true, timeZone: .gmt)
        return date.formatted(style)
    }
}

extension Logger.Level {
    /// Maps the configuration's Python level names.
    public init(pythonName: String) {
        switch pythonName {
        case "CRITICAL": self = .critical
        case "ERROR": self = .error
        case "WARNING": self = .warning
        case "DEBUG", "NOTSET": self = .debug
        default: self = .info
        }
    }
}
