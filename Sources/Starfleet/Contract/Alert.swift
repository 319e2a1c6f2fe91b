import Logging

/// One alert message.
public struct Alert: Sendable, Hashable {
    public let priority: AlertPriority
    public let channel: String?
    public let title: String
    public let body: String

    public init(priority: AlertPriority, channel: String?, title: String, body: String) {
        self.priority = priority
        self.channel = channel
        self.title = title
        self.body = body
    }

    /// The header text: emoji, two spaces, title.
    public var header: String { "\(priority.emoji)  \(title)" }
}

/// Delivers alerts (Slack in the original).
public protocol AlertSender: Sendable {
    func send(_ alert: Alert) async
}

/// Writes alerts to the log. The console and `starfleet run` use it; worker paths with
/// `SlackEnabled` use `SlackAlertSender` (StarfleetRuntime), which logs them too.
public struct LoggingAlertSender: AlertSender {
    public let logger: Logger

    public init(logger: Logger) {
        self.logger = logger
    }

    public func send(_ alert: Alert) async {
        logger.notice("[alert] \(alert.header)", metadata: [
            "alert_priority": .string(alert.priority.name),
            "alert_channel": .string(alert.channel ?? ""),
            "alert_body": .string(alert.body),
        ])
    }
}
