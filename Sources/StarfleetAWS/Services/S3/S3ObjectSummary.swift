import Foundation

/// One entry of `ListObjectsV2`.
public struct S3ObjectSummary: Sendable, Equatable {
    public var key: String
    public var size: Int
    public var eTag: String?
    public var lastModified: Date?

    public init(key: String, size: Int, eTag: String? = nil, lastModified: Date? = nil) {
        self.key = key
        self.size = size
        self.eTag = eTag
        self.lastModified = lastModified
    }
}
