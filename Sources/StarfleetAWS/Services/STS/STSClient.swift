import Foundation

/// STS over the Query protocol (regional endpoint `sts.<region>.amazonaws.com`).
public struct STSClient: STSAPI {
    public let client: AWSClient

    public init(client: AWSClient) {
        self.client = client
    }

    public func assumeRole(roleArn: String, sessionName: String, durationSeconds: Int?, externalId: String?) async throws -> AssumeRoleResult {
        var parameters = [QueryItem("RoleArn", roleArn), QueryItem("RoleSessionName", sessionName)]
        if let durationSeconds { parameters.append(QueryItem("DurationSeconds", String(durationSeconds))) }
        if let externalId { parameters.append(QueryItem("ExternalId", externalId)) }
        let root = try await client.query("AssumeRole", parameters)
        guard let result = root.descendant("AssumeRoleResult"), let credentials = result.child("Credentials"),
            let keyId = credentials.string("AccessKeyId"), let secret = credentials.string("SecretAccessKey")
        else {
            throw client.malformed("AssumeRole", status: 200, "the answer has no AssumeRoleResult/Credentials")
        }
        let expiration = credentials.string("Expiration").flatMap(AWSTimestamp.parseISO8601)
        return AssumeRoleResult(
            credentials: AWSCredentials(
                accessKeyId: keyId, secretAccessKey: secret, sessionToken: credentials.string("SessionToken"),
                expiration: expiration, source: "assumed role \(roleArn)"),
            assumedRoleArn: result.path("AssumedRoleUser", "Arn")?.text ?? "",
            assumedRoleId: result.path("AssumedRoleUser", "AssumedRoleId")?.text ?? "")
    }

    public func getCallerIdentity() async throws -> CallerIdentity {
        let root = try await client.query("GetCallerIdentity")
        guard let result = root.descendant("GetCallerIdentityResult"), let account = result.string("Account") else {
            throw client.malformed("GetCallerIdentity", status: 200, "the answer has no GetCallerIdentityResult/Account")
        }
        return CallerIdentity(account: account, arn: result.string("Arn") ?? "", userId: result.string("UserId") ?? "")
    }
}
