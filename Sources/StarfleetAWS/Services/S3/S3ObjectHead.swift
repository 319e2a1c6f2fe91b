/// What `HeadObject` tells about one object: enough to decide whether its content is known.
public struct S3ObjectHead: Sendable, Equatable {
    public var key: String
    public var size: Int?
    public var eTag: String?
    public var contentType: String?
    /// `x-amz-server-side-encryption` (`AES256`, `aws:kms`, `aws:kms:dsse`), if any.
    public var serverSideEncryption: String?
    /// User metadata (`x-amz-meta-NAME`), keyed by lower-cased NAME.
    public var metadata: [String: String]

    public init(key: String, size: Int? = nil, eTag: String? = nil, contentType: String? = nil,
                serverSideEncryption: String? = nil, metadata: [String: String] = [:]) {
        self.key = key
        self.size = size
        self.eTag = eTag
        self.contentType = contentType
        self.serverSideEncryption = serverSideEncryption
        self.metadata = metadata
    }
}
