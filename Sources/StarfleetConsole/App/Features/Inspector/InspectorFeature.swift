import Starfleet
import StarfleetSchema
import StarfleetTUI

/// A payload side by side with what the ship would load, and its fan-out, where the run's
/// account (and region) is picked.
enum InspectorFeature: ConsoleFeature {
    static func reduce(_ action: Action, _ state: inout AppState) -> [Effect] {
        switch action {
        case .payloadOpened(let requestID, let result):
            return payloadOpened(&state, requestID: requestID, result: result)
        case .fanOutLoaded(let requestID, let result):
            guard var inspector = state.inspector, inspector.requestID == requestID else { return [] }
            inspector.fanOut.isLoading = false
            switch result {
            case .success(let plan):
                inspector.fanOut.rows = plan.targets.flatMap { target -> [FanOutRow] in
                    let tags = target.tags.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ", ")
                    let regions: [String?] = plan.strategy == .accountRegion ? target.regions : [nil]
                    return regions.map {
                        FanOutRow(accountId: target.accountId, accountName: target.accountName, region: $0, tags: tags,
                                  orgPath: target.orgPath)
                    }
                }
                inspector.fanOut.invocationCount = plan.invocationCount
                inspector.fanOut.error = nil
            case .failure(let failure):
                inspector.fanOut.error = failure.message
            }
            state.inspector = inspector
            return []
        default:
            return []
        }
    }

    static func perform(_ command: ConsoleCommand, _ state: inout AppState) -> [Effect] {
        switch command {
        case .switchSide:
            if var inspector = state.inspector {
                inspector.focus = inspector.focus == .source ? .loaded : .source
                state.inspector = inspector
            }
        case .showFanOut:
            state.inspector?.tab = .fanOut
        case .showPayload:
            state.inspector?.tab = .payload
        case .pickTarget:
            pickTarget(&state)
        case .toggleMark, .markAll, .markNone, .invertMarks:
            guard var inspector = state.inspector else { return [] }
            mark(command, &inspector, layout: ConsoleLayout(state))
            state.inspector = inspector
        case .openTargetLog:
            return FleetRunFeature.openTargetLog(&state)
        case .nextMatch, .previousMatch:
            guard var inspector = state.inspector, !inspector.highlight.isEmpty else {
                state.showFlash("/ first: type the text to find.", .warning)
                return []
            }
            if jumpToMatch(&inspector, forward: command == .nextMatch, layout: ConsoleLayout(state)) {
                state.inspector = inspector
            } else {
                state.showFlash("No match for “\(inspector.highlight)” on this side.", .warning)
            }
        case .move(let motion):
            guard var inspector = state.inspector else { return [] }
            move(&inspector, motion, layout: ConsoleLayout(state))
            state.inspector = inspector
        case .toggleWrap:
            guard var inspector = state.inspector else { return [] }
            inspector.wraps.toggle()
            state.inspector = inspector
            state.showFlash(inspector.wraps ? "Wrap on in both panes." : "Wrap off: ←/→ scroll the focused pane sideways.")
        case .scrollLeft, .scrollRight:
            guard var inspector = state.inspector, inspector.tab == .payload else { return [] }
            guard !inspector.wraps else {
                state.showFlash("Wrap is on: w turns it off to scroll sideways.", .warning)
                return []
            }
            let step = command == .scrollLeft ? -LogScreen.sidewaysStep : LogScreen.sidewaysStep
            if inspector.focus == .source {
                inspector.sourceColumn = max(0, inspector.sourceColumn + step)
            } else {
                inspector.loadedColumn = max(0, inspector.loadedColumn + step)
            }
            state.inspector = inspector
        default:
            break
        }
        return []
    }

    static func disabledReason(for command: ConsoleCommand, in state: AppState) -> String? {
        if command == .showFanOut, let inspector = state.inspector, !inspector.needsTarget {
            return "\(inspector.ship) runs once (SINGLE_INVOCATION); it does not fan out."
        }
        return nil
    }

    /// The fan-out tab filters its rows; the payload tab highlights the text on both sides.
    static func filter(in state: AppState) -> String? {
        state.inspector?.tab == .fanOut ? (state.inspector?.fanOut.list.filter ?? "") : (state.inspector?.highlight ?? "")
    }

    static func setFilter(_ text: String, _ state: inout AppState) {
        if state.inspector?.tab == .fanOut {
            state.inspector?.fanOut.list.setFilter(text)
        } else {
            state.inspector?.highlight = text
        }
    }

    /// Esc on the fan-out tab goes back to the payload tab.
    static func back(_ state: inout AppState) -> Bool {
        guard state.inspector?.tab == .fanOut else { return false }
        state.inspector?.tab = .payload
        return true
    }

    /// Opens a payload of `ship` (keeping the chosen target when the same ship's payload is reopened).
    static func open(_ origin: PayloadOrigin, ship: String, _ state: inout AppState) -> [Effect] {
        let strategy = state.shipRow(named: ship)?.strategy ?? .singleInvocation
        let requestID = state.nextID()
        var inspector = InspectorState(ship: ship, strategy: strategy, origin: origin, requestID: requestID)
        if let previous = state.inspector, previous.ship == ship { inspector.target = previous.target }
        state.inspector = inspector
        state.push(.inspector)
        return [.openPayload(requestID: requestID, ship: ship, origin: origin)]
    }

    static func payloadOpened(_ state: inout AppState, requestID: Int, result: Result<PayloadDocument, ConsoleFailure>) -> [Effect] {
        guard var inspector = state.inspector, inspector.requestID == requestID else { return [] }
        switch result {
        case .success(let document):
            let reopened = inspector.document != nil
            inspector.document = document
            inspector.error = nil
            if !reopened {
                inspector.sourceCursor = 0
                inspector.loadedCursor = document.loadedLine(forSource: 0) ?? 0
            } else {
                inspector.sourceCursor = min(inspector.sourceCursor, max(0, document.source.lines.count - 1))
                inspector.loadedCursor = min(inspector.loadedCursor, max(0, document.loaded.lines.count - 1))
            }
            var effects: [Effect] = []
            if inspector.needsTarget, let payload = document.analysis.payload {
                inspector.fanOut.isLoading = true
                inspector.fanOut.error = nil
                effects.append(.loadFanOut(requestID: requestID, ship: inspector.ship, payload: payload))
            } else if inspector.needsTarget {
                inspector.fanOut.error = "The payload does not validate, so it has no fan-out."
                inspector.fanOut.rows = []
            }
            state.inspector = inspector
            return effects
        case .failure(let failure):
            inspector.error = failure.message
            state.inspector = inspector
            state.showFlash(failure.message, .error)
            return []
        }
    }

    static func pickTarget(_ state: inout AppState) {
        guard var inspector = state.inspector else { return }
        let rows = inspector.fanOut.visibleRows
        guard let index = inspector.fanOut.list.index(in: rows.count) else {
            state.showFlash(inspector.fanOut.error ?? "Nothing to pick: the payload fans out to no account.", .warning)
            return
        }
        let row = rows[index]
        let target = RunTarget(accountId: row.accountId, accountName: row.accountName, region: row.region)
        inspector.target = target
        state.inspector = inspector
        state.showFlash("Runs go to \(target.display). d: dry run.")
    }

    /// Marks act on the targets shown (the filter's); marks of hidden targets stay.
    static func mark(_ command: ConsoleCommand, _ inspector: inout InspectorState, layout: ConsoleLayout) {
        let rows = inspector.fanOut.visibleRows
        switch command {
        case .toggleMark:
            guard let index = inspector.fanOut.list.index(in: rows.count) else { return }
            let key = rows[index].key
            if inspector.fanOut.marked.remove(key) == nil { inspector.fanOut.marked.insert(key) }
            inspector.fanOut.list.move(.down, count: rows.count, visible: layout.fanOutVisibleRows)
        case .markAll: inspector.fanOut.marked.formUnion(rows.map(\.key))
        case .markNone: inspector.fanOut.marked.removeAll()
        case .invertMarks: inspector.fanOut.marked.formSymmetricDifference(rows.map(\.key))
        default: break
        }
    }

    /// `n`/`N` after `/`: the focused side's next (previous) line holding the text, wrapping
    /// around; the other side follows.
    static func jumpToMatch(_ inspector: inout InspectorState, forward: Bool, layout: ConsoleLayout) -> Bool {
        guard let document = inspector.document else { return false }
        let lines = inspector.focus == .source ? document.source.lines : document.loaded.lines
        guard !lines.isEmpty else { return false }
        let current = inspector.focus == .source ? inspector.sourceCursor : inspector.loadedCursor
        for step in 1...lines.count {
            let index = ((current + (forward ? step : -step)) % lines.count + lines.count) % lines.count
            guard TextSearch.contains(lines[index].plainText, inspector.highlight) else { continue }
            let height = layout.inspectorPaneHeight
            if inspector.focus == .source {
                inspector.sourceCursor = index
                inspector.sourceScroll = Scrolling.offset(keeping: index, current: inspector.sourceScroll, visible: height,
                                                          count: lines.count)
            } else {
                inspector.loadedCursor = index
                inspector.loadedScroll = Scrolling.offset(keeping: index, current: inspector.loadedScroll, visible: height,
                                                          count: lines.count)
            }
            follow(&inspector, height: height)
            return true
        }
        return false
    }

    /// The other side's cursor to the line matching the focused side's.
    static func follow(_ inspector: inout InspectorState, height: Int) {
        guard let document = inspector.document else { return }
        if inspector.focus == .source {
            if let match = document.loadedLine(forSource: inspector.sourceCursor) {
                inspector.loadedCursor = match
                inspector.loadedScroll = Scrolling.offset(keeping: match, current: inspector.loadedScroll,
                                                          visible: height, count: document.loaded.lines.count)
            }
        } else if let match = document.sourceLine(forLoaded: inspector.loadedCursor) {
            inspector.sourceCursor = match
            inspector.sourceScroll = Scrolling.offset(keeping: match, current: inspector.sourceScroll,
                                                      visible: height, count: document.source.lines.count)
        }
    }

    /// Moves the fan-out selection, or the focused side's cursor with the other side following.
    static func move(_ inspector: inout InspectorState, _ motion: Motion, layout: ConsoleLayout) {
        if inspector.tab == .fanOut {
            inspector.fanOut.list.move(motion, count: inspector.fanOut.visibleRows.count, visible: layout.fanOutVisibleRows)
            return
        }
        guard let document = inspector.document else { return }
        let height = layout.inspectorPaneHeight
        if inspector.focus == .source {
            ListState.move(&inspector.sourceCursor, &inspector.sourceScroll, motion, count: document.source.lines.count,
                           visible: height)
        } else {
            ListState.move(&inspector.loadedCursor, &inspector.loadedScroll, motion, count: document.loaded.lines.count,
                           visible: height)
        }
        follow(&inspector, height: height)
    }
}
