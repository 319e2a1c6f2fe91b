/// A decoded key press (or terminal event delivered as a key, like a resize).
public enum Key: Hashable, Sendable, CustomStringConvertible {
    /// A printable character (including space).
    case char(Character)
    case enter
    case escape
    case backspace
    case delete
    case insert
    case tab
    /// Shift-Tab.
    case backTab
    case up, down, left, right
    case pageUp, pageDown
    case home, end
    /// The terminal changed size (curses' KEY_RESIZE).
    case resize
    /// Control plus a character, lower-cased: `.ctrl("l")` is Ctrl-L.
    case ctrl(Character)
    /// Alt (Meta) plus a character, sent by the terminal as Escape then the character.
    case alt(Character)
    /// F1…F63.
    case function(Int)
    /// A curses key code we have no name for.
    case unknown(Int32)

    // MARK: - Display

    /// Short label for footers and help: `q`, `Enter`, `Esc`, `↑`, `Ctrl-L`, `F5`.
    public var description: String {
        switch self {
        case .char(" "): return "Space"
        case .char(let c): return String(c)
        case .enter: return "Enter"
        case .escape: return "Esc"
        case .backspace: return "Backspace"
        case .delete: return "Del"
        case .insert: return "Ins"
        case .tab: return "Tab"
        case .backTab: return "Shift-Tab"
        case .up: return "↑"
        case .down: return "↓"
        case .left: return "←"
        case .right: return "→"
        case .pageUp: return "PgUp"
        case .pageDown: return "PgDn"
        case .home: return "Home"
        case .end: return "End"
        case .resize: return "Resize"
        case .ctrl(let c): return "Ctrl-" + String(c).uppercased()
        case .alt(let c): return "Alt-" + String(c)
        case .function(let n): return "F\(n)"
        case .unknown(let code): return "Key(\(code))"
        }
    }

    // MARK: - Parsing

    /// Parses names as written in binding tables or documentation:
    /// `q`, `?`, `space`, `enter`, `esc`, `tab`, `shift-tab`, `up`, `pgdn`,
    /// `home`, `end`, `ctrl-l`, `c-l`, `alt-x`, `f5`, `backspace`, `del`.
    public init?(parsing text: String) {
        if text.count == 1, let character = text.first {
            self = .char(character)
            return
        }
        let lowered = text.lowercased()
        let named: [String: Key] = [
            "space": .char(" "), "enter": .enter, "return": .enter, "esc": .escape, "escape": .escape,
            "backspace": .backspace, "bs": .backspace, "del": .delete, "delete": .delete, "ins": .insert,
            "insert": .insert, "tab": .tab, "shift-tab": .backTab, "backtab": .backTab, "up": .up, "down": .down,
            "left": .left, "right": .right, "pgup": .pageUp, "pageup": .pageUp, "pgdn": .pageDown,
            "pagedown": .pageDown, "home": .home, "end": .end, "resize": .resize,
            "↑": .up, "↓": .down, "←": .left, "→": .right,
        ]
        if let key = named[lowered] {
            self = key
            return
        }
        for prefix in ["ctrl-", "ctrl+", "c-", "^"] where lowered.hasPrefix(prefix) {
            let rest = text.dropFirst(prefix.count)
            if rest.count == 1, let character = rest.first {
                self = .ctrl(Character(character.lowercased()))
                return
            }
        }
        for prefix in ["alt-", "alt+", "m-", "meta-"] where lowered.hasPrefix(prefix) {
            let rest = text.dropFirst(prefix.count)
            if rest.count == 1, let character = rest.first {
                self = .alt(character)
                return
            }
        }
        if lowered.hasPrefix("f"), let number = Int(lowered.dropFirst()), (1...63).contains(number) {
            self = .function(number)
            return
        }
        return nil
    }
}
