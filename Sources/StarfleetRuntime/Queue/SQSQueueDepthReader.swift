import Foundation
import Starfleet
import StarfleetAWS

/// Queue depths from SQS `GetQueueAttributes`; the dead-letter queue is found through the
/// queue's `RedrivePolicy` (its ARN names region, account and queue).
public struct SQSQueueDepthReader: QueueDepthReader {
    let sqs: any SQSAPI

    public init(sqs: any SQSAPI) {
        self.sqs = sqs
    }

    public func depth(of queueURL: String) async throws -> QueueDepth {
        let attributes = try await sqs.getQueueAttributes(
            queueURL: queueURL, names: ["ApproximateNumberOfMessages", "ApproximateNumberOfMessagesNotVisible", "RedrivePolicy"])
        var deadLetters: Int?
        if let policy = attributes["RedrivePolicy"], let deadLetterURL = Self.deadLetterQueueURL(redrivePolicy: policy) {
            let dead = try await sqs.getQueueAttributes(queueURL: deadLetterURL, names: ["ApproximateNumberOfMessages"])
            deadLetters = dead["ApproximateNumberOfMessages"].flatMap { Int($0) }
        }
        return QueueDepth(waiting: attributes["ApproximateNumberOfMessages"].flatMap { Int($0) } ?? 0,
                          inFlight: attributes["ApproximateNumberOfMessagesNotVisible"].flatMap { Int($0) } ?? 0,
                          deadLetters: deadLetters)
    }

    /// `{"deadLetterTargetArn": "arn:aws:sqs:REGION:ACCOUNT:NAME", …}` → the queue's URL (the
    /// endpoint override, if any, still decides where the request goes).
    static func deadLetterQueueURL(redrivePolicy: String) -> String? {
        guard let object = try? JSONSerialization.jsonObject(with: Data(redrivePolicy.utf8)) as? [String: Any],
              let arn = object["deadLetterTargetArn"] as? String else { return nil }
        let parts = arn.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 6, parts[0] == "arn", parts[2] == "sqs" else { return nil }
        let domain = parts[1] == "aws-cn" ? "amazonaws.com.cn" : "amazonaws.com"
        return "https://sqs.\(parts[3]).\(domain)/\(parts[4])/\(parts[5])"
    }
}

/// Reads each queue in the region its URL names (`https://sqs.REGION.amazonaws.com/…`), with the
/// default credential chain and endpoint overrides; for the console, which has no session of its own.
public struct RegionalQueueDepthReader: QueueDepthReader {
    let environment: [String: String]

    public init(environment: [String: String]) {
        self.environment = environment
    }

    public func depth(of queueURL: String) async throws -> QueueDepth {
        let session = AWSSession(region: Self.region(of: queueURL) ?? environment["AWS_REGION"] ?? environment["AWS_DEFAULT_REGION"]
                                     ?? "us-east-1", environment: environment)
        return try await SQSQueueDepthReader(sqs: try session.sqs()).depth(of: queueURL)
    }

    static func region(of queueURL: String) -> String? {
        guard let host = URL(string: queueURL)?.host else { return nil }
        let labels = host.split(separator: ".")
        guard labels.count >= 4, labels[0] == "sqs" else { return nil }
        return String(labels[1])
    }
}
