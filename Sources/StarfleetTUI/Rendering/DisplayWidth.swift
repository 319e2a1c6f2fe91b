/// Display width of text in terminal cells (wcwidth semantics, per grapheme cluster).
///
/// Layout must always go through this type, never through `String.count`:
/// a CJK ideograph or an emoji takes two cells, a combining mark none, and a
/// whole grapheme cluster (a ZWJ family, a flag, a skin-toned emoji, a
/// character with a variation selector) is measured once.
public enum DisplayWidth {
    // MARK: - Measuring

    /// Cells taken by one grapheme cluster: 0, 1 or 2.
    public static func of(_ character: Character) -> Int {
        if character.isASCII {
            // Fast path; "\r\n" is a single ASCII Character.
            guard let value = character.asciiValue else { return 0 }
            return value >= 0x20 && value < 0x7F ? 1 : 0
        }
        let scalars = character.unicodeScalars
        guard let first = scalars.first else { return 0 }
        let base = of(first)
        if scalars.count == 1 { return base }

        var hasEmojiModifier = false
        var hasZWJ = false
        var hasVS16 = false
        var hasVS15 = false
        for scalar in scalars.dropFirst() {
            switch scalar.value {
            case 0xFE0F: hasVS16 = true
            case 0xFE0E: hasVS15 = true
            case 0x200D: hasZWJ = true
            case 0x1F3FB...0x1F3FF: hasEmojiModifier = true
            default: break
            }
        }
        let firstIsEmoji = first.properties.isEmoji
        if isRegionalIndicator(first) { return 2 }
        if firstIsEmoji && (hasVS16 || hasEmojiModifier || hasZWJ) { return 2 }
        // Keycap sequences: "1️⃣" is 1, VS16, U+20E3.
        if firstIsEmoji && scalars.contains(where: { $0.value == 0x20E3 }) { return 2 }
        if hasVS15 && first.properties.isEmojiPresentation { return 1 }
        return base
    }

    /// Cells taken by a single scalar when it starts a cluster: 0, 1 or 2.
    public static func of(_ scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        if value < 0x7F { return value >= 0x20 ? 1 : 0 }
        if value < 0xA0 { return 0 }  // DEL and C1 controls
        if value == 0xAD { return 1 }  // soft hyphen, as glibc
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .control, .format, .lineSeparator, .paragraphSeparator:
            return 0
        default:
            break
        }
        if value >= 0x1160 && value <= 0x11FF { return 0 }  // Hangul medial vowels, final consonants
        if value == 0x200B { return 0 }
        if scalar.properties.isEmojiPresentation { return 2 }
        if isEastAsianWide(value) { return 2 }
        return 1
    }

    /// Total cells taken by a string.
    public static func of<S: StringProtocol>(_ text: S) -> Int {
        var total = 0
        for character in text { total += of(character) }
        return total
    }

    // MARK: - Tables

    static func isRegionalIndicator(_ scalar: Unicode.Scalar) -> Bool {
        (0x1F1E6...0x1F1FF).contains(scalar.value)
    }

    /// East Asian Wide (W) and Fullwidth (F) ranges not already covered by
    /// `isEmojiPresentation` (Unicode 15).
    private static let wideRanges: [ClosedRange<UInt32>] = [
        0x1100...0x115F, 0x2329...0x232A, 0x2E80...0x303E, 0x3041...0x33FF,
        0x3400...0x4DBF, 0x4DC0...0x4DFF, 0x4E00...0x9FFF, 0xA000...0xA4CF,
        0xA960...0xA97F, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE10...0xFE19,
        0xFE30...0xFE6F, 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x16FE0...0x16FE4,
        0x16FF0...0x16FF1, 0x17000...0x187F7, 0x18800...0x18CD5, 0x18D00...0x18D08,
        0x1AFF0...0x1AFFE, 0x1B000...0x1B122, 0x1B132...0x1B132, 0x1B150...0x1B152,
        0x1B155...0x1B155, 0x1B164...0x1B167, 0x1B170...0x1B2FB, 0x1F200...0x1F202,
        0x1F210...0x1F23B, 0x1F240...0x1F248, 0x1F250...0x1F251, 0x1F260...0x1F265,
        0x20000...0x2FFFD, 0x30000...0x3FFFD,
    ]

    static func isEastAsianWide(_ value: UInt32) -> Bool {
        if value < 0x1100 { return false }
        if value == 0x303F { return false }
        var low = 0
        var high = wideRanges.count - 1
        while low <= high {
            let middle = (low + high) / 2
            let range = wideRanges[middle]
            if value < range.lowerBound {
                high = middle - 1
            } else if value > range.upperBound {
                low = middle + 1
            } else {
                return true
            }
        }
        return false
    }
}
