/// The state of a one-line text field (filter, command, confirmation):
/// the text and a cursor between grapheme clusters, with readline-style keys.
public struct TextInput: Hashable, Sendable {
    public private(set) var text: String
    /// Cursor position in grapheme clusters, 0…text.count.
    public private(set) var cursor: Int
    /// Longest text accepted, in grapheme clusters.
    public var maximumLength: Int

    public init(_ text: String = "", maximumLength: Int = 1_024) {
        self.text = text
        self.cursor = text.count
        self.maximumLength = maximumLength
    }

    /// What a key did to the field.
    public enum Outcome: Hashable, Sendable {
        case edited, moved, submitted, cancelled, ignored
    }

    /// Applies a key: characters insert; Backspace/Del/Ctrl-W/Ctrl-U/Ctrl-K delete;
    /// ←/→/Home/End/Ctrl-A/Ctrl-E move; Enter submits; Esc cancels.
    @discardableResult
    public mutating func handle(_ key: Key) -> Outcome {
        switch key {
        case .char(let character):
            guard text.count < maximumLength else { return .ignored }
            text.insert(character, at: index(cursor))
            cursor += 1
            return .edited
        case .backspace:
            guard cursor > 0 else { return .ignored }
            text.remove(at: index(cursor - 1))
            cursor -= 1
            return .edited
        case .delete, .ctrl("d"):
            guard cursor < text.count else { return .ignored }
            text.remove(at: index(cursor))
            return .edited
        case .left, .ctrl("b"):
            guard cursor > 0 else { return .ignored }
            cursor -= 1
            return .moved
        case .right, .ctrl("f"):
            guard cursor < text.count else { return .ignored }
            cursor += 1
            return .moved
        case .home, .ctrl("a"):
            cursor = 0
            return .moved
        case .end, .ctrl("e"):
            cursor = text.count
            return .moved
        case .ctrl("u"):
            text.removeSubrange(text.startIndex..<index(cursor))
            cursor = 0
            return .edited
        case .ctrl("k"):
            text.removeSubrange(index(cursor)..<text.endIndex)
            return .edited
        case .ctrl("w"):
            deleteWordBeforeCursor()
            return .edited
        case .enter:
            return .submitted
        case .escape:
            return .cancelled
        default:
            return .ignored
        }
    }

    public mutating func setText(_ newText: String) {
        text = String(newText.prefix(maximumLength))
        cursor = text.count
    }

    private func index(_ offset: Int) -> String.Index {
        text.index(text.startIndex, offsetBy: min(max(0, offset), text.count))
    }

    private mutating func deleteWordBeforeCursor() {
        var start = cursor
        let characters = Array(text)
        while start > 0, characters[start - 1] == " " { start -= 1 }
        while start > 0, characters[start - 1] != " " { start -= 1 }
        text.removeSubrange(index(start)..<index(cursor))
        cursor = start
    }
}
