import Foundation
import StarfleetSchema

/// JSON text ↔ ``PayloadValue`` for documents AWS stores as text (policy documents).
public enum JSONText {
    public struct ParseError: Error, Sendable, CustomStringConvertible {
        public let description: String
    }

    public static func parse(_ text: String) throws(ParseError) -> PayloadValue {
        do {
            return try JSONDecoder().decode(DecodedValue.self, from: Data(text.utf8)).value
        } catch {
            let excerpt = text.count > 120 ? String(text.prefix(120)) + "…" : text
            throw ParseError(description: "not valid JSON (\(error)): \(excerpt)")
        }
    }

    /// Keys sorted, indent 2 (the form diffs are computed on).
    public static func pretty(_ value: PayloadValue) -> String {
        JSONWriter(indent: 2, sortKeys: true).string(value)
    }

    /// One line, keys sorted (the form sent to AWS and shown in plans).
    public static func compact(_ value: PayloadValue) -> String {
        JSONWriter(indent: 0, sortKeys: true).string(value)
    }

    private struct DecodedValue: Decodable {
        let value: PayloadValue

        init(from decoder: any Decoder) throws {
            if var array = try? decoder.unkeyedContainer() {
                var items: [PayloadValue] = []
                while !array.isAtEnd { items.append(try array.decode(DecodedValue.self).value) }
                value = .list(items)
                return
            }
            if let object = try? decoder.container(keyedBy: AnyKey.self) {
                var map = PayloadMap()
                // JSONDecoder does not keep document order; keys are sorted wherever order matters.
                for key in object.allKeys.sorted(by: { $0.stringValue < $1.stringValue }) {
                    map[key.stringValue] = try object.decode(DecodedValue.self, forKey: key).value
                }
                value = .map(map)
                return
            }
            let single = try decoder.singleValueContainer()
            if single.decodeNil() {
                value = .null
            } else if let flag = try? single.decode(Bool.self) {
                value = .bool(flag)
            } else if let number = try? single.decode(Int.self) {
                value = .int(number)
            } else if let number = try? single.decode(Double.self) {
                value = .double(number)
            } else {
                value = .string(try single.decode(String.self))
            }
        }
    }

    private struct AnyKey: CodingKey {
        let stringValue: String
        let intValue: Int? = nil
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { return nil }
    }
}
