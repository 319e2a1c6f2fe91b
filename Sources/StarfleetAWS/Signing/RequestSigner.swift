import Foundation

/// Signs requests for AWS. ``SigV4Signer`` is the implementation; a real SDK's signer could
/// stand in behind this protocol.
public protocol RequestSigner: Sendable {
    /// Returns `request` with the headers the signature needs (`X-Amz-Date`, `X-Amz-Security-Token`,
    /// `X-Amz-Content-SHA256` where the signer uses it) and `Authorization` added.
    func sign(_ request: AWSHTTPRequest, credentials: AWSCredentials, scope: SigningScope, date: Date) -> AWSHTTPRequest
}
