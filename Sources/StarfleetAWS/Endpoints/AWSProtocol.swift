/// The wire protocol of a service: how requests are serialised and errors reported.
public enum AWSProtocol: Sendable, Equatable, Hashable {
    /// `Action=…&Version=…` form POST, XML answers, `<ErrorResponse><Error>` errors (STS, IAM).
    case query
    /// Like ``query`` but errors are `<Response><Errors><Error>` (EC2).
    case ec2Query
    /// JSON POST to `/` with `X-Amz-Target: <targetPrefix>.<Operation>` (Organizations, Config).
    case json(targetPrefix: String, version: String)
    /// REST with XML bodies (S3).
    case restXML
}
