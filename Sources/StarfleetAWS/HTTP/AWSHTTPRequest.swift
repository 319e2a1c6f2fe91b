import Foundation

/// An HTTP request as the signer and the transport see it.
///
/// `path` is the path exactly as it goes on the wire (already percent-encoded where needed:
/// ``AWSURIEncoding/encodePath(_:)`` does that for S3 keys). `query` holds unencoded items;
/// they are encoded with the strict SigV4 rules both for the URL and for the signature, so the
/// two always agree.
public struct AWSHTTPRequest: Sendable, Equatable {
    public var method: String
    public var scheme: String
    public var host: String
    public var port: Int?
    public var path: String
    public var query: [QueryItem]
    public var headers: HTTPHeaders
    public var body: Data

    public init(
        method: String, scheme: String = "https", host: String, port: Int? = nil, path: String = "/",
        query: [QueryItem] = [], headers: HTTPHeaders = HTTPHeaders(), body: Data = Data()
    ) {
        self.method = method
        self.scheme = scheme
        self.host = host
        self.port = port
        self.path = path.isEmpty ? "/" : path
        self.query = query
        self.headers = headers
        self.body = body
    }

    /// The value of the `Host` header: the host, plus the port when it is not the scheme's default.
    public var hostHeader: String {
        guard let port else { return host }
        let defaultPort = scheme.lowercased() == "http" ? 80 : 443
        return port == defaultPort ? host : "\(host):\(port)"
    }

    /// `scheme://host[:port]`, for messages.
    public var endpointDescription: String { "\(scheme)://\(hostHeader)" }

    /// The encoded query string (`a=b&c=d`), in the order of `query`.
    public var encodedQuery: String {
        query.map { "\(AWSURIEncoding.encode($0.name))=\(AWSURIEncoding.encode($0.value))" }
            .joined(separator: "&")
    }

    /// The full URL, or nil when the parts do not form one.
    public var url: URL? {
        var text = "\(scheme)://\(hostHeader)\(path)"
        if !query.isEmpty { text += "?" + encodedQuery }
        return URL(string: text)
    }
}
