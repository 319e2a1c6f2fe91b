import Foundation
import StarfleetTestSupport
import Testing

@testable import StarfleetAWS

/// Secrets (secret key, session token, request signature) never reach logs or error messages,
/// even when a server echoes the request back.
@Suite("Secrets stay out of logs and errors")
struct SecretRedactionTests {
    static let secret = "SuperSecretKeyValue/abc+123"
    static let token = "SessionTokenValue//+/xyz=="

    @Test func failingCallLeaksNothing() async throws {
        // First answer: 503 echoing the request as the body (not an AWS error: malformed, retried).
        // Second: an AWS error whose message quotes the request's headers, as SignatureDoesNotMatch does.
        let stub = try await LocalHTTPStub.start([
            StubResponse(status: 503, headers: ["Content-Type": "text/plain"], action: .echo),
            StubResponse(
                status: 403, headers: ["Content-Type": "text/xml"],
                body: "<ErrorResponse><Error><Code>SignatureDoesNotMatch</Code><Message>{request}</Message></Error><RequestId>r</RequestId></ErrorResponse>",
                action: .echo),
        ])
        let logs = LogCapture()
        let credentials = StaticCredentialsProvider(accessKeyId: "AKIAVISIBLEKEY", secretAccessKey: Self.secret, sessionToken: Self.token)
        let session = TestClients.session(endpoint: stub.endpoint, credentials: credentials, logger: logs.logger())
        let error = try await #require(throws: AWSError.self) {
            try await session.sts().assumeRole(roleArn: "arn:aws:iam::111122223333:role/starfleet-org-reader", sessionName: "cloudaux")
        }

        let requests = try await stub.requests()
        #expect(requests.count == 2)
        let signatures = requests.compactMap { $0.header("Authorization") }.compactMap { header in
            header.components(separatedBy: "Signature=").last
        }
        #expect(signatures.count == 2)
        #expect(requests.allSatisfy { $0.header("X-Amz-Security-Token") == Self.token })

        // The failure is visible and useful…
        #expect(error.code == "SignatureDoesNotMatch")
        #expect(error.description.contains("AKIAVISIBLEKEY"))
        #expect(error.description.contains("Signature=<redacted>"))
        #expect(logs.text.contains("retrying"))
        #expect(logs.text.contains("AssumeRole"))
        // …and leaks nothing.
        let everything = [error.description, String(reflecting: error), logs.text]
        for text in everything {
            #expect(!text.contains(Self.secret))
            #expect(!text.contains(Self.token))
            for signature in signatures { #expect(!text.contains(signature)) }
        }
    }
}
