import Foundation
import Logging
import Starfleet
import StarfleetAWS

/// Posts alerts to Slack's `chat.postMessage`, after logging them like ``LoggingAlertSender``.
///
/// A failed alert never fails the work that sent it: every failure (no token, Slack down, a Slack
/// error such as `channel_not_found`) is logged as an error with Slack's error code, and `send`
/// returns. A 429 answer is retried after its `Retry-After`. The token is never logged: any text
/// that could carry it goes through a ``Redactor`` first.
public struct SlackAlertSender: AlertSender {
    public static let defaultAPIURL = "https://slack.com/api"

    public let apiURL: String
    public let token: @Sendable () async throws -> String
    public let transport: any HTTPTransport
    public let logger: Logger
    public let maxAttempts: Int
    /// The longest `Retry-After` honoured; a longer one gives up (a worker must not stall on Slack).
    public let maxRetryAfter: TimeInterval
    public let timeout: TimeInterval

    public init(apiURL: String = SlackAlertSender.defaultAPIURL, token: @escaping @Sendable () async throws -> String,
                transport: any HTTPTransport = AsyncHTTPClientTransport.shared, logger: Logger,
                maxAttempts: Int = 3, maxRetryAfter: TimeInterval = 30, timeout: TimeInterval = 10) {
        self.apiURL = apiURL
        self.token = token
        self.transport = transport
        self.logger = logger
        self.maxAttempts = max(1, maxAttempts)
        self.maxRetryAfter = maxRetryAfter
        self.timeout = timeout
    }

    public func send(_ alert: Alert) async {
        await LoggingAlertSender(logger: logger).send(alert)
        guard let channel = alert.channel, !channel.isEmpty else {
            failed("no_channel", "the ship's AlertConfiguration has no ChannelId", alert)
            return
        }
        let token: String
        do {
            token = try await self.token()
        } catch {
            failed("no_token", "\(error)", alert)
            return
        }
        let redactor = Redactor(secrets: [token])
        guard var request = postMessageRequest() else {
            failed("invalid_api_url", "SLACK_API_URL \(apiURL) is not an http(s) URL", alert)
            return
        }
        request.headers.add(name: "Content-Type", value: "application/json; charset=utf-8")
        request.headers.add(name: "Authorization", value: "Bearer \(token)")
        request.body = SlackMessage(alert: alert, channel: channel).json

        var attempt = 0
        while true {
            attempt += 1
            let response: AWSHTTPResponse
            do {
                response = try await transport.send(request, timeout: timeout)
            } catch {
                if attempt < maxAttempts, !Task.isCancelled {
                    await pause(seconds: 0.5 * Double(attempt))
                    continue
                }
                failed("slack_unreachable", redactor.redact("\(error)"), alert)
                return
            }
            if response.statusCode == 429 {
                let wait = response.headers["Retry-After"].flatMap { TimeInterval($0.trimmingCharacters(in: .whitespaces)) } ?? 1
                guard attempt < maxAttempts, wait <= maxRetryAfter else {
                    failed("ratelimited", "Slack rate limit (Retry-After \(Int(wait)) s) after \(attempt) attempt(s)", alert)
                    return
                }
                logger.warning("[⏳] Slack rate limit: retrying the alert in \(Int(wait)) s.", metadata: ["slack_error": "ratelimited"])
                await pause(seconds: wait)
                continue
            }
            let answer = (try? JSONSerialization.jsonObject(with: response.body)) as? [String: Any]
            if response.isSuccess, answer?["ok"] as? Bool == true {
                logger.info("[📨] Alert sent to Slack channel \(channel).")
                return
            }
            let code = answer?["error"] as? String ?? "http_\(response.statusCode)"
            if response.statusCode >= 500, attempt < maxAttempts {
                await pause(seconds: 0.5 * Double(attempt))
                continue
            }
            failed(code, "HTTP \(response.statusCode): \(redactor.redact(response.bodySnippet(limit: 200)))", alert)
            return
        }
    }

    private func failed(_ code: String, _ detail: String, _ alert: Alert) {
        logger.error("[🚨] Slack alert \"\(alert.header)\" not sent (\(code)): \(detail)", metadata: ["slack_error": .string(code)])
    }

    private func postMessageRequest() -> AWSHTTPRequest? {
        let base = apiURL.hasSuffix("/") ? String(apiURL.dropLast()) : apiURL
        guard let components = URLComponents(string: base + "/chat.postMessage"),
              let scheme = components.scheme?.lowercased(), scheme == "http" || scheme == "https",
              let host = components.host, !host.isEmpty
        else { return nil }
        return AWSHTTPRequest(method: "POST", scheme: scheme, host: host, port: components.port, path: components.percentEncodedPath)
    }

    private func pause(seconds: TimeInterval) async {
        try? await Task.sleep(nanoseconds: UInt64(max(0, seconds) * 1_000_000_000))
    }
}
