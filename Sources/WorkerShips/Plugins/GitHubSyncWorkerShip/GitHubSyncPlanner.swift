import Foundation
import StarfleetAWS

/// Compares repository files with the objects under `KeyPrefix`, by content: the SHA-256 this
/// ship stores as `x-amz-meta-sha256` on upload; without it, the ETag, but only when it is a plain
/// MD5 (single-part upload, no SSE-KMS) — a multipart or KMS ETag says nothing about the bytes, so
/// such an object is uploaded again (which stores the SHA-256). A size difference needs no HEAD.
public struct GitHubSyncPlanner: Sendable {
    public static let shaMetadataKey = "sha256"

    public let s3: any S3ObjectSyncAPI
    public let bucket: String
    public let keyPrefix: String
    public let deleteMissingFiles: Bool
    /// HEAD requests in flight at once.
    public var concurrency = 16

    public init(s3: any S3ObjectSyncAPI, bucket: String, keyPrefix: String, deleteMissingFiles: Bool) {
        self.s3 = s3
        self.bucket = bucket
        self.keyPrefix = keyPrefix
        self.deleteMissingFiles = deleteMissingFiles
    }

    public func plan(files: [RepositoryFile]) async throws -> GitHubSyncPlan {
        let objects = try await s3.listObjectsV2(bucket: bucket, prefix: keyPrefix.isEmpty ? nil : keyPrefix)
        var remote: [String: S3ObjectSummary] = [:]
        for object in objects { remote[object.key] = object }

        var plan = GitHubSyncPlan(keyPrefix: keyPrefix)
        var toInspect: [(RepositoryFile, String)] = []
        for file in files {
            let key = keyPrefix + file.path
            guard let object = remote.removeValue(forKey: key) else {
                plan.uploads.append(upload(file, key: key, replaces: false))
                continue
            }
            if object.size != file.digest.size {
                plan.uploads.append(upload(file, key: key, replaces: true))
            } else {
                toInspect.append((file, key))
            }
        }
        let differing = try await differingKeys(toInspect)
        for (file, key) in toInspect where differing.contains(key) {
            plan.uploads.append(upload(file, key: key, replaces: true))
        }
        plan.uploads.sort { $0.key < $1.key }
        let excess = remote.keys.sorted()
        if deleteMissingFiles { plan.deletions = excess } else { plan.kept = excess }
        return plan
    }

    /// Whether the object's recorded content is the file's.
    public static func matches(_ head: S3ObjectHead, _ digest: FileDigest) -> Bool {
        if let sha = head.metadata[shaMetadataKey] { return sha.lowercased() == digest.sha256 }
        guard let md5 = plainMD5(head) else { return false }
        return md5 == digest.md5
    }

    /// The ETag as an MD5 hex string when it is one: 32 hex digits, no `-N` part suffix, and not
    /// written with SSE-KMS (whose ETags are not digests of the content).
    public static func plainMD5(_ head: S3ObjectHead) -> String? {
        if let sse = head.serverSideEncryption?.lowercased(), sse.hasPrefix("aws:kms") { return nil }
        guard let tag = head.eTag?.trimmingCharacters(in: CharacterSet(charactersIn: "\"")).lowercased(),
              tag.count == 32, tag.allSatisfy(\.isHexDigit)
        else { return nil }
        return tag
    }

    func upload(_ file: RepositoryFile, key: String, replaces: Bool) -> GitHubSyncPlan.Upload {
        GitHubSyncPlan.Upload(path: file.path, key: key, file: file.url, digest: file.digest,
                              contentType: ContentTypes.of(file.path), replaces: replaces)
    }

    private func differingKeys(_ candidates: [(RepositoryFile, String)]) async throws -> Set<String> {
        let s3 = self.s3
        let bucket = self.bucket
        return try await withThrowingTaskGroup(of: String?.self) { group in
            var differing = Set<String>()
            var next = 0
            func start() {
                let (file, key) = candidates[next]
                next += 1
                group.addTask {
                    let head = try await s3.headObject(bucket: bucket, key: key)
                    return Self.matches(head, file.digest) ? nil : key
                }
            }
            while next < min(concurrency, candidates.count) { start() }
            while let result = try await group.next() {
                if let key = result { differing.insert(key) }
                if next < candidates.count { start() }
            }
            return differing
        }
    }
}
