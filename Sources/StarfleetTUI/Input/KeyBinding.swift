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

/// One key binding, as data (lazygit's idea): the keys, the command they run, how the footer
/// and the help overlay describe it, where it applies, and whether read-only mode removes it.
public struct KeyBinding<Command: Hashable & Sendable>: Hashable, Sendable {
    /// What the keys do; the app's reducer performs it.
    public var command: Command
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
    /// Described in help, but its keys are handled by a widget (a dialog, the input line), not resolved here.
    public var isHelpOnly: Bool

    public init(_ command: Command, keys: [Key], label: String, description: String? = nil,
                contexts: Set<BindingContext> = [.global], isDangerous: Bool = false,
                disabledReason: String? = nil, showInFooter: Bool = true, isHelpOnly: Bool = false) {
        self.command = command
        self.keys = keys
        self.label = label
        self.description = description ?? label
        self.contexts = contexts
        self.isDangerous = isDangerous
        self.disabledReason = disabledReason
        self.showInFooter = showInFooter
        self.isHelpOnly = isHelpOnly
    }

    public var isEnabled: Bool { disabledReason == nil }

    /// Keys as shown in help: `j/↓`.
    public var keyLabel: String { keys.map(\.description).joined(separator: "/") }
}

/// The commands every app built on the toolkit has (the standard bindings run them).
public protocol StandardCommands: Hashable, Sendable {
    static var help: Self { get }
    static var filter: Self { get }
    static var commandLine: Self { get }
    static var back: Self { get }
    static var redraw: Self { get }
    static var quit: Self { get }
}

/// Keys every screen shares (the app adds its own bindings next to these).
public enum StandardBindings<Command: StandardCommands> {
    public static var help: KeyBinding<Command> {
        KeyBinding(.help, keys: [.char("?")], label: "Help", description: "Show the keys that apply here")
    }
    public static var filter: KeyBinding<Command> {
        KeyBinding(.filter, keys: [.char("/")], label: "Filter", description: "Filter the list")
    }
    public static var commandLine: KeyBinding<Command> {
        KeyBinding(.commandLine, keys: [.char(":")], label: "Command",
                   description: "Enter a command (:q, :theme NAME, :reload)")
    }
    public static var back: KeyBinding<Command> {
        KeyBinding(.back, keys: [.escape], label: "Back", description: "Back out of the current view, dialog or input")
    }
    public static var redraw: KeyBinding<Command> {
        KeyBinding(.redraw, keys: [.ctrl("l")], label: "Redraw", description: "Redraw the whole screen", showInFooter: false)
    }
    public static var quit: KeyBinding<Command> {
        KeyBinding(.quit, keys: [.char("q")], label: "Quit", description: "Quit the console")
    }

    public static var all: [KeyBinding<Command>] { [help, filter, commandLine, back, redraw, quit] }
}
