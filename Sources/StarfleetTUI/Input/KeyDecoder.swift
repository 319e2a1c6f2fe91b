import CNcursesw

/// Turns what `wget_wch` returns into `Key`s. Pure, so it is testable without a terminal.
public enum KeyDecoder {
    /// curses key codes (the `KEY_*` constants), as `wget_wch` reports them with `KEY_CODE_YES`.
    public enum Code {
        public static let down = Int32(KEY_DOWN)
        public static let up = Int32(KEY_UP)
        public static let left = Int32(KEY_LEFT)
        public static let right = Int32(KEY_RIGHT)
        public static let home = Int32(KEY_HOME)
        public static let end = Int32(KEY_END)
        public static let backspace = Int32(KEY_BACKSPACE)
        public static let delete = Int32(KEY_DC)
        public static let insert = Int32(KEY_IC)
        public static let pageDown = Int32(KEY_NPAGE)
        public static let pageUp = Int32(KEY_PPAGE)
        public static let enter = Int32(KEY_ENTER)
        public static let backTab = Int32(KEY_BTAB)
        public static let resize = Int32(KEY_RESIZE)
        public static let f0 = Int32(KEY_F0)
        /// Keypad keys some terminals send for Home/End.
        public static let a1 = Int32(KEY_A1)
        public static let c1 = Int32(KEY_C1)
        public static let a3 = Int32(KEY_A3)
        public static let c3 = Int32(KEY_C3)
    }

    /// A character `wget_wch` returned with `OK`.
    public static func decodeCharacter(_ value: UInt32) -> Key {
        switch value {
        case 9: return .tab
        case 10, 13: return .enter
        case 27: return .escape
        case 8, 127: return .backspace
        case 0: return .ctrl(" ")
        case 1...26: return .ctrl(Character(Unicode.Scalar(UInt8(value) + 0x60)))
        case 28...31: return .ctrl(Character(Unicode.Scalar(UInt8(value) + 0x40)))
        default:
            guard let scalar = Unicode.Scalar(value), value >= 0x20, !(0x7F..<0xA0).contains(value) else {
                return .unknown(Int32(bitPattern: value))
            }
            return .char(Character(scalar))
        }
    }

    /// A key code `wget_wch` returned with `KEY_CODE_YES`.
    public static func decodeKeyCode(_ code: Int32) -> Key {
        switch code {
        case Code.down: return .down
        case Code.up: return .up
        case Code.left: return .left
        case Code.right: return .right
        case Code.home, Code.a1: return .home
        case Code.end, Code.c1: return .end
        case Code.pageUp, Code.a3: return .pageUp
        case Code.pageDown, Code.c3: return .pageDown
        case Code.backspace: return .backspace
        case Code.delete: return .delete
        case Code.insert: return .insert
        case Code.enter: return .enter
        case Code.backTab: return .backTab
        case Code.resize: return .resize
        case (Code.f0 + 1)...(Code.f0 + 63): return .function(Int(code - Code.f0))
        default: return .unknown(code)
        }
    }

    /// Combines Escape with the key that followed it at once: Escape + `x` is Alt-x.
    /// Returns nil when the two are separate presses.
    public static func combineEscape(with next: Key) -> Key? {
        switch next {
        case .char(let c): return .alt(c)
        default: return nil
        }
    }
}
