import Foundation

/// The S3 calls Starfleet makes.
public protocol S3API: Sendable {
    /// The object's bytes. Missing objects and buckets throw ``AWSError`` with code `NoSuchKey` / `NoSuchBucket`.
    func getObject(bucket: String, key: String) async throws -> Data
    /// Stores `body`; `acl` goes in `x-amz-acl` (e.g. `bucket-owner-full-control`). Returns the ETag, if any.
    @discardableResult
    func putObject(bucket: String, key: String, body: Data, contentType: String?, acl: String?) async throws -> String?
    /// Every object under `prefix`, following `ContinuationToken`.
    func listObjectsV2(bucket: String, prefix: String?) async throws -> [S3ObjectSummary]
}
