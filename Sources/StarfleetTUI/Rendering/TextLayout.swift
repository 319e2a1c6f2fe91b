/// Width-aware text operations: truncation, padding, alignment, wrapping.
/// All widths are display widths in terminal cells (see `DisplayWidth`).
public enum TextLayout {
    public static let ellipsis: Character = "…"

    // MARK: - Truncation and padding

    /// The longest prefix of `text` that fits in `width` cells, ending in
    /// `ellipsis` when something was cut. A wide character that would straddle
    /// the limit is left out rather than split.
    public static func truncate(_ text: String, to width: Int, ellipsis: Character? = TextLayout.ellipsis) -> String {
        guard width > 0 else { return "" }
        if DisplayWidth.of(text) <= width { return text }
        let marker = ellipsis.map { String($0) } ?? ""
        let budget = width - DisplayWidth.of(marker)
        guard budget >= 0 else { return "" }
        return prefix(text, fitting: budget) + marker
    }

    /// The longest prefix whose width is at most `width` (no marker).
    public static func prefix(_ text: String, fitting width: Int) -> String {
        var result = ""
        var used = 0
        for character in text {
            let cells = DisplayWidth.of(character)
            if used + cells > width { break }
            result.append(character)
            used += cells
        }
        return result
    }

    /// Drops leading characters worth `columns` cells (for horizontal scrolling).
    /// A wide character cut in half is replaced by a space so columns stay aligned.
    public static func dropping(columns: Int, from text: String) -> String {
        guard columns > 0 else { return text }
        var skipped = 0
        var index = text.startIndex
        while index < text.endIndex, skipped < columns {
            skipped += DisplayWidth.of(text[index])
            index = text.index(after: index)
        }
        let rest = String(text[index...])
        return skipped > columns ? " " + rest : rest
    }

    public enum Alignment: Sendable, Hashable {
        case left, right, center
    }

    /// Truncates or pads `text` so it takes exactly `width` cells.
    public static func fit(_ text: String, width: Int, alignment: Alignment = .left) -> String {
        guard width > 0 else { return "" }
        let truncated = truncate(text, to: width)
        let gap = max(0, width - DisplayWidth.of(truncated))
        switch alignment {
        case .left: return truncated + String(repeating: " ", count: gap)
        case .right: return String(repeating: " ", count: gap) + truncated
        case .center:
            let left = gap / 2
            return String(repeating: " ", count: left) + truncated + String(repeating: " ", count: gap - left)
        }
    }

    /// Pads `text` with spaces on the right to at least `width` cells.
    public static func pad(_ text: String, to width: Int) -> String {
        let gap = width - DisplayWidth.of(text)
        return gap > 0 ? text + String(repeating: " ", count: gap) : text
    }

    // MARK: - Cleaning

    /// Replaces tabs by spaces up to the next tab stop and removes other
    /// control characters (which have no width and would upset the terminal).
    public static func sanitize(_ text: String, tabWidth: Int = 4) -> String {
        var result = ""
        var column = 0
        for character in text {
            if character == "\t" {
                let spaces = tabWidth - column % max(tabWidth, 1)
                result += String(repeating: " ", count: spaces)
                column += spaces
                continue
            }
            let cells = DisplayWidth.of(character)
            if cells == 0, character.unicodeScalars.first.map(isControl) ?? true { continue }
            result.append(character)
            column += cells
        }
        return result
    }

    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (scalar.value >= 0x7F && scalar.value < 0xA0)
    }

    // MARK: - Wrapping

    /// Wraps `text` into lines of at most `width` cells, breaking after spaces
    /// where possible and inside words that are longer than a line.
    /// Existing newlines start new lines. Always returns at least one line.
    public static func wrap(_ text: String, width: Int) -> [String] {
        guard width > 0 else { return [text] }
        var lines: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lines += wrapParagraph(String(paragraph), width: width)
        }
        return lines.isEmpty ? [""] : lines
    }

    private static func wrapParagraph(_ text: String, width: Int) -> [String] {
        var lines: [String] = []
        var current = ""
        var currentWidth = 0
        // Index in `current` just after the last space, and the width up to it.
        var breakIndex: String.Index?
        var breakWidth = 0

        for character in text {
            let cells = DisplayWidth.of(character)
            if currentWidth + cells > width {
                if character == " " {
                    // A space at the edge ends the line and is dropped.
                    lines.append(current)
                    current = ""
                    currentWidth = 0
                    breakIndex = nil
                    continue
                }
                if let index = breakIndex, index > current.startIndex {
                    let head = String(current[..<index])
                    let tail = String(current[index...])
                    lines.append(trimTrailingSpaces(head))
                    current = tail
                    currentWidth -= breakWidth
                } else {
                    lines.append(current)
                    current = ""
                    currentWidth = 0
                }
                breakIndex = nil
                breakWidth = 0
                if currentWidth + cells > width, !current.isEmpty {
                    lines.append(current)
                    current = ""
                    currentWidth = 0
                }
            }
            current.append(character)
            currentWidth += cells
            if character == " " {
                breakIndex = current.endIndex
                breakWidth = currentWidth
            }
        }
        lines.append(current)
        return lines
    }

    /// Splits `text` into consecutive pieces of at most `width` cells each, without
    /// looking for word boundaries (for log and code lines, where every column matters).
    public static func hardWrap(_ text: String, width: Int) -> [String] {
        guard width > 0 else { return [text] }
        var lines: [String] = []
        var current = ""
        var used = 0
        for character in text {
            let cells = DisplayWidth.of(character)
            if used + cells > width, !current.isEmpty {
                lines.append(current)
                current = ""
                used = 0
            }
            current.append(character)
            used += cells
        }
        lines.append(current)
        return lines
    }

    static func trimTrailingSpaces(_ text: String) -> String {
        var result = text
        while result.last == " " { result.removeLast() }
        return result
    }
}
