import StarfleetTUI

/// One screen's behaviour, in `App/Features/<Screen>/`: the commands it performs, why it
/// refuses one now, and its filter. Features change only their own part of `AppState` (and
/// push screens or flash messages through the root's helpers in `AppState+Navigation`).
protocol ConsoleFeature {
    /// Performs a command the root routed here.
    static func perform(_ command: ConsoleCommand, _ state: inout AppState) -> [Effect]
    /// Why `command` cannot run now (nil: it can). The footer dims it and shows this instead.
    static func disabledReason(for command: ConsoleCommand, in state: AppState) -> String?
    /// The text `/` edits on this screen; nil when the screen has no filter.
    static func filter(in state: AppState) -> String?
    static func setFilter(_ text: String, _ state: inout AppState)
    /// Esc before the root pops the screen: true when the feature handled it (a tab closed).
    static func back(_ state: inout AppState) -> Bool
}

extension ConsoleFeature {
    static func disabledReason(for command: ConsoleCommand, in state: AppState) -> String? { nil }
    static func filter(in state: AppState) -> String? { nil }
    static func setFilter(_ text: String, _ state: inout AppState) {}
    static func back(_ state: inout AppState) -> Bool { false }
}
