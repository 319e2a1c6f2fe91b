import StarfleetTUI

/// An invalid ship's configuration errors: scrolling and wrapping.
enum ShipErrorsFeature: ConsoleFeature {
    static func perform(_ command: ConsoleCommand, _ state: inout AppState) -> [Effect] {
        switch command {
        case .toggleWrap:
            state.shipErrors.wrap.toggle()
        case .move(let motion):
            let page = max(1, ConsoleLayout(state).errorsPane.height - 1)
            var scroll = state.shipErrors.scroll
            switch motion {
            case .up: scroll -= 1
            case .down: scroll += 1
            case .pageUp: scroll -= page
            case .pageDown: scroll += page
            case .top: scroll = 0
            case .bottom: scroll = .max / 2  // the view clamps it to the last page
            }
            state.shipErrors.scroll = max(0, scroll)
        default:
            break
        }
        return []
    }
}
