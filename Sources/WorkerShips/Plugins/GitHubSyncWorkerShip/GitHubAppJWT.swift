import _CryptoExtras
import Foundation

/// The GitHub App's own credential: a JWT signed RS256 with the app's private key
/// (swift-crypto's `_CryptoExtras` RSA, PKCS#1 v1.5 padding as RS256 requires).
/// Issued 60 s in the past (clock drift), valid 10 minutes from then, issuer = the app id.
public struct GitHubAppJWT {
    public static let backdate: TimeInterval = 60
    public static let lifetime: TimeInterval = 600

    let key: _RSA.Signing.PrivateKey

    /// `pem`: PKCS#1 (`BEGIN RSA PRIVATE KEY`, what GitHub hands out) or PKCS#8.
    public init(pem: String, organization: String) throws(GitHubSyncError) {
        do {
            key = try _RSA.Signing.PrivateKey(pemRepresentation: pem.trimmingCharacters(in: .whitespacesAndNewlines))
        } catch {
            // The library's error never contains the key material.
            throw .invalidPrivateKey(organization: organization, detail: "\(error)")
        }
    }

    /// The signed token for `appId` at `now`.
    public func token(appId: String, now: Date = Date()) throws -> String {
        let issuedAt = Int(now.timeIntervalSince1970 - Self.backdate)
        let header = #"{"alg":"RS256","typ":"JWT"}"#
        let claims = #"{"iat":\#(issuedAt),"exp":\#(issuedAt + Int(Self.lifetime)),"iss":\#(Self.jsonString(appId))}"#
        let signingInput = Self.base64URL(Data(header.utf8)) + "." + Self.base64URL(Data(claims.utf8))
        let signature = try key.signature(for: Data(signingInput.utf8), padding: .insecurePKCS1v1_5)
        return signingInput + "." + Self.base64URL(signature.rawRepresentation)
    }

    static func base64URL(_ data: Data) -> String {
        data.base64EncodedString()
            .replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    static func jsonString(_ text: String) -> String {
        let data = (try? JSONSerialization.data(withJSONObject: [text], options: [])) ?? Data("[\"\"]".utf8)
        // `["…"]` → `"…"`: JSONSerialization only takes containers at the top level.
        return String(decoding: data.dropFirst().dropLast(), as: UTF8.self)
    }
}
