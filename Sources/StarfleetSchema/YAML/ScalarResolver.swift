/// Resolves plain YAML scalars the way YAML 1.1 (and PyYAML's safe loader) does.
///
/// The original read its files with PyYAML, so `yes` is a boolean, `000000000001`
/// is the octal integer 1 while `012345678910` stays a string, `0x1F` is 31, `1e3`
/// stays a string (YAML 1.1 floats need a dot) and `2024-01-01` is a timestamp.
public enum ScalarResolver {
    public static func resolve(plain text: String) -> YAMLValue {
        guard let first = text.utf8.first else { return .null }
        switch first {
        case UInt8(ascii: "~"), UInt8(ascii: "n"), UInt8(ascii: "N"):
            if text == "~" || text == "null" || text == "Null" || text == "NULL" { return .null }
        default:
            break
        }
        if let flag = boolean(text) { return .bool(flag) }
        if let number = integer(text) { return number }
        if let number = float(text) { return .double(number) }
        if isTimestamp(text) { return .timestamp(text) }
        return .string(text)
    }

    static func boolean(_ text: String) -> Bool? {
        switch text {
        case "yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON": return true
        case "no", "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF": return false
        default: return nil
        }
    }

    private static func isDigit(_ c: UInt8) -> Bool { c >= 48 && c <= 57 }

    /// `[-+]?0b[01_]+ | [-+]?0[0-7_]+ | [-+]?(0|[1-9][0-9_]*) | [-+]?0x[0-9a-fA-F_]+ | [-+]?[1-9][0-9_]*(:[0-5]?[0-9])+`
    static func integer(_ text: String) -> YAMLValue? {
        var bytes = Array(text.utf8)
        var negative = false
        if let sign = bytes.first, sign == UInt8(ascii: "-") || sign == UInt8(ascii: "+") {
            negative = sign == UInt8(ascii: "-")
            bytes.removeFirst()
        }
        guard let lead = bytes.first else { return nil }
        let underscore = UInt8(ascii: "_")
        func digits(_ body: ArraySlice<UInt8>, radix: Int, allowed: (UInt8) -> Bool) -> YAMLValue? {
            guard !body.isEmpty, body.allSatisfy({ allowed($0) || $0 == underscore }) else { return nil }
            let cleaned = String(decoding: body.filter { $0 != underscore }, as: UTF8.self)
            if cleaned.isEmpty { return .int(0) }
            if let value = Int(cleaned, radix: radix) {
                return .int(negative ? -value : value)
            }
            return .bigInt((negative ? "-" : "") + cleaned)
        }
        if lead == UInt8(ascii: "0") {
            if bytes.count == 1 { return .int(0) }
            let marker = bytes[1]
            if marker == UInt8(ascii: "b") {
                return digits(bytes[2...], radix: 2) { $0 == 48 || $0 == 49 }
            }
            if marker == UInt8(ascii: "x") {
                return digits(bytes[2...], radix: 16) { isDigit($0) || (97...102).contains($0) || (65...70).contains($0) }
            }
            return digits(bytes[1...], radix: 8) { (48...55).contains($0) }
        }
        guard isDigit(lead) else { return nil }
        if bytes.contains(UInt8(ascii: ":")) {
            return sexagesimal(bytes, negative: negative)
        }
        return digits(bytes[...], radix: 10) { isDigit($0) }
    }

    /// Base-60 integers such as `190:20:30` (YAML 1.1).
    private static func sexagesimal(_ bytes: [UInt8], negative: Bool) -> YAMLValue? {
        let parts = bytes.split(separator: UInt8(ascii: ":"), omittingEmptySubsequences: false)
        guard let head = parts.first, !head.isEmpty,
              head.allSatisfy({ isDigit($0) || $0 == UInt8(ascii: "_") }) else { return nil }
        var total = 0
        guard let headValue = Int(String(decoding: head.filter { $0 != UInt8(ascii: "_") }, as: UTF8.self)) else { return nil }
        total = headValue
        for part in parts.dropFirst() {
            guard (1...2).contains(part.count), part.allSatisfy(isDigit),
                  let value = Int(String(decoding: part, as: UTF8.self)), value < 60 else { return nil }
            if part.count == 2, let tens = part.first, tens > UInt8(ascii: "5") { return nil }
            let (scaled, overflow) = total.multipliedReportingOverflow(by: 60)
            guard !overflow else { return nil }
            total = scaled + value
        }
        return .int(negative ? -total : total)
    }

    /// YAML 1.1 floats: a dot is required (`1.5`, `.5`, `1.`, `1.0e+3`), or `.inf`/`.nan`.
    static func float(_ text: String) -> Double? {
        var body = Substring(text)
        var sign = 1.0
        if let first = body.first, first == "-" || first == "+" {
            sign = first == "-" ? -1 : 1
            body = body.dropFirst()
        }
        switch body {
        case ".inf", ".Inf", ".INF": return sign * .infinity
        case ".nan", ".NaN", ".NAN": return text.hasPrefix("-") || text.hasPrefix("+") ? nil : .nan
        default: break
        }
        guard let dot = body.firstIndex(of: ".") else { return nil }
        let integerPart = body[..<dot]
        var rest = body[body.index(after: dot)...]
        var exponent = Substring("")
        if let e = rest.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            exponent = rest[rest.index(after: e)...]
            rest = rest[..<e]
            guard let expSign = exponent.first, expSign == "-" || expSign == "+",
                  exponent.count > 1, exponent.dropFirst().allSatisfy(\.isASCIIDigitCharacter) else { return nil }
        }
        if integerPart.isEmpty {
            // `.5`: digits required right after the dot, and no sign (YAML 1.1).
            guard sign > 0, !text.hasPrefix("+"), let firstFraction = rest.first, firstFraction.isASCIIDigitCharacter else { return nil }
        } else {
            guard let lead = integerPart.first, lead.isASCIIDigitCharacter,
                  integerPart.allSatisfy({ $0.isASCIIDigitCharacter || $0 == "_" }) else { return nil }
        }
        guard rest.allSatisfy({ $0.isASCIIDigitCharacter || $0 == "_" }) else { return nil }
        let cleaned = (integerPart.isEmpty ? "0" : String(integerPart)) + "." + rest + (exponent.isEmpty ? "" : "e" + exponent)
        guard let value = Double(cleaned.replacingOccurrences(of: "_", with: "")) else { return nil }
        return sign * value
    }

    /// `YYYY-MM-DD` or `YYYY-M-D[Tt ]h:mm:ss[.frac][ tz]`.
    static func isTimestamp(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard bytes.count >= 8, bytes.count < 64 else { return false }
        var index = 0
        func digits(_ min: Int, _ max: Int) -> Bool {
            var count = 0
            while index < bytes.count, isDigit(bytes[index]), count < max { index += 1; count += 1 }
            return count >= min
        }
        func expect(_ c: Character) -> Bool {
            guard index < bytes.count, bytes[index] == c.asciiValue else { return false }
            index += 1
            return true
        }
        guard digits(4, 4), expect("-") else { return false }
        let monthStart = index
        guard digits(1, 2), expect("-") else { return false }
        let dayStart = index
        guard digits(1, 2) else { return false }
        if index == bytes.count {
            // The short form needs two-digit month and day.
            return dayStart - monthStart == 3 && index - dayStart == 2
        }
        let separator = bytes[index]
        if separator == UInt8(ascii: "T") || separator == UInt8(ascii: "t") {
            index += 1
        } else {
            guard separator == 32 || separator == 9 else { return false }
            while index < bytes.count, bytes[index] == 32 || bytes[index] == 9 { index += 1 }
        }
        guard digits(1, 2), expect(":"), digits(2, 2), expect(":"), digits(2, 2) else { return false }
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            _ = digits(0, 64)
        }
        while index < bytes.count, bytes[index] == 32 || bytes[index] == 9 { index += 1 }
        if index == bytes.count { return true }
        if bytes[index] == UInt8(ascii: "Z") { return index + 1 == bytes.count }
        guard bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+") else { return false }
        index += 1
        guard digits(1, 2) else { return false }
        if index < bytes.count {
            guard expect(":"), digits(2, 2) else { return false }
        }
        return index == bytes.count
    }
}

extension Character {
    var isASCIIDigitCharacter: Bool { isASCII && isNumber }
}
