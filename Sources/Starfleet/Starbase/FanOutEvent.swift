import Foundation

/// A message on the fan-out queue: a timed tasking, or an S3 event notification.
public enum FanOutEvent: Sendable, Equatable {
    case timed(ship: String, templateKey: String)
    case s3([S3TemplateRecord])
    /// Anything else (the S3 `s3:TestEvent` lands here): acknowledged and dropped.
    case unsupported(String)

    /// One `Records[]` entry of an S3 notification; `key` is URL-decoded (`+` is a space).
    public struct S3TemplateRecord: Sendable, Equatable {
        public let eventName: String
        public let bucket: String
        public let key: String

        public init(eventName: String, bucket: String, key: String) {
            self.eventName = eventName
            self.bucket = bucket
            self.key = key
        }

        public var isObjectCreated: Bool { eventName.hasPrefix("ObjectCreated") }
    }

    /// Parses a message body. Not JSON, or JSON of another shape, is ``unsupported(_:)``;
    /// nested records without an `s3` member are left out.
    public static func parse(_ body: String) -> FanOutEvent {
        guard let object = (try? JSONSerialization.jsonObject(with: Data(body.utf8))) as? [String: Any] else {
            return .unsupported(excerpt(body))
        }
        if let ship = object["worker_ship"] as? String, !ship.isEmpty {
            return .timed(ship: ship, templateKey: object["template_prefix"] as? String ?? "")
        }
        if let records = object["Records"] as? [Any], !records.isEmpty {
            let parsed = records.compactMap { record -> S3TemplateRecord? in
                guard let record = record as? [String: Any], let s3 = record["s3"] as? [String: Any] else { return nil }
                let bucket = (s3["bucket"] as? [String: Any])?["name"] as? String ?? ""
                let key = (s3["object"] as? [String: Any])?["key"] as? String ?? ""
                return S3TemplateRecord(eventName: record["eventName"] as? String ?? "", bucket: bucket, key: decodeKey(key))
            }
            return .s3(parsed)
        }
        return .unsupported(excerpt(body))
    }

    /// S3 notification keys are form-encoded: `+` is a space, `%XX` a byte.
    public static func decodeKey(_ key: String) -> String {
        let spaced = key.replacingOccurrences(of: "+", with: " ")
        return spaced.removingPercentEncoding ?? spaced
    }

    static func excerpt(_ body: String) -> String {
        body.count > 200 ? String(body.prefix(200)) + "…" : body
    }
}
