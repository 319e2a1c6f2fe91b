import Foundation
import StarfleetAWS
import StarfleetConsole

/// What the console's header says about AWS: who the credentials are (STS `GetCallerIdentity`)
/// and which profile and endpoint override the session uses.
enum ConsoleAWSContext {
    /// `GetCallerIdentity` with short attempts: an unreachable endpoint answers within seconds
    /// (the console also bounds the whole call).
    static func callerIdentity(environment: [String: String], requestTimeout: TimeInterval = 4)
        -> @Sendable () async throws(ConsoleFailure) -> AWSIdentity {
        {
            () async throws(ConsoleFailure) -> AWSIdentity in
            let configuration = AWSClientConfiguration(retryPolicy: RetryPolicy(maxAttempts: 2, baseDelay: 0.2, maxDelay: 1),
                                                       timeout: requestTimeout)
            do {
                let session = AWSSession(environment: environment, configuration: configuration)
                let identity = try await session.sts().getCallerIdentity()
                return AWSIdentity(account: identity.account, arn: identity.arn)
            } catch let error as AWSError {
                throw ConsoleFailure(reason(error))
            } catch {
                throw ConsoleFailure("\(error)")
            }
        }
    }

    /// A few words for the header: the code, or what kind of failure it was.
    static func reason(_ error: AWSError) -> String {
        switch error.kind {
        case .service: return error.code
        case .timeout: return "no answer from \(error.endpoint ?? "STS")"
        case .unreachableEndpoint: return "cannot reach \(error.endpoint ?? "STS")"
        case .malformedResponse: return "unexpected answer from \(error.endpoint ?? "STS")"
        case .credentials: return error.code == "NoCredentials" ? "no credentials" : "credentials: \(error.message)"
        case .configuration: return error.message
        }
    }

    /// `profile NAME` (AWS_PROFILE) and `endpoint URL` (AWS_ENDPOINT_URL, else the STS one), as set.
    static func connection(environment: [String: String]) -> [String] {
        var pieces: [String] = []
        if let profile = environment["AWS_PROFILE"] ?? environment["AWS_DEFAULT_PROFILE"], !profile.isEmpty {
            pieces.append("profile \(profile)")
        }
        let resolver = EndpointResolver(environment: environment)
        if let (variable, value) = resolver.overrideValue(for: .sts) {
            pieces.append(variable == "AWS_ENDPOINT_URL" ? "endpoint \(value)" : "endpoint \(value) (\(variable))")
        }
        return pieces
    }
}
