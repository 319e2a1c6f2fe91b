import Logging
import Starfleet
import StarfleetAWS

/// Which alert sender a worker path uses: Slack when `STARFLEET.SlackEnabled` is true, the log
/// otherwise. The CLI's `run` and the console never call this: they only log alerts.
public struct AlertRouting: Sendable {
    public let slackEnabled: Bool
    public let secrets: StarfleetSecrets
    public let apiURL: String
    public let transport: any HTTPTransport

    public init(configuration: Configuration, secrets: StarfleetSecrets, environment: [String: String],
                transport: any HTTPTransport = AsyncHTTPClientTransport.shared) {
        self.slackEnabled = configuration.slackEnabled
        self.secrets = secrets
        let override = environment["SLACK_API_URL"] ?? ""
        self.apiURL = override.isEmpty ? SlackAlertSender.defaultAPIURL : override
        self.transport = transport
    }

    /// The sender for one message or invocation, logging through `logger`.
    public func sender(logger: Logger) -> any AlertSender {
        guard slackEnabled else { return LoggingAlertSender(logger: logger) }
        let secrets = self.secrets
        return SlackAlertSender(apiURL: apiURL, token: { () async throws -> String in
            try await secrets.value(section: "STARFLEET", key: "SlackToken")
        }, transport: transport, logger: logger)
    }
}
