/// A concrete terminal colour.
public enum TerminalColor: Hashable, Sendable, CustomStringConvertible {
    /// The terminal's own foreground or background.
    case `default`
    /// One of the 16 ANSI colours (0–7 normal, 8–15 bright).
    case ansi(UInt8)
    /// An entry of the 256-colour palette.
    case indexed(UInt8)
    /// A 24-bit colour.
    case rgb(UInt8, UInt8, UInt8)

    public static let black = TerminalColor.ansi(0)
    public static let red = TerminalColor.ansi(1)
    public static let green = TerminalColor.ansi(2)
    public static let yellow = TerminalColor.ansi(3)
    public static let blue = TerminalColor.ansi(4)
    public static let magenta = TerminalColor.ansi(5)
    public static let cyan = TerminalColor.ansi(6)
    public static let white = TerminalColor.ansi(7)

    /// Names accepted in theme files, in ANSI order; `bright` + name gives 8–15.
    public static let ansiNames = ["black", "red", "green", "yellow", "blue", "magenta", "cyan", "white"]

    public var description: String {
        switch self {
        case .default: return "default"
        case .ansi(let n) where n < 8: return Self.ansiNames[Int(n)]
        case .ansi(let n) where n < 16: let name = Self.ansiNames[Int(n) - 8]
            return "bright" + name.prefix(1).uppercased() + name.dropFirst()
        case .ansi(let n): return "color\(n)"
        case .indexed(let n): return "color\(n)"
        case .rgb(let r, let g, let b): return "#" + [r, g, b].map(Self.hex).joined()
        }
    }

    private static func hex(_ value: UInt8) -> String {
        let digits = Array("0123456789abcdef")
        return String([digits[Int(value >> 4)], digits[Int(value & 0xF)]])
    }

    // MARK: - Parsing

    /// Parses a theme colour: `default`, a name (`red`, `brightRed`, `bright-red`,
    /// `bright_red`, `gray`/`grey`), `colorN` (0–255) or `#rrggbb` / `#rgb`.
    /// Returns nil for anything else.
    public init?(parsing text: String) {
        let trimmed = text.trimmingSpaces
        let key = String(trimmed.lowercased().filter { $0 != "-" && $0 != "_" && $0 != " " })
        if key == "default" || key == "none" || key == "reset" {
            self = .default
            return
        }
        if key == "gray" || key == "grey" {
            self = .ansi(8)
            return
        }
        if let index = Self.ansiNames.firstIndex(of: key) {
            self = .ansi(UInt8(index))
            return
        }
        if key.hasPrefix("bright"), let index = Self.ansiNames.firstIndex(of: String(key.dropFirst(6))) {
            self = .ansi(UInt8(index + 8))
            return
        }
        let literal = trimmed.lowercased()
        if literal.hasPrefix("color"), literal.count > 5, literal.count <= 8,
           literal.dropFirst(5).allSatisfy(\.isASCIIDigit), let number = Int(literal.dropFirst(5)),
           (0...255).contains(number) {
            self = .indexed(UInt8(number))
            return
        }
        if literal.hasPrefix("#") {
            let digits = Array(literal.dropFirst())
            guard digits.allSatisfy(\.isHexDigit) else { return nil }
            if digits.count == 6, let value = UInt32(String(digits), radix: 16) {
                self = .rgb(UInt8(value >> 16 & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value & 0xFF))
                return
            }
            if digits.count == 3, let value = UInt32(String(digits), radix: 16) {
                let r = UInt8(value >> 8 & 0xF), g = UInt8(value >> 4 & 0xF), b = UInt8(value & 0xF)
                self = .rgb(r * 17, g * 17, b * 17)
                return
            }
        }
        return nil
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}

extension StringProtocol {
    var trimmingSpaces: String {
        var scalars = Substring(self)
        while let first = scalars.first, first == " " || first == "\t" { scalars.removeFirst() }
        while let last = scalars.last, last == " " || last == "\t" { scalars.removeLast() }
        return String(scalars)
    }
}
