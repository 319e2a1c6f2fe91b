import Foundation

/// Python-compatible renderings, used where the original's messages showed Python reprs.
public enum PythonFormat {
    /// `repr(float)`: `1.0`, `0.5`, `1e+20`, `inf`, `nan`.
    public static func float(_ value: Double) -> String {
        if value.isNaN { return "nan" }
        if value.isInfinite { return value < 0 ? "-inf" : "inf" }
        if value == value.rounded(), abs(value) < 1e16 {
            return String(format: "%.1f", value)
        }
        return "\(value)"
    }

    /// `repr(str)`: single quotes unless the text contains a single quote and no double quote.
    public static func string(_ text: String) -> String {
        let quote: Character = text.contains("'") && !text.contains("\"") ? "\"" : "'"
        var result = String(quote)
        for character in text {
            switch character {
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\t": result += "\\t"
            case "\r": result += "\\r"
            case quote: result += "\\\(quote)"
            default: result.append(character)
            }
        }
        result.append(quote)
        return result
    }
}
