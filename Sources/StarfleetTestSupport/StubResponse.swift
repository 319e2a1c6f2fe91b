/// One scripted step of a ``LocalHTTPStub``.
public struct StubResponse: Sendable, Equatable, Encodable {
    public enum Action: String, Sendable, Encodable {
        /// Answer with status, headers and body.
        case respond
        /// Read the request and never answer.
        case hang
        /// Close the connection without answering.
        case close
        /// Answer with status and a body repeating the request's headers and body.
        case echo
        /// Send status, headers and the body's length at once, then one body byte every 0.2 s.
        case trickle
    }

    public var status: Int
    public var headers: [String: String]
    public var body: String
    public var action: Action

    public init(status: Int = 200, headers: [String: String] = [:], body: String = "", action: Action = .respond) {
        self.status = status
        self.headers = headers
        self.body = body
        self.action = action
    }

    /// A JSON-protocol error (`{"__type": code, "message": …}`), e.g. `ThrottlingException` with 400.
    public static func jsonError(_ code: String, message: String = "Rate exceeded", status: Int = 400) -> StubResponse {
        StubResponse(
            status: status, headers: ["Content-Type": "application/x-amz-json-1.1", "x-amzn-RequestId": "stub-request-id"],
            body: #"{"__type":"\#(code)","message":"\#(message)"}"#)
    }

    /// A Query-protocol error (`<ErrorResponse><Error>…`), e.g. `Throttling` with 400.
    public static func queryError(_ code: String, message: String = "Rate exceeded", status: Int = 400) -> StubResponse {
        StubResponse(
            status: status, headers: ["Content-Type": "text/xml"],
            body: "<ErrorResponse><Error><Type>Sender</Type><Code>\(code)</Code><Message>\(message)</Message></Error>"
                + "<RequestId>stub-request-id</RequestId></ErrorResponse>")
    }

    /// A JSON success body.
    public static func json(_ body: String) -> StubResponse {
        StubResponse(status: 200, headers: ["Content-Type": "application/x-amz-json-1.1"], body: body)
    }

    /// An XML success body.
    public static func xml(_ body: String) -> StubResponse {
        StubResponse(status: 200, headers: ["Content-Type": "text/xml"], body: body)
    }

    /// What moto answers for an operation it does not implement: HTTP 500 with an HTML page.
    public static let htmlServerError = StubResponse(
        status: 500, headers: ["Content-Type": "text/html; charset=utf-8"],
        body: "<!doctype html>\n<html lang=en>\n<title>500 Internal Server Error</title>\n<h1>Internal Server Error</h1>\n"
            + "<p>The server encountered an internal error and was unable to complete your request.</p>\n")

    /// A 200 whose body is neither JSON nor XML.
    public static let garbage = StubResponse(status: 200, headers: ["Content-Type": "application/octet-stream"], body: "\u{1}\u{2}garbage{{<<")

    public static let hang = StubResponse(action: .hang)

    /// A 200 whose 100-byte body takes 20 s to arrive, one byte at a time.
    public static let trickle = StubResponse(body: String(repeating: "x", count: 100), action: .trickle)
}
