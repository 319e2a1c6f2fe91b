import Foundation
import Logging

/// Everything needed to build service clients: region, credentials, environment (endpoint
/// overrides), transport, retry/timeout configuration and a logger.
///
/// ```swift
/// let session = AWSSession(region: "us-east-1")
/// let accounts = try await session.organizations().listAccounts()
/// let member = session.assumingRole(roleArn: "arn:aws:iam::111122223333:role/starfleet-describe-regions",
///                                   sessionName: "StarfleetAccountIndexer")
/// let regions = try await member.ec2().describeRegions()
/// ```
public struct AWSSession: Sendable {
    public let region: String
    public let credentialsProvider: any CredentialsProvider
    public let environment: [String: String]
    public let transport: any HTTPTransport
    public let configuration: AWSClientConfiguration
    public let logger: Logger

    /// - Parameters:
    ///   - region: default region; nil means `AWS_REGION`, `AWS_DEFAULT_REGION`, the profile's
    ///     `region` in the config file, then `us-east-1`.
    ///   - credentialsProvider: nil means the standard chain over `environment`.
    ///   - configuration: nil means the defaults with `environment`'s overrides (`AWS_MAX_ATTEMPTS`,
    ///     `STARFLEET_AWS_TIMEOUT`).
    public init(
        region: String? = nil, credentialsProvider: (any CredentialsProvider)? = nil,
        environment: [String: String] = ProcessInfo.processInfo.environment,
        transport: any HTTPTransport = AsyncHTTPClientTransport.shared,
        configuration: AWSClientConfiguration? = nil,
        logger: Logger = Logger(label: "starfleet.aws")
    ) {
        self.region = region ?? Self.defaultRegion(environment: environment)
        self.credentialsProvider = credentialsProvider ?? CredentialsProviderChain.standard(environment: environment)
        self.environment = environment
        self.transport = transport
        self.configuration = configuration ?? AWSClientConfiguration(environment: environment) { logger.warning("\($0)") }
        self.logger = logger
    }

    /// The region from `AWS_REGION`, `AWS_DEFAULT_REGION`, the profile's config, or `us-east-1`.
    public static func defaultRegion(environment: [String: String]) -> String {
        for name in ["AWS_REGION", "AWS_DEFAULT_REGION"] {
            if let value = environment[name], !value.isEmpty { return value }
        }
        return SharedConfigFiles(environment: environment).region() ?? "us-east-1"
    }

    public var endpointResolver: EndpointResolver { EndpointResolver(environment: environment) }

    /// A generic client for any service (e.g. ``AWSService/iam`` or ``AWSService/configService``).
    public func client(for service: AWSService, region: String? = nil) throws -> AWSClient {
        try AWSClient(
            service: service, region: region ?? self.region, credentialsProvider: credentialsProvider,
            endpointResolver: endpointResolver, transport: transport, configuration: configuration, logger: logger)
    }

    public func organizations(region: String? = nil) throws -> OrganizationsClient {
        OrganizationsClient(client: try client(for: .organizations, region: region))
    }

    public func sts(region: String? = nil) throws -> STSClient {
        STSClient(client: try client(for: .sts, region: region))
    }

    public func ec2(region: String? = nil) throws -> EC2Client {
        EC2Client(client: try client(for: .ec2, region: region))
    }

    public func s3(region: String? = nil) throws -> S3Client {
        S3Client(client: try client(for: .s3, region: region))
    }

    /// A session with the same settings whose credentials come from assuming `roleArn`
    /// (through STS in `stsRegion`, default this session's region). Credentials are fetched
    /// lazily on first use and cached until shortly before expiry.
    public func assumingRole(
        roleArn: String, sessionName: String, stsRegion: String? = nil, region: String? = nil,
        durationSeconds: Int? = nil, externalId: String? = nil
    ) throws -> AWSSession {
        let provider = AssumeRoleCredentialsProvider(
            roleArn: roleArn, sessionName: sessionName, sts: try sts(region: stsRegion),
            durationSeconds: durationSeconds, externalId: externalId)
        return with(credentialsProvider: provider, region: region)
    }

    /// A copy with other credentials and/or region.
    public func with(credentialsProvider: (any CredentialsProvider)? = nil, region: String? = nil) -> AWSSession {
        AWSSession(
            region: region ?? self.region, credentialsProvider: credentialsProvider ?? self.credentialsProvider,
            environment: environment, transport: transport, configuration: configuration, logger: logger)
    }
}
