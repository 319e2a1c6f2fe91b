import Crypto
import Foundation

/// A file's SHA-256 (what the sync stores as object metadata) and MD5 (what a plain S3 ETag is),
/// computed in one pass over chunks so no file is held whole in memory.
public struct FileDigest: Sendable, Equatable {
    public var size: Int
    public var sha256: String
    public var md5: String

    public init(size: Int, sha256: String, md5: String) {
        self.size = size
        self.sha256 = sha256
        self.md5 = md5
    }

    /// Fed chunk by chunk.
    struct Accumulator {
        var sha = SHA256()
        var md5 = Insecure.MD5()
        var size = 0

        mutating func update(_ chunk: Data) {
            sha.update(data: chunk)
            md5.update(data: chunk)
            size += chunk.count
        }

        func finalize() -> FileDigest {
            FileDigest(size: size, sha256: FileDigest.hex(sha.finalize()), md5: FileDigest.hex(md5.finalize()))
        }
    }

    /// The digest of the file at `url`, read in 1 MiB chunks.
    public static func of(_ url: URL) throws(GitHubSyncError) -> FileDigest {
        guard let handle = try? FileHandle(forReadingFrom: url) else {
            throw .localFile(path: url.path, detail: "cannot open the file")
        }
        defer { try? handle.close() }
        var accumulator = Accumulator()
        do {
            while let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty {
                accumulator.update(chunk)
            }
        } catch {
            throw .localFile(path: url.path, detail: "\(error)")
        }
        return accumulator.finalize()
    }

    static func hex(_ digest: some Sequence<UInt8>) -> String {
        digest.map { String(format: "%02x", $0) }.joined()
    }
}
