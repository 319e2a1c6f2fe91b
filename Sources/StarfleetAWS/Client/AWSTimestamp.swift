import Foundation

/// Reads AWS timestamps: epoch seconds (JSON protocols) or ISO 8601 text (XML protocols).
public enum AWSTimestamp {
    public static func decodeIfPresent<K: CodingKey>(_ container: KeyedDecodingContainer<K>, forKey key: K) throws -> Date? {
        if let seconds = try? container.decodeIfPresent(Double.self, forKey: key) {
            return Date(timeIntervalSince1970: seconds)
        }
        guard let text = try container.decodeIfPresent(String.self, forKey: key) else { return nil }
        if let seconds = Double(text) { return Date(timeIntervalSince1970: seconds) }
        guard let date = parseISO8601(text) else {
            throw DecodingError.dataCorruptedError(forKey: key, in: container, debugDescription: "not a timestamp: \(text)")
        }
        return date
    }

    /// Parses `2015-08-30T12:36:00Z`, with or without fractional seconds.
    public static func parseISO8601(_ text: String) -> Date? {
        let withFraction = ISO8601DateFormatter()
        withFraction.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        if let date = withFraction.date(from: text) { return date }
        let plain = ISO8601DateFormatter()
        plain.formatOptions = [.withInternetDateTime]
        return plain.date(from: text)
    }
}
