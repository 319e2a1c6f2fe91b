import Foundation

/// Reads an AWS error out of a non-2xx response, whatever the protocol: JSON
/// (`__type`/`message`), Query (`<ErrorResponse><Error>`), EC2 (`<Response><Errors><Error>`)
/// and REST-XML (`<Error>`).
enum AWSErrorParser {
    struct Parsed: Equatable {
        var code: String
        var message: String
        var requestId: String?
    }

    /// The parsed error, or nil when the body is neither empty nor a recognisable AWS error.
    static func parse(_ response: AWSHTTPResponse) -> Parsed? {
        let headerCode = response.headers["x-amzn-ErrorType"].map(cleanCode)
        let trimmed = response.body.drop { byte in byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 }
        guard let first = trimmed.first else {
            return Parsed(
                code: headerCode ?? codeForEmptyBody(status: response.statusCode), message: "",
                requestId: response.requestIdHeader)
        }
        if first == UInt8(ascii: "{") {
            return parseJSON(Data(trimmed), headerCode: headerCode, requestId: response.requestIdHeader)
        }
        if first == UInt8(ascii: "<") {
            return parseXML(Data(trimmed), requestId: response.requestIdHeader)
        }
        return nil
    }

    private static func parseJSON(_ data: Data, headerCode: String?, requestId: String?) -> Parsed? {
        guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else { return nil }
        let rawCode = (object["__type"] as? String) ?? (object["code"] as? String) ?? (object["Code"] as? String) ?? headerCode
        guard let rawCode else { return nil }
        let message = (object["message"] as? String) ?? (object["Message"] as? String) ?? ""
        return Parsed(code: cleanCode(rawCode), message: message, requestId: requestId)
    }

    private static func parseXML(_ data: Data, requestId headerRequestId: String?) -> Parsed? {
        guard let root = try? XMLNode.parse(data) else { return nil }
        // `<Error>` (S3), `<ErrorResponse><Error>` (Query), `<Response><Errors><Error>` (EC2);
        // moto also answers `<ErrorResponse><Errors><Error>`.
        let error: XMLNode?
        switch root.name {
        case "Error": error = root
        case "ErrorResponse", "Response": error = root.child("Error") ?? root.path("Errors", "Error")
        default: error = nil
        }
        guard let error, let code = error.string("Code"), !code.isEmpty else { return nil }
        let requestId = error.string("RequestId") ?? root.string("RequestId") ?? root.string("RequestID") ?? headerRequestId
        return Parsed(code: code, message: error.string("Message") ?? "", requestId: requestId)
    }

    /// `com.amazon.coral#AccessDeniedException` / `Code:http://…` → `AccessDeniedException`.
    static func cleanCode(_ raw: String) -> String {
        var code = raw
        if let hash = code.lastIndex(of: "#") { code = String(code[code.index(after: hash)...]) }
        if let colon = code.firstIndex(of: ":") { code = String(code[..<colon]) }
        return code
    }

    static func codeForEmptyBody(status: Int) -> String {
        switch status {
        case 301: return "PermanentRedirect"
        case 304: return "NotModified"
        case 400: return "BadRequest"
        case 403: return "Forbidden"
        case 404: return "NotFound"
        case 429: return "TooManyRequests"
        case 500: return "InternalError"
        case 503: return "ServiceUnavailable"
        default: return "HTTP\(status)"
        }
    }

    /// A short, readable excerpt of an unexpected body (HTML tags removed).
    static func excerpt(of response: AWSHTTPResponse) -> String {
        var text = response.bodySnippet(limit: 2000)
        let contentType = response.headers["Content-Type"]?.lowercased() ?? ""
        if contentType.contains("html") || text.lowercased().hasPrefix("<!doctype html") || text.lowercased().hasPrefix("<html") {
            text = text.replacingOccurrences(of: "<[^>]*>", with: " ", options: .regularExpression)
            text = text.split(separator: " ").joined(separator: " ")
        }
        return text.count > 240 ? String(text.prefix(240)) + "…" : text
    }
}
