import Foundation

/// Temporary credentials from `sts:AssumeRole`, cached until shortly before they expire.
///
/// Concurrent callers share one in-flight `AssumeRole`; a failure is not cached.
public actor AssumeRoleCredentialsProvider: CredentialsProvider {
    public nonisolated let roleArn: String
    public nonisolated let sessionName: String
    public nonisolated let durationSeconds: Int?
    public nonisolated let externalId: String?
    /// Refresh this many seconds before expiry.
    public nonisolated let refreshMargin: TimeInterval
    private let sts: any STSAPI
    private var cached: AWSCredentials?
    private var inFlight: Task<AWSCredentials, any Error>?

    /// - Parameter sts: an STS client in the region to call, signed with the source credentials.
    public init(
        roleArn: String, sessionName: String, sts: any STSAPI, durationSeconds: Int? = nil, externalId: String? = nil,
        refreshMargin: TimeInterval = 300
    ) {
        self.roleArn = roleArn
        self.sessionName = sessionName
        self.sts = sts
        self.durationSeconds = durationSeconds
        self.externalId = externalId
        self.refreshMargin = refreshMargin
    }

    public func credentials() async throws -> AWSCredentials {
        if let cached, !cached.expires(within: refreshMargin) { return cached }
        if let inFlight { return try await inFlight.value }
        let task = Task { [sts, roleArn, sessionName, durationSeconds, externalId] in
            try await sts.assumeRole(
                roleArn: roleArn, sessionName: sessionName, durationSeconds: durationSeconds, externalId: externalId
            ).credentials
        }
        inFlight = task
        defer { inFlight = nil }
        let credentials = try await task.value
        cached = credentials
        return credentials
    }
}
