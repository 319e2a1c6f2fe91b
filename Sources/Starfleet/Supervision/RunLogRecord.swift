import Foundation
import Logging

/// One line of a run's log as the console shows it: parsed from the `--log-format jsonl`
/// stream when possible, kept verbatim otherwise (a crashing ship's stderr is not JSON).
public struct RunLogRecord: Sendable, Hashable {
    public let level: Logger.Level?
    public let message: String
    public let time: String?
    /// The raw line as received, for the saved log.
    public let raw: String
    /// The plan the ship reported in this record (`plan_add`, `plan_change`, `plan_destroy`).
    public let plan: PlanSummary?

    public init(level: Logger.Level?, message: String, time: String?, raw: String, plan: PlanSummary? = nil) {
        self.level = level
        self.message = message
        self.time = time
        self.raw = raw
        self.plan = plan
    }

    public static func parse(_ line: String) -> RunLogRecord {
        if line.first == "{", let fast = FlatJSONLine.parse(line), !fast.hasPlanField {
            guard let message = fast.message else { return RunLogRecord(level: nil, message: line, time: nil, raw: line) }
            return RunLogRecord(level: fast.level.flatMap(Logger.Level.init(rawValue:)), message: message, time: fast.time, raw: line)
        }
        guard line.first == "{", let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
              let message = object["message"] as? String else {
            return RunLogRecord(level: nil, message: line, time: nil, raw: line)
        }
        let level = (object["level"] as? String).flatMap(Logger.Level.init(rawValue:))
        return RunLogRecord(level: level, message: message, time: object["time"] as? String, raw: line,
                            plan: PlanSummary(record: object))
    }
}

/// A fast reader for the run log's JSON lines, which are flat objects of string values
/// (`{"time": "…", "level": "…", "message": "…", …}`): picks out time, level and message.
/// Returns nil for anything else (nested values, numbers such as a plan's counts, malformed
/// text), which then goes through `JSONSerialization`.
enum FlatJSONLine {
    struct Fields {
        var time: String?
        var level: String?
        var message: String?
        /// A plan field written as a string: the full parser reads the plan.
        var hasPlanField = false
    }

    static func parse(_ line: String) -> Fields? {
        var copy = line
        return copy.withUTF8 { bytes -> Fields? in
            var index = 0
            var fields = Fields()
            func skipSpaces() {
                while index < bytes.count, bytes[index] == 0x20 || bytes[index] == 0x09 || bytes[index] == 0x0D { index += 1 }
            }
            func string() -> String? {
                guard index < bytes.count, bytes[index] == 0x22 else { return nil }
                index += 1
                var result = ""
                var runStart = index
                while index < bytes.count {
                    let byte = bytes[index]
                    if byte == 0x22 {
                        result += String(decoding: UnsafeBufferPointer(rebasing: bytes[runStart..<index]), as: UTF8.self)
                        index += 1
                        return result
                    }
                    if byte < 0x20 { return nil }
                    if byte != 0x5C {
                        index += 1
                        continue
                    }
                    result += String(decoding: UnsafeBufferPointer(rebasing: bytes[runStart..<index]), as: UTF8.self)
                    index += 1
                    guard index < bytes.count else { return nil }
                    let escape = bytes[index]
                    index += 1
                    switch escape {
                    case 0x22: result += "\""
                    case 0x5C: result += "\\"
                    case 0x2F: result += "/"
                    case 0x62: result += "\u{08}"
                    case 0x66: result += "\u{0C}"
                    case 0x6E: result += "\n"
                    case 0x72: result += "\r"
                    case 0x74: result += "\t"
                    case 0x75:
                        guard var scalar = hex4() else { return nil }
                        if (0xD800..<0xDC00).contains(scalar) {
                            guard index + 1 < bytes.count, bytes[index] == 0x5C, bytes[index + 1] == 0x75 else { return nil }
                            index += 2
                            guard let low = hex4(), (0xDC00..<0xE000).contains(low) else { return nil }
                            scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                        }
                        guard let unicode = Unicode.Scalar(scalar) else { return nil }
                        result.unicodeScalars.append(unicode)
                    default:
                        return nil
                    }
                    runStart = index
                }
                return nil
            }
            func hex4() -> UInt32? {
                guard index + 4 <= bytes.count else { return nil }
                var value: UInt32 = 0
                for _ in 0..<4 {
                    let byte = bytes[index]
                    let digit: UInt32
                    switch byte {
                    case 0x30...0x39: digit = UInt32(byte - 0x30)
                    case 0x41...0x46: digit = UInt32(byte - 0x41 + 10)
                    case 0x61...0x66: digit = UInt32(byte - 0x61 + 10)
                    default: return nil
                    }
                    value = value << 4 | digit
                    index += 1
                }
                return value
            }
            guard bytes.first == 0x7B else { return nil }
            index = 1
            skipSpaces()
            if index < bytes.count, bytes[index] == 0x7D { index += 1 } else {
                while true {
                    skipSpaces()
                    guard let key = string() else { return nil }
                    skipSpaces()
                    guard index < bytes.count, bytes[index] == 0x3A else { return nil }
                    index += 1
                    skipSpaces()
                    guard let value = string() else { return nil }
                    switch key {
                    case "time": fields.time = value
                    case "level": fields.level = value
                    case "message": fields.message = value
                    case PlanSummary.addKey, PlanSummary.changeKey, PlanSummary.destroyKey: fields.hasPlanField = true
                    default: break
                    }
                    skipSpaces()
                    guard index < bytes.count else { return nil }
                    if bytes[index] == 0x2C {
                        index += 1
                        continue
                    }
                    guard bytes[index] == 0x7D else { return nil }
                    index += 1
                    break
                }
            }
            skipSpaces()
            return index == bytes.count ? fields : nil
        }
    }
}
