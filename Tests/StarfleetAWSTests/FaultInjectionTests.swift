import Foundation
import StarfleetTestSupport
import Testing

@testable import StarfleetAWS

/// Retries, timeouts and bad answers, against the scripted local HTTP stub.
@Suite("Faults: retries, timeouts, malformed answers")
struct FaultInjectionTests {
    static let accountsPage = #"{"Accounts":[{"Id":"111111111111","Arn":"arn:aws:organizations::123456789012:account/o-x/111111111111","Email":"a@example.com","Name":"A","Status":"ACTIVE","JoinedMethod":"CREATED","JoinedTimestamp":1711565107.52643}]}"#

    @Test func throttlingIsRetriedUntilSuccess() async throws {
        let stub = try await LocalHTTPStub.start(
            repeating: .jsonError("ThrottlingException"), times: 2, then: .json(Self.accountsPage))
        let logs = LogCapture()
        let organizations = try TestClients.session(endpoint: stub.endpoint, logger: logs.logger()).organizations()
        let accounts = try await organizations.listAccounts()
        #expect(accounts.map(\.id) == ["111111111111"])
        #expect(accounts.first?.joinedTimestamp == Date(timeIntervalSince1970: 1711565107.52643))
        let requests = try await stub.requests()
        #expect(requests.count == 3)
        #expect(requests.allSatisfy { $0.header("X-Amz-Target") == "AWSOrganizationsV20161128.ListAccounts" })
        #expect(requests.allSatisfy { $0.header("Content-Type") == "application/x-amz-json-1.1" })
        #expect(requests.allSatisfy { $0.header("Authorization")?.contains("/us-east-1/organizations/aws4_request") == true })
        #expect(logs.lines.filter { $0.contains("retrying: ThrottlingException") }.count == 2)
    }

    @Test func queryThrottlingIsRetriedToo() async throws {
        let identity = """
            <GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><GetCallerIdentityResult>
            <Arn>arn:aws:iam::123456789012:user/x</Arn><UserId>AIDA</UserId><Account>123456789012</Account>
            </GetCallerIdentityResult></GetCallerIdentityResponse>
            """
        let stub = try await LocalHTTPStub.start([.queryError("Throttling"), .xml(identity)])
        let identityResult = try await TestClients.session(endpoint: stub.endpoint).sts().getCallerIdentity()
        #expect(identityResult == CallerIdentity(account: "123456789012", arn: "arn:aws:iam::123456789012:user/x", userId: "AIDA"))
        let requests = try await stub.requests()
        #expect(requests.count == 2)
        #expect(requests.first?.body == "Action=GetCallerIdentity&Version=2011-06-15")
    }

    @Test func persistentThrottlingGivesUpAfterTheConfiguredAttempts() async throws {
        let stub = try await LocalHTTPStub.start([.jsonError("TooManyRequestsException", message: "slow down", status: 400)])
        let session = TestClients.session(endpoint: stub.endpoint, retryPolicy: RetryPolicy(maxAttempts: 4, baseDelay: 0.01, maxDelay: 0.02))
        let error = try await #require(throws: AWSError.self) { try await session.organizations().listAccounts() }
        #expect(error.kind == .service)
        #expect(error.code == "TooManyRequestsException")
        #expect(error.isThrottling)
        #expect(error.attempts == 4)
        #expect(error.requestId == "stub-request-id")
        #expect(try await stub.requests().count == 4)
        #expect(error.description.contains("after 4 attempts"))
    }

    @Test func nonRetryableErrorsAreNotRetried() async throws {
        let stub = try await LocalHTTPStub.start([.jsonError("AccessDeniedException", message: "You don't have permissions to access this resource.")])
        let error = try await #require(throws: AWSError.self) {
            try await TestClients.session(endpoint: stub.endpoint).organizations().listParents(childId: "111111111111")
        }
        #expect(error.code == "AccessDeniedException")
        #expect(error.attempts == 1)
        #expect(try await stub.requests().count == 1)
        #expect(error.description == "AWS Organizations ListParents failed at \(stub.endpoint.absoluteString)/: AccessDeniedException: You don't have permissions to access this resource. (HTTP 400, request id stub-request-id)")
    }

    @Test func persistentHTML500IsReportedAsMalformedAfterRetries() async throws {
        let stub = try await LocalHTTPStub.start([.htmlServerError])
        let error = try await #require(throws: AWSError.self) {
            try await TestClients.session(endpoint: stub.endpoint).organizations().describeOrganizationalUnit(organizationalUnitId: "ou-1")
        }
        #expect(error.kind == .malformedResponse)
        #expect(error.httpStatus == 500)
        #expect(error.attempts == 3)
        #expect(try await stub.requests().count == 3)
        let text = error.description
        #expect(text.contains("AWS Organizations DescribeOrganizationalUnit got a malformed or unexpected response after 3 attempts"))
        #expect(text.contains("127.0.0.1:\(stub.port)"))
        #expect(text.contains("HTTP 500"))
        #expect(text.contains("text/html"))
        #expect(text.contains("500 Internal Server Error"))
        #expect(text.contains("moto answers operations it does not implement this way"))
    }

    @Test func closedPortIsUnreachable() async throws {
        let port = try FreePort.find()
        let endpoint = try #require(URL(string: "http://127.0.0.1:\(port)"))
        let started = Date()
        let error = try await #require(throws: AWSError.self) {
            try await TestClients.session(endpoint: endpoint, retryPolicy: RetryPolicy(maxAttempts: 2, baseDelay: 0.01)).ec2().describeRegions()
        }
        // A refused connection fails at once; the bound only guards against a hang on a loaded machine
        // (81 s were seen while two package builds shared the 2 cores with the suite).
        #expect(Date().timeIntervalSince(started) < 180)
        #expect(error.kind == .unreachableEndpoint)
        #expect(error.code == "EndpointUnreachable")
        #expect(error.attempts == 2)
        #expect(error.description.hasPrefix("AWS EC2 DescribeRegions could not reach the endpoint after 2 attempts at http://127.0.0.1:\(port)/"))
        #expect(error.description.contains("set by AWS_ENDPOINT_URL"))
    }

    @Test func hangingServerTimesOut() async throws {
        let stub = try await LocalHTTPStub.start([.hang])
        let session = TestClients.session(
            endpoint: stub.endpoint, retryPolicy: RetryPolicy(maxAttempts: 2, baseDelay: 0.01), timeout: 0.5)
        let started = Date()
        let error = try await #require(throws: AWSError.self) { try await session.sts().assumeRole(roleArn: "arn:aws:iam::1:role/r", sessionName: "s") }
        let elapsed = Date().timeIntervalSince(started)
        // Two 0.5 s attempts; the upper bound only guards against a hang (CI machines can be loaded).
        #expect(elapsed >= 1.0 && elapsed < 60, "took \(elapsed) s")
        #expect(error.kind == .timeout)
        #expect(error.attempts == 2)
        #expect(try await stub.requests().count == 2)
        #expect(error.description == "AWS STS AssumeRole timed out after 2 attempts at \(stub.endpoint.absoluteString)/: no response within 0.50 s (set by AWS_ENDPOINT_URL); check network access to the endpoint or raise the timeout")
    }

    @Test func garbageSuccessBodiesAreReportedNotTrapped() async throws {
        let stub = try await LocalHTTPStub.start([.garbage])
        let session = TestClients.session(endpoint: stub.endpoint)
        let jsonError = try await #require(throws: AWSError.self) { try await session.organizations().listAccounts() }
        #expect(jsonError.kind == .malformedResponse)
        #expect(jsonError.httpStatus == 200)
        #expect(jsonError.attempts == 1)
        #expect(jsonError.description.contains("AWS Organizations ListAccounts got a malformed or unexpected response"))
        #expect(jsonError.description.contains("cannot decode the answer"))

        let xmlError = try await #require(throws: AWSError.self) { try await session.ec2().describeRegions() }
        #expect(xmlError.kind == .malformedResponse)
        #expect(xmlError.description.contains("AWS EC2 DescribeRegions"))
        #expect(xmlError.description.contains("not XML"))
    }

    @Test func wellFormedButWrongShapeIsReported() async throws {
        let stub = try await LocalHTTPStub.start([.json(#"{"Accounts":[{"Name":"no id"}]}"#), .xml("<Other/>")])
        let session = TestClients.session(endpoint: stub.endpoint)
        let jsonError = try await #require(throws: AWSError.self) { try await session.organizations().listAccounts() }
        #expect(jsonError.description.contains("missing Accounts.[0].Id"))
        let xmlError = try await #require(throws: AWSError.self) { try await session.sts().getCallerIdentity() }
        #expect(xmlError.description.contains("no GetCallerIdentityResult/Account"))
    }

    @Test func s3ErrorsAreTyped() async throws {
        let body = "<?xml version=\"1.0\"?><Error><Code>NoSuchBucket</Code><Message>The specified bucket does not exist</Message><BucketName>nope</BucketName><RequestId>r</RequestId></Error>"
        let stub = try await LocalHTTPStub.start([StubResponse(status: 404, headers: ["Content-Type": "application/xml"], body: body)])
        let error = try await #require(throws: AWSError.self) {
            try await TestClients.session(endpoint: stub.endpoint).s3().getObject(bucket: "nope", key: "a/b.json")
        }
        #expect(error.code == "NoSuchBucket")
        #expect(error.httpStatus == 404)
        #expect(error.attempts == 1)
        let request = try #require(try await stub.requests().first)
        #expect(request.path == "/nope/a/b.json")
        #expect(request.header("x-amz-content-sha256") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    }
}
