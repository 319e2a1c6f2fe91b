import StarfleetTUI

/// The one-line input at the bottom: a filter (applied as it is typed), a `:` command or a
/// log search. Its keys go to the `TextInput` field, not through the binding registry.
enum InputLineReducer {
    static func handle(_ key: Key, _ state: inout AppState) -> [Effect] {
        guard var input = state.input else { return [] }
        switch input.field.handle(key) {
        case .submitted:
            state.input = nil
            switch input.purpose {
            case .filter:
                ConsoleReducer.setFilter(input.field.text, &state)
                return []
            case .command:
                return command(input.field.text, &state)
            case .search:
                LogScreen.submitSearch(input.field.text.isEmpty ? nil : input.field.text, &state)
                return []
            }
        case .cancelled:
            state.input = nil
            if input.purpose == .filter { ConsoleReducer.setFilter(input.previous, &state) }
            return []
        case .edited:
            state.input = input
            if input.purpose == .filter { ConsoleReducer.setFilter(input.field.text, &state) }
            return []
        case .moved, .ignored:
            state.input = input
            return []
        }
    }

    /// `:q`, `:q!`, `:theme NAME`, `:reload`, `:history`, `:help`, `:payloads DIR`.
    static func command(_ text: String, _ state: inout AppState) -> [Effect] {
        let words = text.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        guard let name = words.first else { return [] }
        let argument = words.dropFirst().joined(separator: " ")
        switch name {
        case "q", "quit", "exit": return ConsoleReducer.quit(&state, force: false)
        case "q!", "quit!": return ConsoleReducer.quit(&state, force: true)
        case "theme":
            guard !argument.isEmpty else {
                state.showFlash("Usage: :theme NAME|PATH (now: \(state.theme.name))", .warning)
                return []
            }
            return [.loadTheme(argument)]
        case "reload": return FleetFeature.reload(&state)
        case "history": return ConsoleReducer.perform(.showHistory, &state)
        case "help":
            state.overlay = .help(scroll: 0)
            return []
        case "payloads":
            guard !argument.isEmpty else {
                state.showFlash("Usage: :payloads DIR (now: \(state.payloadDirectory))", .warning)
                return []
            }
            state.payloadDirectory = argument
            if state.screen == .picker { return PickerFeature.listDirectory(&state, argument, preferShip: true) }
            state.showFlash("Payload directory: \(argument)")
            return []
        default:
            state.showFlash("Unknown command :\(name) — try :q, :theme NAME, :reload, :history, :payloads DIR", .error)
            return []
        }
    }
}
