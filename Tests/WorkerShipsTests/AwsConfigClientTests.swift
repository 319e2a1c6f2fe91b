import Foundation
import StarfleetAWS
import Testing

@testable import WorkerShips

/// The AWS Config client the AwsConfigWorkerShip uses, against a scripted transport: JSON 1.1
/// targets, fields Starfleet ignores (`recordingMode`), NextToken paging, retries and redaction.
@Suite("AWS Config client (JSON 1.1)")
struct AwsConfigClientTests {
    @Test("Describe calls: target header, region, unknown fields such as recordingMode ignored")
    func describe() async throws {
        let transport = ScriptedTransport([.json("""
        {"ConfigurationRecorders": [{"name": "default", "roleARN": "arn:aws:iam::1:role/R", "arn": "arn:aws:config:eu-west-1:1:recorder/x",
          "recordingGroup": {"allSupported": true, "includeGlobalResourceTypes": false, "resourceTypes": [],
            "exclusionByResourceTypes": {"resourceTypes": []}, "recordingStrategy": {"useOnly": "ALL_SUPPORTED_RESOURCE_TYPES"}},
          "recordingMode": {"recordingFrequency": "CONTINUOUS", "recordingModeOverrides": []}}]}
        """)])
        let config = try transport.session().configService(region: "eu-west-1")
        let recorders = try await config.describeConfigurationRecorders()
        #expect(recorders.first?.name == "default")
        #expect(recorders.first?.recordingGroup?.recordingStrategy?.useOnly == "ALL_SUPPORTED_RESOURCE_TYPES")
        let request = try #require(transport.requests.first)
        #expect(request.headers["X-Amz-Target"] == "StarlingDoveService.DescribeConfigurationRecorders")
        #expect(request.headers["Content-Type"] == "application/x-amz-json-1.1")
        #expect(try #require(request.headers["Authorization"]).contains("/eu-west-1/config/aws4_request"))
        // The ship keeps only the managed fields, so a recorder with recordingMode still matches.
        #expect(AwsConfigCurrentState.kept(recorders[0]) == recorders[0])
    }

    @Test("DescribeRetentionConfigurations follows NextToken")
    func retentionPaging() async throws {
        let transport = ScriptedTransport([
            .json(#"{"RetentionConfigurations": [{"Name": "default", "RetentionPeriodInDays": 90}], "NextToken": "t1"}"#),
            .json(#"{"RetentionConfigurations": [{"Name": "other", "RetentionPeriodInDays": 30}]}"#),
        ])
        let all = try await transport.session().configService().describeRetentionConfigurations()
        #expect(all == [RetentionConfiguration(name: "default", retentionPeriodInDays: 90), RetentionConfiguration(name: "other", retentionPeriodInDays: 30)])
        let bodies = transport.requests.map { String(decoding: $0.body, as: UTF8.self) }
        #expect(bodies == ["{}", #"{"NextToken":"t1"}"#])
    }

    @Test("puts send AWS's shapes; empty answers decode")
    func puts() async throws {
        let transport = ScriptedTransport([AWSHTTPResponse(statusCode: 200, body: Data())])
        let config = try transport.session().configService()
        try await config.putRetentionConfiguration(retentionPeriodInDays: 2557)
        try await config.startConfigurationRecorder(name: "test")
        try await config.putDeliveryChannel(DeliveryChannel(
            name: "default", s3BucketName: "b", configSnapshotDeliveryProperties: ConfigSnapshotDeliveryProperties(deliveryFrequency: "One_Hour")))
        let bodies = transport.requests.map { try? JSONSerialization.jsonObject(with: $0.body) as? [String: Any] }
        #expect(bodies[0]?["RetentionPeriodInDays"] as? Int == 2557)
        #expect(bodies[1]?["ConfigurationRecorderName"] as? String == "test")
        let channel = try #require(bodies[2]?["DeliveryChannel"] as? [String: Any])
        #expect(channel["s3BucketName"] as? String == "b")
        #expect(channel["s3KeyPrefix"] == nil, "unset optional fields are left out, so the put clears them")
    }

    @Test("throttling is retried, AccessDenied is not, secrets are redacted; moto's HTML 500 is reported as such")
    func failures() async throws {
        let throttled = ScriptedTransport([
            .json(#"{"__type": "ThrottlingException", "message": "Rate exceeded"}"#, status: 400),
            .json(#"{"ConfigurationRecordersStatus": [{"name": "default", "recording": true}]}"#),
        ])
        let status = try await throttled.session().configService().describeConfigurationRecorderStatus()
        #expect(status.first?.recording == true)
        #expect(throttled.requests.count == 2)

        let secret = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"
        let denied = ScriptedTransport([.json(#"{"__type": "com.amazon.coral#AccessDeniedException", "message": "denied for \#(secret)"}"#, status: 400)])
        do {
            try await denied.session().configService().putConfigurationRecorder(ConfigurationRecorder(name: "d", roleARN: "r", recordingGroup: nil))
            Issue.record("expected AccessDeniedException")
        } catch let error as AWSError {
            #expect(error.code == "AccessDeniedException")
            #expect(!error.description.contains(secret))
        }
        #expect(denied.requests.count == 1)

        let html = ScriptedTransport([AWSHTTPResponse(statusCode: 500, headers: ["Content-Type": "text/html"],
                                                      body: Data("<!DOCTYPE html><html><body>Internal Server Error</body></html>".utf8))])
        do {
            _ = try await html.session(maxAttempts: 2).configService().describeDeliveryChannels()
            Issue.record("expected a malformed response")
        } catch let error as AWSError {
            #expect(error.kind == .malformedResponse)
            #expect(error.attempts == 2)
        }
    }
}
