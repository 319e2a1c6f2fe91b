import Logging

/// One log record as a capturing handler saw it: the handler's metadata merged with the call's.
public struct CapturedLogRecord: Sendable {
    public let level: Logger.Level
    public let message: String
    public let metadata: Logger.Metadata

    /// `key=value` pairs sorted by key, for assertions on text.
    public var metadataText: String {
        metadata.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
    }
}

/// A swift-log handler that hands every record to `sink`, so tests can assert what was (and
/// was not) logged. Each suite keeps the records its own way (lines, levels, operations).
public struct CapturingLogHandler: LogHandler {
    public let sink: @Sendable (CapturedLogRecord) -> Void
    public var metadata: Logger.Metadata = [:]
    public var logLevel: Logger.Level

    public init(level: Logger.Level = .trace, sink: @escaping @Sendable (CapturedLogRecord) -> Void) {
        self.logLevel = level
        self.sink = sink
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        let merged = metadata.merging(event.metadata ?? [:]) { _, new in new }
        sink(CapturedLogRecord(level: event.level, message: event.message.description, metadata: merged))
    }
}
