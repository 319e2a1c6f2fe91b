import Foundation

/// What a sync uploads and deletes, keyed as in the bucket.
public struct GitHubSyncPlan: Sendable, Equatable {
    public struct Upload: Sendable, Equatable {
        /// Relative to the repository root (what the alert lists).
        public var path: String
        public var key: String
        public var file: URL
        public var digest: FileDigest
        public var contentType: String
        /// False: the key is new. True: the object exists with other content.
        public var replaces: Bool
    }

    public var uploads: [Upload] = []
    /// Keys under the prefix with no file in the repository, deleted only with `DeleteMissingFiles`.
    public var deletions: [String] = []
    /// Excess keys kept because `DeleteMissingFiles` is false.
    public var kept: [String] = []
    public var keyPrefix = ""

    public var additions: [Upload] { uploads.filter { !$0.replaces } }
    public var changes: [Upload] { uploads.filter(\.replaces) }
    public var isEmpty: Bool { uploads.isEmpty && deletions.isEmpty }

    /// In the shared plan format: `+ upload KEY`, `~ upload KEY`, `- delete KEY`.
    public var changePlan: ChangePlan {
        var plan = ChangePlan()
        for upload in uploads {
            plan.append(.init(upload.replaces ? .update : .create, upload.key, verb: "upload",
                              details: ["content type: \(upload.contentType), \(upload.digest.size) bytes"]))
        }
        for key in deletions { plan.append(.init(.delete, key)) }
        return plan
    }
}
