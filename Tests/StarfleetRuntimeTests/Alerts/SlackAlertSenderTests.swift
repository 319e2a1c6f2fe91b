import Foundation
import Logging
import Starfleet
import StarfleetAWS
import StarfleetRuntime
import StarfleetSchema
import StarfleetTestSupport
import Testing

/// Slack alerts against a local Slack stub: the priority rule, the original's two-block layout,
/// 429 with Retry-After, failures that never fail the sender's work, and a token that never
/// reaches a log line.
@Suite("Slack alerts: chat.postMessage against a local stub")
struct SlackAlertSenderTests {
    static let token = "xoxb-9999-8888-never-log-me"
    static let ok = StubResponse.json(#"{"ok": true, "channel": "C123", "ts": "1.2"}"#)

    static func sender(_ stub: LocalHTTPStub, logger: Logger, token: String = token) -> SlackAlertSender {
        SlackAlertSender(apiURL: stub.endpoint.absoluteString + "/api", token: { token }, logger: logger, maxRetryAfter: 5, timeout: 5)
    }

    static func context(configured: AlertPriority, sender: any AlertSender, logger: Logger) -> ShipContext {
        let alert: PayloadMap = ["channel_id": .string("C123"), "alert_priority": .string(configured.name)]
        return ShipContext(
            configuration: Configuration(directory: "/nonexistent", files: [], sections: [:], sectionFiles: [:], warnings: []),
            shipConfiguration: ["alert_configuration": .map(alert)], logger: logger, alerts: sender,
            accountIndex: { throw AccountIndexError.empty }, environment: [:])
    }

    static func body(_ request: RecordedRequest) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(request.body.utf8)) as? [String: Any])
    }

    @Test func everyConfiguredPriorityTimesEveryMessagePrioritySendsExactlyWhenTheRuleSaysSo() async throws {
        let stub = try await LocalHTTPStub.start([Self.ok])
        let log = try JSONLogFile()
        var expected: [String] = []
        for configured in AlertPriority.allCases {
            for message in AlertPriority.allCases {
                let context = Self.context(configured: configured, sender: Self.sender(stub, logger: log.logger()), logger: log.logger())
                await context.sendAlert(message, title: "\(configured.name)/\(message.name)", body: "body")
                if configured != .none, message != .none, configured >= message {
                    expected.append("\(message.emoji)  \(configured.name)/\(message.name)")
                }
            }
        }
        let headers = try await stub.requests().map { try Self.body($0)["text"] as? String ?? "" }
        #expect(headers == expected)
        #expect(headers.count == 10)
        #expect(!log.text.contains(Self.token))
    }

    @Test func theMessageHasTheOriginalsTwoBlocksAndTheTokenOnlyInTheAuthorizationHeader() async throws {
        let stub = try await LocalHTTPStub.start([Self.ok])
        let log = try JSONLogFile()
        await Self.sender(stub, logger: log.logger())
            .send(Alert(priority: .problem, channel: "C123", title: "IamRoleWorkerShip failed", body: "*Account:* 111"))
        let request = try #require(try await stub.requests().first)
        #expect(request.method == "POST")
        #expect(request.path == "/api/chat.postMessage")
        #expect(request.header("Authorization") == "Bearer \(Self.token)")
        #expect(request.header("Content-Type") == "application/json; charset=utf-8")
        let body = try Self.body(request)
        #expect(body["channel"] as? String == "C123")
        #expect(body["text"] as? String == "🚨  IamRoleWorkerShip failed")
        let blocks = try #require(body["blocks"] as? [[String: Any]])
        #expect(blocks.count == 2)
        #expect(blocks[0]["type"] as? String == "header")
        #expect((blocks[0]["text"] as? [String: Any])?["type"] as? String == "plain_text")
        #expect((blocks[0]["text"] as? [String: Any])?["text"] as? String == "🚨  IamRoleWorkerShip failed")
        #expect(blocks[1]["type"] as? String == "section")
        #expect((blocks[1]["text"] as? [String: Any])?["type"] as? String == "mrkdwn")
        #expect((blocks[1]["text"] as? [String: Any])?["text"] as? String == "*Account:* 111")
        #expect(!request.body.contains(Self.token))
        #expect(log.text.contains("Alert sent to Slack channel C123"))
        #expect(!log.text.contains(Self.token))
    }

    @Test func a429IsRetriedAfterItsRetryAfter() async throws {
        let stub = try await LocalHTTPStub.start([
            StubResponse(status: 429, headers: ["Retry-After": "1", "Content-Type": "application/json"], body: #"{"ok": false, "error": "ratelimited"}"#),
            Self.ok,
        ])
        let log = try JSONLogFile()
        let started = Date()
        await Self.sender(stub, logger: log.logger()).send(Alert(priority: .success, channel: "C123", title: "done", body: "ok"))
        let elapsed = Date().timeIntervalSince(started)
        #expect(try await stub.requests().count == 2)
        #expect(elapsed >= 1.0)
        #expect(log.text.contains("Slack rate limit: retrying the alert in 1 s"))
        #expect(log.text.contains("Alert sent to Slack channel C123"))
        #expect(!log.lines.contains { $0.contains(#""level": "error""#) })
    }

    @Test func slackErrorsAreLoggedWithTheirCodeAndNeverWithTheToken() async throws {
        // A Slack that echoes the token back in its answer must not get it into the log.
        let stub = try await LocalHTTPStub.start([
            .json(#"{"ok": false, "error": "invalid_auth", "detail": "token \#(Self.token) revoked"}"#),
        ])
        let log = try JSONLogFile()
        await Self.sender(stub, logger: log.logger()).send(Alert(priority: .problem, channel: "C123", title: "t", body: "b"))
        let line = try #require(log.lines.first { $0.contains("not sent") })
        #expect(line.contains(#""slack_error": "invalid_auth""#))
        #expect(line.contains(#""level": "error""#))
        #expect(!log.text.contains(Self.token))
        #expect(log.text.contains("<redacted>"))
    }

    @Test func slackDownIsLoggedAndTheSenderReturns() async throws {
        let port = try FreePort.find()
        let log = try JSONLogFile()
        let sender = SlackAlertSender(apiURL: "http://127.0.0.1:\(port)/api", token: { Self.token }, logger: log.logger(), timeout: 2)
        let started = Date()
        await sender.send(Alert(priority: .problem, channel: "C123", title: "t", body: "b"))
        // A hang guard only: 139 s were seen on a starved machine; a sender that waited forever fails it.
        #expect(Date().timeIntervalSince(started) < 300)
        #expect(log.text.contains(#""slack_error": "slack_unreachable""#))
        #expect(!log.text.contains(Self.token))
    }

    @Test func aTokenThatCannotBeReadIsLoggedAndNothingIsPosted() async throws {
        let stub = try await LocalHTTPStub.start([Self.ok])
        let log = try JSONLogFile()
        let sender = SlackAlertSender(apiURL: stub.endpoint.absoluteString, token: { throw SecretsError.notConfigured },
                                      logger: log.logger())
        await sender.send(Alert(priority: .problem, channel: "C123", title: "t", body: "b"))
        #expect(try await stub.requests().isEmpty)
        #expect(log.text.contains(#""slack_error": "no_token""#))
        #expect(log.text.contains("STARFLEET.SecretsManager is not configured"))
    }

    @Test func longTextsAreCutToSlacksBlockLimitsWithAMarker() {
        let message = SlackMessage(alert: Alert(priority: .informational, channel: "C1", title: String(repeating: "t", count: 400),
                                                body: String(repeating: "b😀", count: 2000)), channel: "C1")
        #expect(message.header.utf16.count <= SlackMessage.headerLimit)
        #expect(message.header.hasPrefix("ℹ️  ttt"))
        #expect(message.header.hasSuffix("t…"))
        #expect(message.section.utf16.count <= SlackMessage.sectionLimit)
        #expect(message.section.hasSuffix("\n… (truncated)"))
        // Cut at a character boundary: no half emoji.
        #expect(message.section.dropLast(SlackMessage.sectionTruncationMarker.count).hasSuffix("😀") ||
                message.section.dropLast(SlackMessage.sectionTruncationMarker.count).hasSuffix("b"))
        let short = SlackMessage(alert: Alert(priority: .success, channel: "C1", title: "ok", body: "fine"), channel: "C1")
        #expect(short.header == "✅  ok")
        #expect(short.section == "fine")
    }

    @Test func routingSendsToSlackOnlyWhenSlackIsEnabled() async throws {
        let stub = try await LocalHTTPStub.start([Self.ok])
        let log = try JSONLogFile()
        func configuration(slack: Bool) throws -> Configuration {
            let directory = try TemporaryDirectory(prefix: "routing")
            try directory.write("""
            STARFLEET:
              DeploymentRegion: us-east-1
              TemplateBucket: b
              FanOutQueueUrl: https://sqs.us-east-1.amazonaws.com/000000000000/q
              SlackEnabled: \(slack)
              SecretsManager: {SecretId: s, SecretRegion: us-east-1}

            """, to: "starfleet.yaml")
            return try ConfigurationLoader().load(directory: directory.path)
        }
        let secrets = StarfleetSecrets(settings: nil) { _ in throw SecretsError.notConfigured }
        let environment = ["SLACK_API_URL": stub.endpoint.absoluteString]
        let off = AlertRouting(configuration: try configuration(slack: false), secrets: secrets, environment: environment)
        await off.sender(logger: log.logger()).send(Alert(priority: .problem, channel: "C1", title: "off", body: "b"))
        #expect(try await stub.requests().isEmpty)
        #expect(log.text.contains("[alert] 🚨  off"))
        let on = AlertRouting(configuration: try configuration(slack: true), secrets: secrets, environment: environment)
        #expect(on.apiURL == stub.endpoint.absoluteString)
        #expect(AlertRouting(configuration: try configuration(slack: true), secrets: secrets, environment: [:]).apiURL == "https://slack.com/api")
        await on.sender(logger: log.logger()).send(Alert(priority: .problem, channel: "C1", title: "on", body: "b"))
        #expect(log.text.contains(#""slack_error": "no_token""#))
    }
}
