import Foundation

/// An HTTP response: status, headers and the whole body.
public struct AWSHTTPResponse: Sendable, Equatable {
    public var statusCode: Int
    public var headers: HTTPHeaders
    public var body: Data

    public init(statusCode: Int, headers: HTTPHeaders = HTTPHeaders(), body: Data = Data()) {
        self.statusCode = statusCode
        self.headers = headers
        self.body = body
    }

    public var isSuccess: Bool { (200..<300).contains(statusCode) }

    /// The request id AWS returns in a header, if any.
    public var requestIdHeader: String? {
        headers["x-amzn-RequestId"] ?? headers["x-amz-request-id"] ?? headers["x-amzn-requestid"]
    }

    /// The first `limit` characters of the body as text, for error messages.
    public func bodySnippet(limit: Int = 300) -> String {
        let text = String(decoding: body.prefix(limit * 4), as: UTF8.self)
        let collapsed = text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }.joined(separator: " ")
        return collapsed.count > limit ? String(collapsed.prefix(limit)) + "…" : collapsed
    }
}
