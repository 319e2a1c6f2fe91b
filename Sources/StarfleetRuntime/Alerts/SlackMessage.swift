import Foundation
import Starfleet

/// The `chat.postMessage` body of an alert, in the original's layout: a header block (priority
/// emoji, two spaces, title), a mrkdwn section with the body, and the header as fallback text.
///
/// Texts longer than Slack's block limits are cut (at a character boundary) and end with a marker,
/// so Slack never rejects an alert for its length (`invalid_blocks`).
public struct SlackMessage: Sendable, Equatable {
    /// Slack's limits, in characters (counted here in UTF-16 units, the stricter reading).
    public static let headerLimit = 150
    public static let sectionLimit = 3000
    public static let truncationMarker = "…"
    public static let sectionTruncationMarker = "\n… (truncated)"

    public let channel: String
    public let header: String
    public let section: String

    public init(alert: Alert, channel: String) {
        self.channel = channel
        self.header = Self.cut(alert.header, limit: Self.headerLimit, marker: Self.truncationMarker)
        // A section's text may not be empty.
        let body = alert.body.isEmpty ? " " : alert.body
        self.section = Self.cut(body, limit: Self.sectionLimit, marker: Self.sectionTruncationMarker)
    }

    /// The JSON body of the request.
    public var json: Data {
        let object: [String: Any] = [
            "channel": channel,
            "text": header,
            "blocks": [
                ["type": "header", "text": ["type": "plain_text", "text": header, "emoji": true]],
                ["type": "section", "text": ["type": "mrkdwn", "text": section]],
            ],
        ]
        return (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data("{}".utf8)
    }

    /// `text` itself when it fits in `limit` UTF-16 units, else its longest prefix of whole
    /// characters that fits together with `marker`, followed by the marker.
    public static func cut(_ text: String, limit: Int, marker: String) -> String {
        guard text.utf16.count > limit else { return text }
        let budget = limit - marker.utf16.count
        var used = 0
        var end = text.startIndex
        for index in text.indices {
            let width = text[index].utf16.count
            guard used + width <= budget else { break }
            used += width
            end = text.index(after: index)
        }
        return String(text[..<end]) + marker
    }
}
