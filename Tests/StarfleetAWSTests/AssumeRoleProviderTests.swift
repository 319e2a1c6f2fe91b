import Foundation
import Testing

@testable import StarfleetAWS

/// Counts AssumeRole calls and hands out credentials that expire after `lifetime` seconds.
actor FakeSTS: STSAPI {
    private(set) var calls: [String] = []
    let lifetime: TimeInterval
    let failFirst: Bool

    init(lifetime: TimeInterval = 3600, failFirst: Bool = false) {
        self.lifetime = lifetime
        self.failFirst = failFirst
    }

    func assumeRole(roleArn: String, sessionName: String, durationSeconds: Int?, externalId: String?) async throws -> AssumeRoleResult {
        calls.append("\(roleArn)|\(sessionName)")
        try await Task.sleep(nanoseconds: 20_000_000)
        if failFirst && calls.count == 1 {
            throw AWSError(kind: .service, service: "STS", operation: "AssumeRole", code: "AccessDenied", message: "no")
        }
        return AssumeRoleResult(
            credentials: AWSCredentials(
                accessKeyId: "ASIA\(calls.count)", secretAccessKey: "s", sessionToken: "t",
                expiration: Date().addingTimeInterval(lifetime)),
            assumedRoleArn: "arn:aws:sts::1:assumed-role/r/\(sessionName)", assumedRoleId: "id")
    }

    func getCallerIdentity() async throws -> CallerIdentity {
        CallerIdentity(account: "1", arn: "arn", userId: "u")
    }
}

@Suite("AssumeRole credentials provider")
struct AssumeRoleProviderTests {
    @Test func concurrentCallersShareOneAssumeRole() async throws {
        let sts = FakeSTS()
        let provider = AssumeRoleCredentialsProvider(roleArn: "arn:aws:iam::111122223333:role/r", sessionName: "s", sts: sts)
        let keys = try await withThrowingTaskGroup(of: String.self) { group in
            for _ in 0..<8 { group.addTask { try await provider.credentials().accessKeyId } }
            return try await group.reduce(into: [String]()) { $0.append($1) }
        }
        #expect(Set(keys) == ["ASIA1"])
        #expect(await sts.calls == ["arn:aws:iam::111122223333:role/r|s"])
        _ = try await provider.credentials()
        #expect(await sts.calls.count == 1)
    }

    @Test func refreshesBeforeExpiry() async throws {
        let sts = FakeSTS(lifetime: 60)  // inside the 300 s refresh margin: every call refreshes
        let provider = AssumeRoleCredentialsProvider(roleArn: "arn:aws:iam::1:role/r", sessionName: "s", sts: sts)
        #expect(try await provider.credentials().accessKeyId == "ASIA1")
        #expect(try await provider.credentials().accessKeyId == "ASIA2")
    }

    @Test func failuresAreNotCached() async throws {
        let sts = FakeSTS(failFirst: true)
        let provider = AssumeRoleCredentialsProvider(roleArn: "arn:aws:iam::1:role/r", sessionName: "s", sts: sts)
        await #expect(throws: AWSError.self) { try await provider.credentials() }
        #expect(try await provider.credentials().accessKeyId == "ASIA2")
    }
}
