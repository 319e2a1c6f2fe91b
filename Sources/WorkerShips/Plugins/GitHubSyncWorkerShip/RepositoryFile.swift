import Foundation

/// A repository file to compare with the bucket.
public struct RepositoryFile: Sendable, Equatable {
    /// Relative to the repository root, `/`-separated.
    public var path: String
    public var url: URL
    public var digest: FileDigest

    public init(path: String, url: URL, digest: FileDigest) {
        self.path = path
        self.url = url
        self.digest = digest
    }
}
