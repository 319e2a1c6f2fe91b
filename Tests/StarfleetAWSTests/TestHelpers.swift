import Foundation
import Logging
import StarfleetAWS
import StarfleetTestSupport

/// Collects log records so tests can assert what was (and was not) logged.
final class LogCapture: @unchecked Sendable {
    private let lock = NSLock()
    private var records: [String] = []

    func append(_ line: String) {
        lock.lock()
        records.append(line)
        lock.unlock()
    }

    var lines: [String] {
        lock.lock()
        defer { lock.unlock() }
        return records
    }

    var text: String { lines.joined(separator: "\n") }

    /// A logger at trace level whose every record (message and metadata) lands here.
    func logger(label: String = "test") -> Logger {
        var logger = Logger(label: label) { _ in
            CapturingLogHandler { record in self.append("\(record.level) \(record.message) \(record.metadataText)") }
        }
        logger.logLevel = .trace
        return logger
    }
}

enum TestClients {
    static let fastRetries = RetryPolicy(maxAttempts: 3, baseDelay: 0.01, maxDelay: 0.05)

    /// A session pointing every service at `endpoint`, with fast retries.
    static func session(
        endpoint: URL, credentials: any CredentialsProvider = MotoServer.credentialsProvider,
        retryPolicy: RetryPolicy = fastRetries, timeout: TimeInterval = 10, logger: Logger = Logger(label: "test") { _ in SwiftLogNoOpLogHandler() }
    ) -> AWSSession {
        AWSSession(
            region: "us-east-1", credentialsProvider: credentials,
            environment: ["AWS_ENDPOINT_URL": endpoint.absoluteString, "HOME": "/nonexistent"],
            configuration: AWSClientConfiguration(retryPolicy: retryPolicy, timeout: timeout), logger: logger)
    }
}
