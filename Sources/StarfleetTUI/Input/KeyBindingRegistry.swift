/// What a key press means in a context.
public enum KeyResolution<Command: Hashable & Sendable>: Hashable, Sendable {
    /// Run the binding.
    case perform(KeyBinding<Command>)
    /// The binding exists but is disabled; show the reason.
    case disabled(KeyBinding<Command>, reason: String)
    /// Nothing is bound to this key here.
    case unbound
}

/// One entry of the footer.
public struct FooterItem: Hashable, Sendable {
    public var key: String
    public var label: String
    public var isEnabled: Bool

    public init(key: String, label: String, isEnabled: Bool = true) {
        self.key = key
        self.label = label
        self.isEnabled = isEnabled
    }
}

/// One section of the help overlay (a context and its bindings).
public struct HelpSection: Hashable, Sendable {
    public struct Entry: Hashable, Sendable {
        public var keys: String
        public var description: String
        public var disabledReason: String?

        public init(keys: String, description: String, disabledReason: String? = nil) {
            self.keys = keys
            self.description = description
            self.disabledReason = disabledReason
        }
    }

    public var title: String
    public var entries: [Entry]

    public init(title: String, entries: [Entry]) {
        self.title = title
        self.entries = entries
    }
}

/// All key bindings of the console. The footer, the `?` overlay and key
/// dispatch are all derived from it, so they cannot disagree.
///
/// Lookups take a list of contexts, most specific first (`[fleet, global]`);
/// an earlier context's binding shadows a later one's on the same key. A modal
/// context (a dialog) simply leaves `global` out.
public struct KeyBindingRegistry<Command: Hashable & Sendable>: Sendable, Hashable {
    public private(set) var bindings: [KeyBinding<Command>]
    /// Read-only mode: dangerous (commit) bindings are removed, not just hidden.
    public var isReadOnly: Bool

    public init(_ bindings: [KeyBinding<Command>], readOnly: Bool = false) {
        self.bindings = bindings
        self.isReadOnly = readOnly
    }

    // MARK: - Editing

    public mutating func add(_ binding: KeyBinding<Command>) {
        bindings.append(binding)
    }

    public mutating func add(_ more: [KeyBinding<Command>]) {
        bindings += more
    }

    /// Enables (nil) or disables (with a reason) every binding of this command.
    public mutating func setDisabledReason(_ reason: String?, for command: Command) {
        for index in bindings.indices where bindings[index].command == command {
            bindings[index].disabledReason = reason
        }
    }

    /// Sets every binding's disabled reason from the app's answer for its command.
    public mutating func setDisabledReasons(_ reason: (Command) -> String?) {
        for index in bindings.indices { bindings[index].disabledReason = reason(bindings[index].command) }
    }

    public func binding(for command: Command) -> KeyBinding<Command>? {
        available.first { $0.command == command }
    }

    // MARK: - Queries

    /// Bindings that exist at all in this mode (read-only removes dangerous ones).
    public var available: [KeyBinding<Command>] {
        isReadOnly ? bindings.filter { !$0.isDangerous } : bindings
    }

    /// Bindings in effect for these contexts, most specific first, without
    /// the ones whose every key is shadowed by an earlier context.
    public func active(in contexts: [BindingContext]) -> [KeyBinding<Command>] {
        let candidates = available
        var taken: Set<Key> = []
        var used: Set<Int> = []
        var result: [KeyBinding<Command>] = []
        for context in contexts {
            var claimed: Set<Key> = []
            for (index, binding) in candidates.enumerated()
            where binding.contexts.contains(context) && !used.contains(index) {
                let free = binding.keys.filter { !taken.contains($0) }
                guard !free.isEmpty else { continue }
                var visible = binding
                visible.keys = free
                result.append(visible)
                used.insert(index)
                claimed.formUnion(free)
            }
            taken.formUnion(claimed)
        }
        return result
    }

    /// `context` plus `global`.
    public func active(in context: BindingContext) -> [KeyBinding<Command>] {
        active(in: context == .global ? [.global] : [context, .global])
    }

    /// What pressing `key` does in these contexts (help-only bindings resolve to nothing).
    public func resolve(_ key: Key, in contexts: [BindingContext]) -> KeyResolution<Command> {
        guard let binding = active(in: contexts).first(where: { $0.keys.contains(key) }),
              !binding.isHelpOnly else { return .unbound }
        if let reason = binding.disabledReason { return .disabled(binding, reason: reason) }
        return .perform(binding)
    }

    public func resolve(_ key: Key, in context: BindingContext) -> KeyResolution<Command> {
        resolve(key, in: context == .global ? [.global] : [context, .global])
    }

    // MARK: - Footer and help

    /// Footer entries: the context's own bindings first, then global ones.
    public func footerItems(for contexts: [BindingContext]) -> [FooterItem] {
        active(in: contexts).filter(\.showInFooter).compactMap { binding in
            binding.keys.first.map { FooterItem(key: $0.description, label: binding.label, isEnabled: binding.isEnabled) }
        }
    }

    public func footerItems(for context: BindingContext) -> [FooterItem] {
        footerItems(for: context == .global ? [.global] : [context, .global])
    }

    /// The footer as plain text: `Enter Open  / Filter  ? Help  q Quit`.
    public func footerText(for context: BindingContext) -> String {
        footerItems(for: context).map { "\($0.key) \($0.label)" }.joined(separator: "  ")
    }

    /// Help overlay sections, one per context, in the given order.
    public func helpSections(for contexts: [BindingContext]) -> [HelpSection] {
        let activeBindings = active(in: contexts)
        return contexts.compactMap { context in
            let entries = activeBindings.filter { $0.contexts.contains(context) }.map {
                HelpSection.Entry(keys: $0.keyLabel, description: $0.description, disabledReason: $0.disabledReason)
            }
            return entries.isEmpty ? nil : HelpSection(title: context.title, entries: entries)
        }
    }

    public func helpSections(for context: BindingContext) -> [HelpSection] {
        helpSections(for: context == .global ? [.global] : [context, .global])
    }

    /// Help as plain lines: a title per section, then `  keys  description`.
    public func helpLines(for context: BindingContext) -> [String] {
        HelpOverlay.lines(for: helpSections(for: context)).map(\.plainText)
    }

    // MARK: - Checks

    /// Keys bound to more than one binding within the same context (a bug in the table).
    public func conflicts() -> [(context: BindingContext, key: Key, commands: [Command])] {
        var found: [(BindingContext, Key, [Command])] = []
        let contexts = Set(bindings.flatMap(\.contexts)).sorted()
        for context in contexts {
            var owners: [Key: [Command]] = [:]
            var order: [Key] = []
            for binding in bindings where binding.contexts.contains(context) {
                for key in binding.keys {
                    if owners[key] == nil { order.append(key) }
                    owners[key, default: []].append(binding.command)
                }
            }
            for key in order where owners[key, default: []].count > 1 {
                found.append((context, key, owners[key] ?? []))
            }
        }
        return found
    }
}

extension KeyBindingRegistry where Command: StandardCommands {
    /// The standard bindings, for the app to add its own to.
    public init(readOnly: Bool = false) {
        self.init(StandardBindings<Command>.all, readOnly: readOnly)
    }
}
