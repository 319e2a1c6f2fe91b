import Foundation
import StarfleetTestSupport
import Testing

@testable import StarfleetAWS

/// The SQS client and batch sender against the scripted stub: wire format, throttling,
/// partial batch failures, server errors and hangs.
@Suite("SQS: wire format and faults")
struct SQSClientFaultTests {
    static let queueURL = "https://sqs.us-east-1.amazonaws.com/123456789012/starfleet-test"

    static func entries(_ count: Int) -> [SQSSendEntry] {
        (1...count).map { SQSSendEntry(id: "e\($0)", body: #"{"TemplateName": "T\#($0)"}"#) }
    }

    static func ok(_ ids: [String], failed: [(String, Bool)] = []) -> StubResponse {
        let successes = ids.map { #"{"Id":"\#($0)","MessageId":"m-\#($0)","MD5OfMessageBody":"x"}"# }.joined(separator: ",")
        let failures = failed.map { #"{"Id":"\#($0.0)","SenderFault":\#($0.1),"Code":"\#($0.1 ? "InvalidParameterValue" : "InternalError")","Message":"nope"}"# }
            .joined(separator: ",")
        return .json(#"{"Successful":[\#(successes)],"Failed":[\#(failures)]}"#)
    }

    @Test func sendMessageBatchSpeaksTheJSONProtocolAndKeepsTheQueueURL() async throws {
        let stub = try await LocalHTTPStub.start([Self.ok(["e1", "e2"])])
        let sqs = try TestClients.session(endpoint: stub.endpoint).sqs()
        let result = try await sqs.sendMessageBatch(queueURL: Self.queueURL, entries: Self.entries(2))
        #expect(result.successfulIds == ["e1", "e2"])
        #expect(result.failed.isEmpty)
        let request = try #require(try await stub.requests().first)
        #expect(request.header("X-Amz-Target") == "AmazonSQS.SendMessageBatch")
        #expect(request.header("Content-Type") == "application/x-amz-json-1.0")
        #expect(request.header("Authorization")?.contains("/us-east-1/sqs/aws4_request") == true)
        let body = try #require(try JSONSerialization.jsonObject(with: Data(request.body.utf8)) as? [String: Any])
        #expect(body["QueueUrl"] as? String == Self.queueURL)
        let sent = try #require(body["Entries"] as? [[String: String]])
        #expect(sent.map { $0["Id"] } == ["e1", "e2"])
        #expect(sent.first?["MessageBody"] == #"{"TemplateName": "T1"}"#)
    }

    @Test func throttlingIsRetried() async throws {
        let stub = try await LocalHTTPStub.start(repeating: .jsonError("ThrottlingException"), times: 2, then: Self.ok(["e1"]))
        let sqs = try TestClients.session(endpoint: stub.endpoint).sqs()
        let result = try await sqs.sendMessageBatch(queueURL: Self.queueURL, entries: Self.entries(1))
        #expect(result.successfulIds == ["e1"])
        #expect(try await stub.requests().count == 3)
    }

    @Test func partialBatchFailuresAreRetriedThenReportedPerEntry() async throws {
        let stub = try await LocalHTTPStub.start([
            Self.ok(["e1"], failed: [("e2", false), ("e3", true)]),
            Self.ok([], failed: [("e2", false)]),
        ])
        let sender = SQSBatchSender(sqs: try TestClients.session(endpoint: stub.endpoint).sqs(), entryRetries: 2, retryDelay: 0.01)
        let failures = try await sender.sendBatch(queueURL: Self.queueURL, entries: Self.entries(3))
        // e3 was the sender's fault: final at once. e2 was retried twice, then reported.
        #expect(failures.map(\.id).sorted() == ["e2", "e3"])
        #expect(failures.first { $0.id == "e2" }?.code == "InternalError")
        let requests = try await stub.requests()
        #expect(requests.count == 3)
        for retry in requests.dropFirst() {
            let body = try #require(try JSONSerialization.jsonObject(with: Data(retry.body.utf8)) as? [String: Any])
            #expect((body["Entries"] as? [[String: String]])?.map { $0["Id"] } == ["e2"])
        }
    }

    @Test func aRetriedEntryThatSucceedsIsNotReported() async throws {
        let stub = try await LocalHTTPStub.start([Self.ok(["e1"], failed: [("e2", false)]), Self.ok(["e2"])])
        let sender = SQSBatchSender(sqs: try TestClients.session(endpoint: stub.endpoint).sqs(), retryDelay: 0.01)
        #expect(try await sender.sendBatch(queueURL: Self.queueURL, entries: Self.entries(2)).isEmpty)
    }

    @Test func batchesHoldAtMostTenEntriesAnd256KiB() {
        let (small, none) = SQSBatchSender.batches(Self.entries(25))
        #expect(small.map(\.count) == [10, 10, 5])
        #expect(none.isEmpty)
        let big = (1...5).map { SQSSendEntry(id: "b\($0)", body: String(repeating: "x", count: 100_000)) }
        let tooBig = SQSSendEntry(id: "huge", body: String(repeating: "x", count: 300_000))
        let (batches, oversized) = SQSBatchSender.batches(big + [tooBig])
        #expect(batches.map(\.count) == [2, 2, 1])
        #expect(batches.allSatisfy { $0.reduce(0) { $0 + $1.body.utf8.count } <= SQSBatchSender.maxBatchBytes })
        #expect(oversized.map(\.id) == ["huge"])
        #expect(oversized.first?.code == "MessageTooLong")
    }

    @Test func sendSpreadsEveryEntryOverBatchesAndCollectsFailures() async throws {
        let stub = try await LocalHTTPStub.start([Self.ok([], failed: [("e3", true)]), Self.ok([])])
        let sender = SQSBatchSender(sqs: try TestClients.session(endpoint: stub.endpoint).sqs())
        let failures = try await sender.send(queueURL: Self.queueURL, entries: Self.entries(23), concurrency: 1)
        #expect(failures.map(\.id) == ["e3"])
        #expect(try await stub.requests().count == 3)
    }

    @Test func serverErrorsAreRetriedThenReported() async throws {
        let stub = try await LocalHTTPStub.start([.htmlServerError])
        let sqs = try TestClients.session(endpoint: stub.endpoint).sqs()
        let error = try await #require(throws: AWSError.self) {
            try await sqs.sendMessageBatch(queueURL: Self.queueURL, entries: Self.entries(1))
        }
        #expect(error.httpStatus == 500)
        #expect(error.attempts == 3)
        #expect(error.operation == "SendMessageBatch")
        #expect(try await stub.requests().count == 3)
    }

    @Test func aHangingEndpointTimesOut() async throws {
        let stub = try await LocalHTTPStub.start([.hang])
        let sqs = try TestClients.session(endpoint: stub.endpoint, retryPolicy: RetryPolicy(maxAttempts: 2, baseDelay: 0.01), timeout: 0.5)
            .sqs()
        let error = try await #require(throws: AWSError.self) {
            try await sqs.receiveMessages(queueURL: Self.queueURL, maxMessages: 10, waitSeconds: 0, visibilityTimeout: nil)
        }
        #expect(error.kind == .timeout)
        #expect(error.attempts == 2)
    }

    @Test func receiveAsksForTheReceiveCountAndDecodesMessages() async throws {
        let stub = try await LocalHTTPStub.start([.json(#"""
            {"Messages":[{"MessageId":"m1","ReceiptHandle":"r1","MD5OfBody":"x","Body":"{\"a\": 1}","Attributes":{"ApproximateReceiveCount":"3"}}]}
            """#)])
        let sqs = try TestClients.session(endpoint: stub.endpoint).sqs()
        let messages = try await sqs.receiveMessages(queueURL: Self.queueURL, maxMessages: 25, waitSeconds: 40, visibilityTimeout: nil)
        #expect(messages == [SQSMessage(messageId: "m1", receiptHandle: "r1", body: #"{"a": 1}"#, attributes: ["ApproximateReceiveCount": "3"])])
        #expect(messages.first?.receiveCount == 3)
        let request = try #require(try await stub.requests().first)
        #expect(request.header("X-Amz-Target") == "AmazonSQS.ReceiveMessage")
        let body = try #require(try JSONSerialization.jsonObject(with: Data(request.body.utf8)) as? [String: Any])
        // Clamped to what SQS accepts.
        #expect(body["MaxNumberOfMessages"] as? Int == 10)
        #expect(body["WaitTimeSeconds"] as? Int == 20)
        #expect((body["AttributeNames"] as? [String]) == ["ApproximateReceiveCount"])
    }

    @Test func theSQSEndpointOverrideWinsOverTheGeneralOne() throws {
        let session = AWSSession(
            region: "eu-west-1", credentialsProvider: MotoServer.credentialsProvider,
            environment: ["AWS_ENDPOINT_URL": "http://127.0.0.1:1", "AWS_ENDPOINT_URL_SQS": "http://127.0.0.1:2", "HOME": "/nonexistent"])
        let client = try session.sqs().client
        #expect(client.endpoint.port == 2)
        #expect(client.endpoint.signingRegion == "eu-west-1")
        let standard = try AWSSession(region: "eu-west-1", credentialsProvider: MotoServer.credentialsProvider,
                                      environment: ["HOME": "/nonexistent"]).sqs().client
        #expect(standard.endpoint.host == "sqs.eu-west-1.amazonaws.com")
    }
}
