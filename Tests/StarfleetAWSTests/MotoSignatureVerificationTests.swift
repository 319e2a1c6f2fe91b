import Foundation
import StarfleetTestSupport
import Testing

@testable import StarfleetAWS

/// moto started with INITIAL_NO_AUTH_ACTION_COUNT verifies SigV4 (and IAM permissions): a real
/// check of our signer for Organizations (JSON), STS (Query) and S3 (REST, payload hash), with
/// long-term keys and with a session token.
@Suite("moto signature verification", .serialized)
struct MotoSignatureVerificationTests {
    @Test func signaturesAreAcceptedAndAWrongSecretIsRejected() async throws {
        let moto = try await MotoServer.start(initialNoAuthActionCount: 1000)
        #expect(moto.initialNoAuthActionCount == 1000)
        let admin = TestClients.session(endpoint: moto.endpoint)

        // Setup while checks are off, through our generic client (IAM Query calls).
        let iam = try admin.client(for: .iam)
        let policyDocument = #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}"#
        _ = try await iam.query("CreateUser", [QueryItem("UserName", "starfleet-ci")])
        let key = try await iam.query("CreateAccessKey", [QueryItem("UserName", "starfleet-ci")])
        let keyId = try #require(key.descendant("AccessKeyId")?.text)
        let secret = try #require(key.descendant("SecretAccessKey")?.text)
        let policy = try await iam.query("CreatePolicy", [QueryItem("PolicyName", "everything"), QueryItem("PolicyDocument", policyDocument)])
        let policyArn = try #require(policy.descendant("Arn")?.text)
        _ = try await iam.query("AttachUserPolicy", [QueryItem("UserName", "starfleet-ci"), QueryItem("PolicyArn", policyArn)])
        let trust = #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::123456789012:user/starfleet-ci"},"Action":"sts:AssumeRole"}]}"#
        _ = try await iam.query("CreateRole", [QueryItem("RoleName", "starfleet-org-reader"), QueryItem("AssumeRolePolicyDocument", trust)])
        _ = try await iam.query("AttachRolePolicy", [QueryItem("RoleName", "starfleet-org-reader"), QueryItem("PolicyArn", policyArn)])
        struct CreateOrganization: Encodable { let FeatureSet = "ALL" }
        _ = try await admin.client(for: .organizations).json("CreateOrganization", input: CreateOrganization(), as: EmptyJSON.self)
        try await admin.s3().createBucket(bucket: "starfleet-signed")

        try await moto.setInitialNoAuthActionCount(0)  // verify every request from now on

        // Long-term keys.
        let user = TestClients.session(
            endpoint: moto.endpoint, credentials: StaticCredentialsProvider(accessKeyId: keyId, secretAccessKey: secret))
        #expect(try await user.sts().getCallerIdentity().arn == "arn:aws:iam::123456789012:user/starfleet-ci")
        #expect(try await user.organizations().listAccounts().count == 1)
        try await user.s3().putObject(bucket: "starfleet-signed", key: "user.json", body: Data("{\"a\":1}".utf8), contentType: "application/json", acl: "bucket-owner-full-control")
        #expect(try await user.s3().getObject(bucket: "starfleet-signed", key: "user.json") == Data("{\"a\":1}".utf8))

        // Temporary credentials with a session token, through AssumeRole.
        let assumed = try user.assumingRole(roleArn: "arn:aws:iam::123456789012:role/starfleet-org-reader", sessionName: "cloudaux")
        let assumedIdentity = try await assumed.sts().getCallerIdentity()
        #expect(assumedIdentity.arn == "arn:aws:sts::123456789012:assumed-role/starfleet-org-reader/cloudaux")
        #expect(try await assumed.credentialsProvider.credentials().sessionToken != nil)
        #expect(try await assumed.organizations().listRoots().count == 1)
        try await assumed.s3().putObject(bucket: "starfleet-signed", key: "assumed.json", body: Data("[]".utf8), contentType: "application/json", acl: nil)
        #expect(try await assumed.s3().getObject(bucket: "starfleet-signed", key: "assumed.json") == Data("[]".utf8))

        // A wrong secret is refused with a clear message, for each protocol.
        let wrong = TestClients.session(
            endpoint: moto.endpoint, credentials: StaticCredentialsProvider(accessKeyId: keyId, secretAccessKey: secret + "x"))
        let organizationsError = try await #require(throws: AWSError.self) { try await wrong.organizations().listRoots() }
        #expect(organizationsError.code == "SignatureDoesNotMatch")
        #expect(organizationsError.kind == .service)
        #expect(organizationsError.attempts == 1)
        #expect(organizationsError.description.hasPrefix("AWS Organizations ListRoots failed at \(moto.endpoint.absoluteString)/: SignatureDoesNotMatch"))
        let stsError = try await #require(throws: AWSError.self) { try await wrong.sts().getCallerIdentity() }
        #expect(stsError.code == "SignatureDoesNotMatch")
        let s3Error = try await #require(throws: AWSError.self) { try await wrong.s3().getObject(bucket: "starfleet-signed", key: "user.json") }
        #expect(s3Error.code == "SignatureDoesNotMatch")
        #expect(s3Error.httpStatus == 403)
        for error in [organizationsError, stsError, s3Error] {
            #expect(!error.description.contains(secret))
        }

        // Stopping leaves neither the server nor anything listening.
        let serverPID = try #require(moto.serverProcessID)
        await moto.stop()
        #expect(!moto.isRunning)
        // The process may take a moment to be reaped on a loaded machine.
        var gone = false
        for _ in 0..<100 where !gone {
            gone = kill(serverPID, 0) == -1
            if !gone { try await Task.sleep(for: .milliseconds(100)) }
        }
        #expect(gone, "moto_server \(serverPID) survived stop() by 10 s")
        let refused = try await #require(throws: AWSError.self) {
            try await TestClients.session(endpoint: moto.endpoint, retryPolicy: .none, timeout: 2).sts().getCallerIdentity()
        }
        #expect(refused.kind == .unreachableEndpoint)
    }
}
