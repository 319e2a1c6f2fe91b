/// Every intermediate of one SigV4 signature, for tests and debugging. Holds no secret:
/// the signature is derived and bound to one request and one day.
public struct SigV4Signature: Sendable, Equatable {
    public var canonicalRequest: String
    public var stringToSign: String
    public var signedHeaders: String
    public var signature: String
    public var authorizationHeader: String
}
