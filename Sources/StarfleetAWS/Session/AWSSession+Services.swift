/// Typed clients for the services the worker ships manage.
extension AWSSession {
    /// IAM: one global endpoint per partition (signed for its home region, `us-east-1`).
    public func iam() throws -> IAMClient {
        IAMClient(client: try client(for: .iam))
    }

    /// AWS Config in `region` (default: the session's region).
    public func configService(region: String? = nil) throws -> ConfigServiceClient {
        ConfigServiceClient(client: try client(for: .configService, region: region))
    }

    /// SQS in `region` (default: the session's region). Queue URLs are passed as given.
    public func sqs(region: String? = nil) throws -> SQSClient {
        SQSClient(client: try client(for: .sqs, region: region))
    }

    /// Secrets Manager in `region` (default: the session's region).
    public func secretsManager(region: String? = nil) throws -> SecretsManagerClient {
        SecretsManagerClient(client: try client(for: .secretsManager, region: region))
    }
}
