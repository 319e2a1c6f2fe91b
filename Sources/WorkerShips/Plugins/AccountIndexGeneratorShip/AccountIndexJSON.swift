import Foundation
import Starfleet
import StarfleetSchema

/// The index's JSON layout, as the original wrote it: keys sorted at every level, 4-space
/// indent, `": "` after keys, non-ASCII escaped.
enum AccountIndexJSON {
    static let writer = JSONWriter(indent: 4, sortKeys: true, asciiOnly: true)

    static func accounts(_ accounts: [String: AccountRecord]) -> String {
        writer.string(accountsValue(accounts))
    }

    static func document(accounts: [String: AccountRecord], generated: Date) -> String {
        writer.string(.map(["accounts": accountsValue(accounts), "generated": .string(timestamp(generated))]))
    }

    /// `YYYY-MM-DDTHH:MM:SSZ`, truncated to seconds.
    static func timestamp(_ date: Date) -> String {
        let style = Date.ISO8601FormatStyle(timeZone: .gmt)
        return date.formatted(style)
    }

    static func accountsValue(_ accounts: [String: AccountRecord]) -> PayloadValue {
        var map = PayloadMap()
        for (id, record) in accounts {
            var entry = PayloadMap()
            entry["Id"] = .string(record.id)
            entry["Arn"] = record.arn.map(PayloadValue.string) ?? .null
            entry["Email"] = record.email.map(PayloadValue.string) ?? .null
            entry["Name"] = record.name.map(PayloadValue.string) ?? .null
            entry["Status"] = record.status.map(PayloadValue.string) ?? .null
            entry["JoinedMethod"] = record.joinedMethod.map(PayloadValue.string) ?? .null
            entry["JoinedTimestamp"] = record.joinedTimestamp.map(PayloadValue.string) ?? .null
            entry["Tags"] = .map(PayloadMap(uniqueKeysWithValues: record.tags.map { ($0.key, PayloadValue.string($0.value)) }))
            entry["Parents"] = .list(record.parents.map { .map(["Id": .string($0.id), "Name": .string($0.name), "Type": .string($0.type)]) })
            entry["Regions"] = .list(record.regions.map(PayloadValue.string))
            map[id] = .map(entry)
        }
        return .map(map)
    }
}
