import Foundation

/// The S3 calls a ship needs to keep a prefix equal to a set of files: read an object's
/// metadata, upload with metadata, delete.
public protocol S3ObjectSyncAPI: S3API {
    func headObject(bucket: String, key: String) async throws -> S3ObjectHead
    /// Stores `body` with `x-amz-meta-NAME` headers for `metadata`; returns the ETag, if any.
    @discardableResult
    func putObject(bucket: String, key: String, body: Data, contentType: String?, metadata: [String: String]) async throws -> String?
    func deleteObject(bucket: String, key: String) async throws
}

extension S3Client: S3ObjectSyncAPI {
    public func headObject(bucket: String, key: String) async throws -> S3ObjectHead {
        let request = try self.request(method: "HEAD", bucket: bucket, key: key)
        let response = try await client.send(operation: "HeadObject", request: request)
        var metadata: [String: String] = [:]
        let prefix = "x-amz-meta-"
        for field in response.headers where field.name.lowercased().hasPrefix(prefix) {
            metadata[String(field.name.lowercased().dropFirst(prefix.count))] = field.value
        }
        return S3ObjectHead(key: key, size: response.headers["Content-Length"].flatMap { Int($0) },
                            eTag: response.headers["ETag"], contentType: response.headers["Content-Type"],
                            serverSideEncryption: response.headers["x-amz-server-side-encryption"], metadata: metadata)
    }

    @discardableResult
    public func putObject(bucket: String, key: String, body: Data, contentType: String?,
                          metadata: [String: String]) async throws -> String? {
        var headers = HTTPHeaders()
        if let contentType { headers.add(name: "Content-Type", value: contentType) }
        for (name, value) in metadata.sorted(by: { $0.key < $1.key }) {
            headers.add(name: "x-amz-meta-\(name.lowercased())", value: value)
        }
        let request = try self.request(method: "PUT", bucket: bucket, key: key, headers: headers, body: body)
        return try await client.send(operation: "PutObject", request: request).headers["ETag"]
    }

    public func deleteObject(bucket: String, key: String) async throws {
        let request = try self.request(method: "DELETE", bucket: bucket, key: key)
        _ = try await client.send(operation: "DeleteObject", request: request)
    }
}
