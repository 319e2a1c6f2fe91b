/// What the client needs to know about one AWS service: names, protocol, API version and
/// whether it has a single global endpoint.
///
/// Adding a service is adding a constant here (and, for typed calls, a small client in
/// `Services/`); the core client handles signing, endpoints, retries and error parsing.
public struct AWSService: Sendable, Equatable, Hashable {
    /// Name used in messages, e.g. `Organizations`.
    public var displayName: String
    /// The SigV4 service name, e.g. `organizations`.
    public var signingName: String
    /// The first label of the regional host name, e.g. `ec2` in `ec2.eu-west-1.amazonaws.com`.
    public var endpointPrefix: String
    /// Suffix of `AWS_ENDPOINT_URL_<KEY>`, e.g. `CONFIG_SERVICE`.
    public var environmentKey: String
    public var wireProtocol: AWSProtocol
    /// `Version=` for the Query protocols.
    public var apiVersion: String?
    /// Whether the service has one endpoint per partition (signed for that partition's home region).
    public var isGlobal: Bool

    public init(
        displayName: String, signingName: String, endpointPrefix: String, environmentKey: String,
        wireProtocol: AWSProtocol, apiVersion: String? = nil, isGlobal: Bool = false
    ) {
        self.displayName = displayName
        self.signingName = signingName
        self.endpointPrefix = endpointPrefix
        self.environmentKey = environmentKey
        self.wireProtocol = wireProtocol
        self.apiVersion = apiVersion
        self.isGlobal = isGlobal
    }

    public static let organizations = AWSService(
        displayName: "Organizations", signingName: "organizations", endpointPrefix: "organizations",
        environmentKey: "ORGANIZATIONS",
        wireProtocol: .json(targetPrefix: "AWSOrganizationsV20161128", version: "1.1"), isGlobal: true)

    public static let sts = AWSService(
        displayName: "STS", signingName: "sts", endpointPrefix: "sts", environmentKey: "STS",
        wireProtocol: .query, apiVersion: "2011-06-15")

    public static let ec2 = AWSService(
        displayName: "EC2", signingName: "ec2", endpointPrefix: "ec2", environmentKey: "EC2",
        wireProtocol: .ec2Query, apiVersion: "2016-11-15")

    public static let s3 = AWSService(
        displayName: "S3", signingName: "s3", endpointPrefix: "s3", environmentKey: "S3", wireProtocol: .restXML)

    public static let iam = AWSService(
        displayName: "IAM", signingName: "iam", endpointPrefix: "iam", environmentKey: "IAM",
        wireProtocol: .query, apiVersion: "2010-05-08", isGlobal: true)

    public static let configService = AWSService(
        displayName: "Config", signingName: "config", endpointPrefix: "config", environmentKey: "CONFIG_SERVICE",
        wireProtocol: .json(targetPrefix: "StarlingDoveService", version: "1.1"))

    /// SQS over the JSON protocol (`X-Amz-Target: AmazonSQS.*`, JSON 1.0), as current SDKs speak it.
    public static let sqs = AWSService(
        displayName: "SQS", signingName: "sqs", endpointPrefix: "sqs", environmentKey: "SQS",
        wireProtocol: .json(targetPrefix: "AmazonSQS", version: "1.0"))

    /// Secrets Manager over the JSON 1.1 protocol (`X-Amz-Target: secretsmanager.*`).
    public static let secretsManager = AWSService(
        displayName: "Secrets Manager", signingName: "secretsmanager", endpointPrefix: "secretsmanager",
        environmentKey: "SECRETS_MANAGER", wireProtocol: .json(targetPrefix: "secretsmanager", version: "1.1"))
}
