import Crypto
import Foundation

/// AWS Signature Version 4 for the `Authorization` header.
///
/// Two flavours differ only in how the path is canonicalised and whether the payload hash is
/// sent as a header: ``standard`` (normalise the path, then URI-encode it once more) for every
/// service but S3, and ``s3`` (path used as sent, `X-Amz-Content-SHA256` carrying the real
/// payload hash).
public struct SigV4Signer: RequestSigner {
    public struct Options: Sendable, Equatable {
        /// Remove `.`/`..` segments and repeated slashes before encoding (not for S3).
        public var normalizePath: Bool
        /// URI-encode the (already encoded) wire path once more (not for S3).
        public var encodePathAgain: Bool
        /// Send the payload hash in `X-Amz-Content-SHA256` and sign it (S3).
        public var sendsContentSHA256Header: Bool

        public init(normalizePath: Bool, encodePathAgain: Bool, sendsContentSHA256Header: Bool) {
            self.normalizePath = normalizePath
            self.encodePathAgain = encodePathAgain
            self.sendsContentSHA256Header = sendsContentSHA256Header
        }
    }

    /// Header names never signed: they are hop-by-hop or set by the HTTP stack.
    public static let unsignedHeaders: Set<String> = [
        "authorization", "user-agent", "content-length", "expect", "connection", "transfer-encoding",
        "x-amzn-trace-id", "accept-encoding",
    ]

    public static let standard = SigV4Signer(
        options: Options(normalizePath: true, encodePathAgain: true, sendsContentSHA256Header: false))
    public static let s3 = SigV4Signer(
        options: Options(normalizePath: false, encodePathAgain: false, sendsContentSHA256Header: true))

    public let options: Options

    public init(options: Options) {
        self.options = options
    }

    public func sign(_ request: AWSHTTPRequest, credentials: AWSCredentials, scope: SigningScope, date: Date) -> AWSHTTPRequest {
        var signed = request
        let timestamp = SigV4Timestamp(date)
        signed.headers.remove(name: "Authorization")
        signed.headers.replaceOrAdd(name: "X-Amz-Date", value: timestamp.amzDate)
        if let token = credentials.sessionToken {
            signed.headers.replaceOrAdd(name: "X-Amz-Security-Token", value: token)
        } else {
            signed.headers.remove(name: "X-Amz-Security-Token")
        }
        if options.sendsContentSHA256Header, !signed.headers.contains("X-Amz-Content-SHA256") {
            signed.headers.add(name: "X-Amz-Content-SHA256", value: Hashing.sha256Hex(signed.body))
        }
        let signature = self.signature(for: signed, credentials: credentials, scope: scope, timestamp: timestamp)
        signed.headers.add(name: "Authorization", value: signature.authorizationHeader)
        return signed
    }

    /// Computes the signature of `request` as it stands (no header is added).
    public func signature(for request: AWSHTTPRequest, credentials: AWSCredentials, scope: SigningScope, date: Date) -> SigV4Signature {
        signature(for: request, credentials: credentials, scope: scope, timestamp: SigV4Timestamp(date))
    }

    // MARK: - Steps

    func signature(for request: AWSHTTPRequest, credentials: AWSCredentials, scope: SigningScope, timestamp: SigV4Timestamp) -> SigV4Signature {
        let (canonicalHeaders, signedHeaders) = canonicalHeaders(of: request)
        let payloadHash = request.headers["X-Amz-Content-SHA256"] ?? Hashing.sha256Hex(request.body)
        let canonicalRequest = [
            request.method.uppercased(),
            canonicalPath(request.path),
            canonicalQuery(request.query),
            canonicalHeaders,
            signedHeaders,
            payloadHash,
        ].joined(separator: "\n")

        let credentialScope = "\(timestamp.dateStamp)/\(scope.region)/\(scope.service)/aws4_request"
        let stringToSign = [
            "AWS4-HMAC-SHA256",
            timestamp.amzDate,
            credentialScope,
            Hashing.sha256Hex(canonicalRequest),
        ].joined(separator: "\n")

        let dateKey = Hashing.hmac(key: SymmetricKey(data: Data("AWS4\(credentials.secretAccessKey)".utf8)), timestamp.dateStamp)
        let regionKey = Hashing.hmac(key: dateKey, scope.region)
        let serviceKey = Hashing.hmac(key: regionKey, scope.service)
        let signingKey = Hashing.hmac(key: serviceKey, "aws4_request")
        let signature = Hashing.hmacHex(key: signingKey, stringToSign)

        let authorization = "AWS4-HMAC-SHA256 Credential=\(credentials.accessKeyId)/\(credentialScope), "
            + "SignedHeaders=\(signedHeaders), Signature=\(signature)"
        return SigV4Signature(
            canonicalRequest: canonicalRequest, stringToSign: stringToSign, signedHeaders: signedHeaders,
            signature: signature, authorizationHeader: authorization)
    }

    func canonicalPath(_ path: String) -> String {
        var result = path.isEmpty ? "/" : path
        if options.normalizePath {
            result = Self.normalize(result)
        }
        if options.encodePathAgain {
            result = AWSURIEncoding.encodePath(result)
        }
        return result
    }

    func canonicalQuery(_ items: [QueryItem]) -> String {
        items.map { (AWSURIEncoding.encode($0.name), AWSURIEncoding.encode($0.value)) }
            .sorted { lhs, rhs in
                lhs.0 == rhs.0 ? Array(lhs.1.utf8).lexicographicallyPrecedes(Array(rhs.1.utf8))
                    : Array(lhs.0.utf8).lexicographicallyPrecedes(Array(rhs.0.utf8))
            }
            .map { "\($0.0)=\($0.1)" }
            .joined(separator: "&")
    }

    func canonicalHeaders(of request: AWSHTTPRequest) -> (canonical: String, signed: String) {
        var values: [String: [String]] = [:]
        for field in request.headers {
            let name = field.name.lowercased()
            guard !Self.unsignedHeaders.contains(name) else { continue }
            values[name, default: []].append(Self.trimmedHeaderValue(field.value))
        }
        if values["host"] == nil {
            values["host"] = [request.hostHeader]
        }
        let names = values.keys.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
        let canonical = names.map { "\($0):\(values[$0, default: []].joined(separator: ","))\n" }.joined()
        return (canonical, names.joined(separator: ";"))
    }

    /// Trims a header value and collapses runs of spaces into one, as SigV4 requires.
    static func trimmedHeaderValue(_ value: String) -> String {
        value.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }).joined(separator: " ")
    }

    /// Removes `.` and `..` segments and repeated slashes; keeps a trailing slash.
    static func normalize(_ path: String) -> String {
        var segments: [Substring] = []
        for segment in path.split(separator: "/", omittingEmptySubsequences: true) {
            switch segment {
            case ".":
                continue
            case "..":
                if !segments.isEmpty { segments.removeLast() }
            default:
                segments.append(segment)
            }
        }
        var result = "/" + segments.joined(separator: "/")
        if path.hasSuffix("/") && !result.hasSuffix("/") {
            result += "/"
        }
        return result
    }
}
