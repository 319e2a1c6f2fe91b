import Foundation

/// Removes secrets from text before it reaches a log line or an error message.
///
/// It blanks the values of known secrets (secret key, session token) and any SigV4 signature or
/// credential-bearing header that a server might echo back.
public struct Redactor: Sendable {
    public static let placeholder = "<redacted>"

    private let secrets: [String]

    public init(secrets: [String] = []) {
        self.secrets = secrets.filter { $0.count >= 4 }
    }

    public init(credentials: AWSCredentials?) {
        self.init(secrets: [credentials?.secretAccessKey, credentials?.sessionToken].compactMap { $0 })
    }

    public func redact(_ text: String) -> String {
        var result = text
        for secret in secrets {
            result = result.replacingOccurrences(of: secret, with: Self.placeholder)
        }
        result = Self.redactPattern(#"Signature=[0-9a-fA-F]{16,}"#, in: result, keepingPrefix: "Signature=")
        result = Self.redactPattern(#"(?i)x-amz-security-token[:=]\s*[^\s,;&<"]+"#, in: result, keepingPrefix: "x-amz-security-token: ")
        result = Self.redactPattern(#"(?i)X-Amz-Signature=[0-9a-fA-F]+"#, in: result, keepingPrefix: "X-Amz-Signature=")
        return result
    }

    private static func redactPattern(_ pattern: String, in text: String, keepingPrefix prefix: String) -> String {
        guard let regex = try? NSRegularExpression(pattern: pattern) else { return text }
        let range = NSRange(text.startIndex..., in: text)
        return regex.stringByReplacingMatches(
            in: text, range: range, withTemplate: NSRegularExpression.escapedTemplate(for: prefix + placeholder))
    }
}
