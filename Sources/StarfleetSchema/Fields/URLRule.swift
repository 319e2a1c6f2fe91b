/// marshmallow's `URL(schemes={"https"}, require_tld=True)` host rules (SPEC §2.4).
enum URLRule {
    static func isValid(_ text: String, schemes: Set<String> = ["https"]) -> Bool {
        guard let separator = text.range(of: "://") else { return false }
        let scheme = text[..<separator.lowerBound].lowercased()
        guard schemes.contains(scheme) else { return false }
        let rest = text[separator.upperBound...]
        // Authority ends at the first "/" or "?"; what follows must have no whitespace.
        let authorityEnd = rest.firstIndex(where: { $0 == "/" || $0 == "?" }) ?? rest.endIndex
        var authority = rest[..<authorityEnd]
        let tail = rest[authorityEnd...]
        if tail.contains(where: { $0.isWhitespace }) { return false }
        if let at = authority.lastIndex(of: "@") {
            // user:password@ is allowed by marshmallow; the credentials must not contain spaces.
            if authority[..<at].contains(where: { $0.isWhitespace }) { return false }
            authority = authority[authority.index(after: at)...]
        }
        var host = authority
        if let colon = authority.lastIndex(of: ":"), !authority.hasPrefix("[") {
            let port = authority[authority.index(after: colon)...]
            guard !port.isEmpty, port.allSatisfy({ $0.isASCII && $0.isNumber }) else { return false }
            host = authority[..<colon]
        }
        return isValidHost(host)
    }

    static func isValidHost(_ host: Substring) -> Bool {
        if host.lowercased() == "localhost" { return true }
        if isIPv4(host) { return true }
        if host.hasPrefix("[") && host.hasSuffix("]") {
            let inner = host.dropFirst().dropLast()
            return inner.contains(":") && inner.allSatisfy { $0.isHexDigit || $0 == ":" || $0 == "." }
        }
        return isDomainWithTLD(host)
    }

    static func isIPv4(_ host: Substring) -> Bool {
        let parts = host.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 4 else { return false }
        return parts.allSatisfy { part in
            (1...3).contains(part.count) && part.allSatisfy { $0.isASCII && $0.isNumber }
        }
    }

    /// `(label.)+tld` where labels are alphanumerics with inner hyphens and the TLD has two or more characters.
    static func isDomainWithTLD(_ host: Substring) -> Bool {
        var labels = host.split(separator: ".", omittingEmptySubsequences: false)
        if labels.last?.isEmpty == true { labels.removeLast() }  // a trailing dot is allowed
        guard labels.count >= 2, let tld = labels.last else { return false }
        for label in labels.dropLast() {
            guard (1...63).contains(label.count),
                  label.allSatisfy({ ($0.isASCII && ($0.isLetter || $0.isNumber)) || $0 == "-" }),
                  label.first != "-", label.last != "-" else { return false }
        }
        guard tld.count >= 2, tld.allSatisfy({ ($0.isASCII && ($0.isLetter || $0.isNumber)) || $0 == "-" }) else { return false }
        // A letters-only TLD of 2-6 characters, or an alphanumeric/hyphen TLD (e.g. punycode).
        return true
    }
}
