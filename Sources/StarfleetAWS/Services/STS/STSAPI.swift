/// The STS calls Starfleet makes.
public protocol STSAPI: Sendable {
    func assumeRole(roleArn: String, sessionName: String, durationSeconds: Int?, externalId: String?) async throws -> AssumeRoleResult
    func getCallerIdentity() async throws -> CallerIdentity
}

extension STSAPI {
    public func assumeRole(roleArn: String, sessionName: String) async throws -> AssumeRoleResult {
        try await assumeRole(roleArn: roleArn, sessionName: sessionName, durationSeconds: nil, externalId: nil)
    }
}
