/// The outcome of one link of a credentials chain.
public enum CredentialsLookup: Sendable, Equatable {
    case found(AWSCredentials)
    /// Nothing configured here; the text says what was looked for, e.g.
    /// `environment variables AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (not set)`.
    case notFound(String)
}
