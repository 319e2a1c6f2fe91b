import Foundation
import Starfleet
import StarfleetAWS
import StarfleetTestSupport
import Testing

/// One fleet stack per test on the shared end-to-end moto_server, built by the committed
/// `scripts/fleet/fleet_up.py` (what `scripts/fleet-up` runs): a template bucket of its own with
/// its S3 → SQS notification, a fan-out queue and one queue per ship, each with a dead-letter
/// queue. Names carry the stack's name, so tests run in parallel without seeing each other.
struct FleetStack: Sendable {
    struct Queue: Sendable, Decodable {
        let url: String
        let dlq_url: String
    }

    let world: EndToEndWorld.Fixture
    let name: String
    let configuration: String
    let bucket: String
    let fanOutQueue: Queue
    let shipQueues: [String: Queue]

    /// - Parameter rewrite: textual replacements applied to the configuration before set-up.
    static func make(_ world: EndToEndWorld.Fixture, name: String, maxReceiveCount: Int = 4, visibilityTimeout: Int = 30,
                     rewrite: [(String, String)] = []) async throws -> FleetStack {
        let source = "fleet-\(name)-source"
        let examples = EndToEndWorld.root.appendingPathComponent("examples/configuration")
        var files: [String: String] = [:]
        for file in ["starfleet.yaml", "account_index_generator.yaml", "probes.yaml"] {
            files[file] = try String(contentsOfFile: world.configuration + "/" + file, encoding: .utf8)
        }
        for file in ["iam_role.yaml", "aws_config.yaml"] {
            files[file] = try String(contentsOf: examples.appendingPathComponent(file), encoding: .utf8)
        }
        let bucket = "fleet-\(name)-templates"
        for (file, original) in files {
            var text = original.replacingOccurrences(of: "TemplateBucket: starfleet-templates", with: "TemplateBucket: \(bucket)")
            text = text.replacing(#/(https://sqs\.[^/\s]+/\d+/)([A-Za-z0-9_-]+)/#) { match in "\(match.1)\(match.2)-\(name)" }
            for (from, to) in rewrite { text = text.replacingOccurrences(of: from, with: to) }
            try world.directory.write(text, to: "\(source)/\(file)")
        }
        let target = world.directory.url.appendingPathComponent("fleet-\(name)").path
        let script = EndToEndWorld.root.appendingPathComponent("scripts/fleet/fleet_up.py").path
        let result = try await ProcessRunner.run(
            "python3", [script, world.server.endpoint.absoluteString, target, "--examples", world.directory.url.appendingPathComponent(source).path,
                        "--max-receive-count", String(maxReceiveCount), "--visibility-timeout", String(visibilityTimeout)],
            environment: world.environment, timeout: 60)
        guard result.exitCode == 0 else { throw EndToEndSetupError("fleet_up.py failed: \(result.summary)") }
        struct Summary: Decodable {
            let template_bucket: String
            let fan_out_queue: Queue
            let ships: [String: Queue]
        }
        let summary = try JSONDecoder().decode(Summary.self, from: result.stdout)
        return FleetStack(world: world, name: name, configuration: target, bucket: summary.template_bucket,
                          fanOutQueue: summary.fan_out_queue, shipQueues: summary.ships)
    }

    var sqs: SQSClient {
        get throws { try world.session.sqs() }
    }

    func queue(_ ship: String) throws -> Queue {
        guard let queue = shipQueues[ship] else { throw EndToEndSetupError("no queue for \(ship)") }
        return queue
    }

    func upload(_ text: String, key: String) async throws {
        try await world.session.s3().putObject(bucket: bucket, key: key, body: Data(text.utf8), contentType: nil, acl: nil)
    }

    /// Visible and in-flight messages.
    func depth(_ queueURL: String) async throws -> (visible: Int, inFlight: Int) {
        let attributes = try await sqs.getQueueAttributes(
            queueURL: queueURL, names: ["ApproximateNumberOfMessages", "ApproximateNumberOfMessagesNotVisible"])
        return (Int(attributes["ApproximateNumberOfMessages"] ?? "") ?? -1,
                Int(attributes["ApproximateNumberOfMessagesNotVisible"] ?? "") ?? -1)
    }

    /// Every message on the queue, left on it: each is received once under a long visibility
    /// timeout (so a slow, loaded machine never sees one twice and stops early), then made
    /// visible again at once.
    func peek(_ queueURL: String) async throws -> [SQSMessage] {
        var seen: [String: SQSMessage] = [:]
        while true {
            let batch = try await sqs.receiveMessages(queueURL: queueURL, maxMessages: 10, waitSeconds: 0, visibilityTimeout: 300)
            if batch.isEmpty { break }
            for message in batch { seen[message.messageId] = message }
        }
        for message in seen.values {
            try await sqs.changeMessageVisibility(queueURL: queueURL, receiptHandle: message.receiptHandle, visibilityTimeout: 0)
        }
        return Array(seen.values)
    }

    func send(_ body: String, to queueURL: String) async throws {
        let result = try await sqs.sendMessageBatch(queueURL: queueURL, entries: [SQSSendEntry(id: "1", body: body)])
        #expect(result.failed.isEmpty)
    }

    func starfleet(_ arguments: [String], binary: String = EndToEndWorld.starfleetBinary, timeout: TimeInterval = 180) async throws -> ProcessResult {
        try await ProcessRunner.run(binary, arguments + ["--config", configuration], environment: world.environment, timeout: timeout)
    }

    /// `starbase fanout --once`, which must succeed.
    func fanOut() async throws {
        let result = try await starfleet(["starbase", "fanout", "--once"])
        #expect(result.exitCode == 0, "\(result.summary)")
    }

    /// An IAM client in `account` (moto's AssumeRole accepts any role name).
    func iam(_ account: String) throws -> IAMClient {
        try world.session.assumingRole(roleArn: "arn:aws:iam::\(account):role/fleet-tests", sessionName: "fleet-tests").iam()
    }
}

/// A process running in the background whose stderr can be awaited and that can be signalled.
final class BackgroundProcess: @unchecked Sendable {
    let process = Process()
    let log: URL

    init(_ executable: String, _ arguments: [String], environment: [String: String], log: URL) throws {
        self.log = log
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.environment = environment
        let handle = try FileHandle(forWritingTo: log)
        process.standardError = handle
        process.standardOutput = handle
        try process.run()
    }

    var text: String { (try? String(contentsOf: log, encoding: .utf8)) ?? "" }

    /// Waits until stderr contains `needle`; false on timeout or exit.
    func wait(for needle: String, timeout: TimeInterval) async -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if text.contains(needle) { return true }
            if !process.isRunning { return text.contains(needle) }
            try? await Task.sleep(nanoseconds: 100_000_000)
        }
        return false
    }

    func signal(_ number: Int32) { kill(process.processIdentifier, number) }

    /// The exit status, or nil when the process is still running after `timeout` (it is then killed).
    func exitStatus(timeout: TimeInterval) async -> Int32? {
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning && Date() < deadline { try? await Task.sleep(nanoseconds: 100_000_000) }
        guard !process.isRunning else {
            kill(process.processIdentifier, SIGKILL)
            return nil
        }
        return process.terminationStatus
    }
}
