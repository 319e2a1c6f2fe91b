import Foundation

/// S3 over REST-XML, signed with the real payload hash in `X-Amz-Content-SHA256`.
///
/// Addressing: virtual-hosted (`bucket.s3.<region>.amazonaws.com`) for DNS-compatible bucket
/// names on the standard endpoint; path-style (`host/bucket/key`) when the endpoint is
/// overridden (`AWS_ENDPOINT_URL_S3`, moto) or the name has dots or capitals.
public struct S3Client: S3API {
    public let client: AWSClient
    /// `max-keys` for `ListObjectsV2` pages (nil lets the service choose, 1000).
    public var pageSize: Int?

    public init(client: AWSClient, pageSize: Int? = nil) {
        self.client = client
        self.pageSize = pageSize
    }

    public func getObject(bucket: String, key: String) async throws -> Data {
        let request = try self.request(method: "GET", bucket: bucket, key: key)
        return try await client.send(operation: "GetObject", request: request).body
    }

    @discardableResult
    public func putObject(bucket: String, key: String, body: Data, contentType: String? = nil, acl: String? = nil) async throws -> String? {
        var headers = HTTPHeaders()
        if let contentType { headers.add(name: "Content-Type", value: contentType) }
        if let acl { headers.add(name: "x-amz-acl", value: acl) }
        let request = try self.request(method: "PUT", bucket: bucket, key: key, headers: headers, body: body)
        let response = try await client.send(operation: "PutObject", request: request)
        return response.headers["ETag"]
    }

    public func listObjectsV2(bucket: String, prefix: String? = nil) async throws -> [S3ObjectSummary] {
        try await Paginator.collectAll(service: "S3", operation: "ListObjectsV2") { token in
            try await listObjectsV2Page(bucket: bucket, prefix: prefix, continuationToken: token)
        }
    }

    /// Creates a bucket (with a location constraint outside us-east-1).
    public func createBucket(bucket: String) async throws {
        var body = Data()
        if client.region != "us-east-1" {
            body = Data(("<CreateBucketConfiguration xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">"
                + "<LocationConstraint>\(client.region)</LocationConstraint></CreateBucketConfiguration>").utf8)
        }
        let request = try self.request(method: "PUT", bucket: bucket, key: nil, body: body)
        _ = try await client.send(operation: "CreateBucket", request: request)
    }

    /// One page of `ListObjectsV2`.
    public func listObjectsV2Page(bucket: String, prefix: String?, continuationToken: String?) async throws -> (items: [S3ObjectSummary], nextToken: String?) {
        var query = [QueryItem("list-type", "2")]
        if let prefix, !prefix.isEmpty { query.append(QueryItem("prefix", prefix)) }
        if let continuationToken { query.append(QueryItem("continuation-token", continuationToken)) }
        if let pageSize { query.append(QueryItem("max-keys", String(pageSize))) }
        let request = try self.request(method: "GET", bucket: bucket, key: nil, query: query)
        let response = try await client.send(operation: "ListObjectsV2", request: request)
        let root: XMLNode
        do {
            root = try XMLNode.parse(response.body)
        } catch {
            throw client.malformed("ListObjectsV2", status: response.statusCode, "the answer is not XML (\(error))")
        }
        let items = root.children("Contents").compactMap { node -> S3ObjectSummary? in
            guard let key = node.string("Key") else { return nil }
            return S3ObjectSummary(
                key: key, size: Int(node.string("Size") ?? "") ?? 0, eTag: node.string("ETag"),
                lastModified: node.string("LastModified").flatMap(AWSTimestamp.parseISO8601))
        }
        let truncated = root.string("IsTruncated") == "true"
        return (items, truncated ? root.string("NextContinuationToken") : nil)
    }

    // MARK: - Addressing

    /// Whether requests for `bucket` use path-style addressing.
    public func usesPathStyle(bucket: String) -> Bool {
        client.endpoint.isOverridden || !Self.isVirtualHostable(bucket)
    }

    func request(
        method: String, bucket: String, key: String?, query: [QueryItem] = [], headers: HTTPHeaders = HTTPHeaders(),
        body: Data = Data()
    ) throws -> AWSHTTPRequest {
        guard !bucket.isEmpty, !bucket.contains("/") else {
            throw AWSError.configuration(service: "S3", operation: method, "invalid bucket name \"\(bucket)\"")
        }
        let encodedKey = key.map { AWSURIEncoding.encodePath($0) }
        if usesPathStyle(bucket: bucket) {
            let path = "/" + AWSURIEncoding.encode(bucket) + (encodedKey.map { "/" + $0 } ?? "")
            return client.makeRequest(method: method, path: path, query: query, headers: headers, body: body)
        }
        var request = client.makeRequest(method: method, path: "/" + (encodedKey ?? ""), query: query, headers: headers, body: body)
        request.host = "\(bucket).\(client.endpoint.host)"
        return request
    }

    static func isVirtualHostable(_ bucket: String) -> Bool {
        guard (3...63).contains(bucket.count), !bucket.contains(".") else { return false }
        return bucket.allSatisfy { ($0.isASCII && $0.isLowercase) || $0.isNumber || $0 == "-" }
            && bucket.first != "-" && bucket.last != "-"
    }
}
