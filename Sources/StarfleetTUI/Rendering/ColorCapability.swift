/// How many colours the terminal can show, from none to 24-bit.
public enum ColorCapability: Int, Comparable, Sendable, CaseIterable, CustomStringConvertible {
    case monochrome = 0
    case ansi8 = 8
    case ansi16 = 16
    case indexed256 = 256
    case truecolor = 16_777_216

    public static func < (lhs: ColorCapability, rhs: ColorCapability) -> Bool { lhs.rawValue < rhs.rawValue }

    public var description: String {
        switch self {
        case .monochrome: return "monochrome"
        case .ansi8: return "8 colours"
        case .ansi16: return "16 colours"
        case .indexed256: return "256 colours"
        case .truecolor: return "truecolor"
        }
    }

    /// Capability from curses' `COLORS` (0 when `has_colors()` is false) and the
    /// environment: `COLORTERM=truecolor|24bit` raises a 256-colour terminal to
    /// truecolor; a non-empty `NO_COLOR` forces monochrome.
    public static func detect(colors: Int, environment: [String: String]) -> ColorCapability {
        if let noColor = environment["NO_COLOR"], !noColor.isEmpty { return .monochrome }
        let colorTerm = (environment["COLORTERM"] ?? "").lowercased()
        if colors >= 16_777_216 { return .truecolor }
        if colors >= 256 {
            return colorTerm == "truecolor" || colorTerm == "24bit" ? .truecolor : .indexed256
        }
        if colors >= 16 { return .ansi16 }
        if colors >= 8 { return .ansi8 }
        return .monochrome
    }
}

/// Nearest-colour mapping from richer to poorer palettes (xterm's palette values).
public enum ColorDegradation {
    /// RGB of the 16 ANSI colours as xterm draws them.
    public static let ansiPalette: [(UInt8, UInt8, UInt8)] = [
        (0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0), (0, 0, 238), (205, 0, 205), (0, 205, 205), (229, 229, 229),
        (127, 127, 127), (255, 0, 0), (0, 255, 0), (255, 255, 0), (92, 92, 255), (255, 0, 255), (0, 255, 255), (255, 255, 255),
    ]

    private static let cubeLevels: [Int] = [0, 95, 135, 175, 215, 255]

    /// RGB of a 256-palette entry.
    public static func rgb(ofIndexed index: UInt8) -> (UInt8, UInt8, UInt8) {
        let i = Int(index)
        if i < 16 { return ansiPalette[i] }
        if i >= 232 {
            let level = UInt8(8 + (i - 232) * 10)
            return (level, level, level)
        }
        let cube = i - 16
        return (UInt8(cubeLevels[cube / 36]), UInt8(cubeLevels[cube / 6 % 6]), UInt8(cubeLevels[cube % 6]))
    }

    /// `color` as the given capability can show it.
    public static func degrade(_ color: TerminalColor, to capability: ColorCapability) -> TerminalColor {
        switch (color, capability) {
        case (.default, _), (_, .truecolor): return color
        case (_, .monochrome): return .default
        case (.rgb(let r, let g, let b), .indexed256): return .indexed(nearest256(r, g, b))
        case (.indexed(let n), .indexed256): return .indexed(n)
        case (.ansi(let n), .indexed256), (.ansi(let n), .ansi16): return .ansi(n)
        case (.rgb(let r, let g, let b), .ansi16): return .ansi(nearest16(r, g, b))
        case (.indexed(let n), .ansi16): return .ansi(n < 16 ? n : nearest16(rgb(ofIndexed: n)))
        case (_, .ansi8):
            let sixteen = degrade(color, to: .ansi16)
            if case .ansi(let n) = sixteen { return .ansi(n % 8) }
            return sixteen
        }
    }

    /// Nearest entry of the 256 palette, searching the 6×6×6 cube and the grey ramp.
    public static func nearest256(_ r: UInt8, _ g: UInt8, _ b: UInt8) -> UInt8 {
        func cubeIndex(_ v: UInt8) -> Int {
            var best = 0
            for (i, level) in cubeLevels.enumerated() where abs(level - Int(v)) < abs(cubeLevels[best] - Int(v)) {
                best = i
            }
            return best
        }
        let (ri, gi, bi) = (cubeIndex(r), cubeIndex(g), cubeIndex(b))
        let cube = UInt8(16 + 36 * ri + 6 * gi + bi)
        let average = (Int(r) + Int(g) + Int(b)) / 3
        let greyStep = min(23, max(0, (average - 3) / 10))
        let grey = UInt8(232 + greyStep)
        let target = (r, g, b)
        return distance(rgb(ofIndexed: grey), target) < distance(rgb(ofIndexed: cube), target) ? grey : cube
    }

    /// Nearest of the 16 ANSI colours.
    public static func nearest16(_ r: UInt8, _ g: UInt8, _ b: UInt8) -> UInt8 {
        nearest16((r, g, b))
    }

    static func nearest16(_ color: (UInt8, UInt8, UInt8)) -> UInt8 {
        var best = 0
        var bestDistance = Int.max
        for (index, entry) in ansiPalette.enumerated() {
            let d = distance(entry, color)
            if d < bestDistance {
                best = index
                bestDistance = d
            }
        }
        return UInt8(best)
    }

    /// Weighted squared distance ("redmean"), cheap and closer to perception than plain RGB.
    static func distance(_ a: (UInt8, UInt8, UInt8), _ b: (UInt8, UInt8, UInt8)) -> Int {
        let redMean = (Int(a.0) + Int(b.0)) / 2
        let dr = Int(a.0) - Int(b.0), dg = Int(a.1) - Int(b.1), db = Int(a.2) - Int(b.2)
        // Note: in Swift `>>` binds tighter than `*`, hence the parentheses.
        return (((512 + redMean) * dr * dr) >> 8) + 4 * dg * dg + (((767 - redMean) * db * db) >> 8)
    }
}
