/// Where a binding applies: a screen or mode (`fleet`, `inspector`, `dialog` …).
/// Screens name their own contexts; `global` applies wherever it is included.
public struct BindingContext: Hashable, Sendable, Comparable, RawRepresentable, ExpressibleByStringLiteral,
                              CustomStringConvertible {
    public var rawValue: String

    public init(rawValue: String) { self.rawValue = rawValue }
    public init(_ rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { self.rawValue = value }

    public static let global: BindingContext = "global"

    public var description: String { rawValue }

    /// Heading used in the help overlay: `fleet` → `Fleet`.
    public var title: String { rawValue.prefix(1).uppercased() + rawValue.dropFirst() }

    public static func < (lhs: BindingContext, rhs: BindingContext) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// One key binding, as data (lazygit's idea): the keys, how the footer and the
/// help overlay describe it, where it applies, and whether read-only mode
/// removes it. The app maps `id` to its `Action`.
public struct KeyBinding: Hashable, Sendable, Identifiable {
    /// Stable identifier of the command, e.g. `quit`, `fleet.open`, `run.commit`.
    public var id: String
    /// Keys that trigger it; the first is the one shown in the footer.
    public var keys: [Key]
    /// Short label for the footer (`Quit`, `Filter`).
    public var label: String
    /// One line for the help overlay.
    public var description: String
    /// Contexts it applies in.
    public var contexts: Set<BindingContext>
    /// Changes things that are hard to undo (commit): removed entirely in read-only mode.
    public var isDangerous: Bool
    /// When set, the binding is shown (dimmed) but refuses to run, and this says why.
    public var disabledReason: String?
    /// Whether the footer lists it (help always does).
    public var showInFooter: Bool

    public init(id: String, keys: [Key], label: String, description: String? = nil,
                contexts: Set<BindingContext> = [.global], isDangerous: Bool = false,
                disabledReason: String? = nil, showInFooter: Bool = true) {
        self.id = id
        self.keys = keys
        self.label = label
        self.description = description ?? label
        self.contexts = contexts
        self.isDangerous = isDangerous
        self.disabledReason = disabledReason
        self.showInFooter = showInFooter
    }

    public var isEnabled: Bool { disabledReason == nil }

    /// Keys as shown in help: `j/↓`.
    public var keyLabel: String { keys.map(\.description).joined(separator: "/") }
}

/// Keys every screen shares (the app adds its own bindings next to these).
public enum StandardBindings {
    public static let help = KeyBinding(id: "help", keys: [.char("?")], label: "Help",
                                        description: "Show the keys that apply here")
    public static let filter = KeyBinding(id: "filter", keys: [.char("/")], label: "Filter",
                                          description: "Filter the list")
    public static let command = KeyBinding(id: "command", keys: [.char(":")], label: "Command",
                                           description: "Enter a command (:q, :theme NAME, :reload)")
    public static let back = KeyBinding(id: "back", keys: [.escape], label: "Back",
                                        description: "Back out of the current view, dialog or input")
    public static let redraw = KeyBinding(id: "redraw", keys: [.ctrl("l")], label: "Redraw",
                                          description: "Redraw the whole screen", showInFooter: false)
    public static let quit = KeyBinding(id: "quit", keys: [.char("q")], label: "Quit",
                                        description: "Quit the console")

    public static let all: [KeyBinding] = [help, filter, command, back, redraw, quit]
}
