import Foundation
import Logging
import Starfleet
import StarfleetSchema

/// The console's only way to change state: `reduce(&state, action)` applies an action and
/// returns the effects the runtime must perform. Pure: no I/O, no clock, no globals.
public enum ConsoleReducer {
    static let flashSeconds: TimeInterval = 6

    @discardableResult
    public static func reduce(_ state: inout AppState, _ action: Action) -> [Effect] {
        switch action {
        case .key(let key):
            return handleKey(key, &state)
        case .resize(let size):
            state.size = size
            return []
        case .tick(let date):
            state.now = date
            if let flash = state.flash, flash.expires <= date { state.flash = nil }
            return []
        case .configurationLoaded(let snapshot):
            state.fleet.snapshot = snapshot
            state.fleet.loadError = nil
            state.fleet.isLoading = false
            clampFleetSelection(&state)
            if !snapshot.warnings.isEmpty { flash(&state, snapshot.warnings.joined(separator: "; "), .warning) }
            return []
        case .configurationFailed(let message):
            state.fleet.loadError = message
            state.fleet.isLoading = false
            flash(&state, message, .error)
            return []
        case .themeLoaded(let theme, let warnings):
            state.theme = theme
            if warnings.isEmpty {
                flash(&state, "Theme \(theme.name) (\(theme.source))")
            } else {
                flash(&state, warnings.joined(separator: "; "), .warning)
            }
            return []
        case .pickerListed(let generation, let directory, let result):
            return pickerListed(&state, generation: generation, directory: directory, result: result)
        case .pickerValidated(let generation, let results):
            guard var picker = state.picker, picker.generation == generation else { return [] }
            for (index, validity) in results where index < picker.entries.count {
                picker.entries[index].validity = validity
            }
            picker.validatedCount += results.count
            state.picker = picker
            return []
        case .payloadOpened(let requestID, let result):
            return payloadOpened(&state, requestID: requestID, result: result)
        case .fanOutLoaded(let requestID, let result):
            guard var inspector = state.inspector, inspector.requestID == requestID else { return [] }
            inspector.fanOut.isLoading = false
            switch result {
            case .success(let plan):
                inspector.fanOut.rows = plan.targets.flatMap { target -> [FanOutRow] in
                    if plan.strategy == .accountRegion {
                        return target.regions.map { FanOutRow(accountId: target.accountId, accountName: target.accountName, region: $0) }
                    }
                    return [FanOutRow(accountId: target.accountId, accountName: target.accountName, region: nil)]
                }
                inspector.fanOut.invocationCount = plan.invocationCount
                inspector.fanOut.error = nil
            case .failure(let failure):
                inspector.fanOut.error = failure.message
            }
            state.inspector = inspector
            return []
        case .historyLoaded(let records):
            state.history.records = records
            state.history.isLoading = false
            state.history.selected = min(state.history.selected, max(0, state.history.visibleRecords.count - 1))
            return []
        case .historyLogLoaded(let requestID, let result):
            guard var log = state.historyLog, log.requestID == requestID else { return [] }
            log.isLoading = false
            switch result {
            case .success(let contents):
                log.log.append(contentsOf: contents.lines)
                log.totalLines = contents.totalLines
            case .failure(let failure):
                log.error = failure.message
            }
            state.historyLog = log
            return []
        case .commitChecked(let runID, let result):
            return commitChecked(&state, runID: runID, result: result)
        case .runStarted(let id, let fingerprint, let logPath):
            guard var run = state.run, run.launch.id == id else { return [] }
            if run.status == .starting { run.status = .running }
            run.fingerprint = fingerprint
            run.logPath = logPath
            state.run = run
            return []
        case .runOutput(let id, let records):
            guard state.run?.launch.id == id else { return [] }
            appendOutput(records, to: &state.run!)
            return []
        case .runFinished(let id, let exitStatus, let signaled, let date):
            return runFinished(&state, id: id, exitStatus: exitStatus, signaled: signaled, at: date)
        case .runNotStarted(let id, let reason):
            guard var run = state.run, run.launch.id == id else { return [] }
            run.status = .failedToStart(reason)
            run.endedAt = state.now
            run.log.append(LogLine("[console] The run did not start: \(reason)", level: .error))
            state.run = run
            flash(&state, "The run did not start: \(reason)", .error)
            return []
        case .historyWriteFailed(let message):
            flash(&state, "Could not record the run in the history: \(message)", .error)
            return []
        }
    }

    // MARK: - Helpers

    static func flash(_ state: inout AppState, _ text: String, _ kind: Flash.Kind = .info) {
        state.flash = Flash(text, kind: kind, expires: state.now.addingTimeInterval(flashSeconds))
    }

    static func nextID(_ state: inout AppState) -> Int {
        state.sequence += 1
        return state.sequence
    }

    static func push(_ screen: Screen, _ state: inout AppState) {
        if state.screen != screen { state.screens.append(screen) }
    }

    static func pop(_ state: inout AppState) {
        if state.screens.count > 1 { state.screens.removeLast() }
    }

    /// Moves a selection in a list of `count` rows showing `visible` at once.
    static func move(_ selected: inout Int, _ scroll: inout Int, id: String, count: Int, visible: Int) {
        guard count > 0 else {
            selected = 0
            scroll = 0
            return
        }
        let page = max(1, visible - 1)
        switch id {
        case "move.up": selected -= 1
        case "move.down": selected += 1
        case "move.pageUp": selected -= page
        case "move.pageDown": selected += page
        case "move.top": selected = 0
        case "move.end", "move.bottom": selected = count - 1
        default: break
        }
        selected = min(max(0, selected), count - 1)
        scroll = Scrolling.offset(keeping: selected, current: scroll, visible: visible, count: count)
    }

    static func clampFleetSelection(_ state: inout AppState) {
        let count = state.fleet.visibleShips.count
        state.fleet.selected = min(max(0, state.fleet.selected), max(0, count - 1))
    }

    static func shipRow(_ state: AppState, _ name: String) -> ShipRow? {
        state.fleet.snapshot?.ships.first { $0.name == name }
    }

    // MARK: - Gates

    /// Why a dry run cannot start now (nil: it can).
    public static func dryRunReason(_ state: AppState) -> String? {
        guard let inspector = state.inspector else { return "Open a payload first (Enter on a ship)." }
        guard let ship = shipRow(state, inspector.ship) else { return "\(inspector.ship) is not in the fleet." }
        switch ship.state {
        case .enabled: break
        case .disabled: return "\(ship.name) is disabled in the configuration (Enabled: false)."
        case .notConfigured: return "\(ship.name) has no configuration section."
        case .invalid: return "\(ship.name) has an invalid configuration."
        }
        guard let document = inspector.document else { return inspector.error ?? "The payload is still loading." }
        guard document.analysis.isValid else { return "The payload does not validate; fix the marked lines first." }
        if inspector.needsTarget, inspector.target == nil {
            return inspector.strategy == .account
                ? "Pick the account to run in: Fan-out tab (f), then Enter."
                : "Pick the account and region to run in: Fan-out tab (f), then Enter."
        }
        if state.isRunActive { return "A run is in progress." }
        return nil
    }

    /// The fingerprint a run of the inspector's payload would have with the loaded configuration.
    public static func currentFingerprint(_ state: AppState) -> RunFingerprint? {
        guard let inspector = state.inspector, let document = inspector.document,
              let digest = state.fleet.snapshot?.configurationDigest else { return nil }
        return RunFingerprint(ship: inspector.ship, payloadSHA256: document.sha256, configurationSHA256: digest,
                              accountId: inspector.target?.accountId, region: inspector.target?.region)
    }

    /// Why commit is not offered now (nil: it is). Read-only consoles have no commit at all.
    public static func commitGateReason(_ state: AppState) -> String? {
        if state.readOnly { return "The console is read-only." }
        if let reason = dryRunReason(state) { return reason }
        guard let fingerprint = currentFingerprint(state) else { return "Open a payload first." }
        return fingerprint.commitRefusal(lastSuccessfulDryRun: state.lastSuccessfulDryRun?.fingerprint)
    }

    static func makeLaunch(_ state: inout AppState, commit: Bool) -> RunLaunch? {
        guard let inspector = state.inspector, let document = inspector.document else { return nil }
        let sequence = nextID(&state)
        let stamp = Date.ISO8601FormatStyle(timeZone: .gmt).format(state.now).filter { $0.isNumber || $0 == "T" }
        return RunLaunch(id: "\(stamp)-\(state.sessionTag)-\(sequence)", ship: inspector.ship, origin: inspector.origin,
                         payloadData: document.data, payloadSHA256: document.sha256, target: inspector.target,
                         commit: commit,
                         expectedConfigurationDigest: commit ? state.lastSuccessfulDryRun?.fingerprint.configurationSHA256 : nil)
    }

    // MARK: - Keys

    static func handleKey(_ key: Key, _ state: inout AppState) -> [Effect] {
        if key == .ctrl("l") { return [.redraw] }
        if key == .resize { return [] }
        if state.isTooSmall {
            if key == .char("q") || key == .ctrl("c") { return quit(&state, force: false) }
            return []
        }
        if case .commitDialog(let dialog) = state.overlay { return dialogKey(key, dialog, &state) }
        if case .help(let scroll) = state.overlay {
            switch key {
            case .escape, .char("?"), .char("q"): state.overlay = nil
            case .up, .char("k"): state.overlay = .help(scroll: max(0, scroll - 1))
            case .down, .char("j"): state.overlay = .help(scroll: scroll + 1)
            case .pageUp: state.overlay = .help(scroll: max(0, scroll - 10))
            case .pageDown: state.overlay = .help(scroll: scroll + 10)
            default: break
            }
            return []
        }
        if state.input != nil { return inputKey(key, &state) }
        let registry = ConsoleBindings.registry(for: state)
        switch registry.resolve(key, in: ConsoleBindings.contexts(for: state)) {
        case .perform(let binding):
            return perform(binding.id, &state)
        case .disabled(_, let reason):
            flash(&state, reason, .warning)
            return []
        case .unbound:
            return []
        }
    }

    static func perform(_ id: String, _ state: inout AppState) -> [Effect] {
        switch id {
        case "quit": return quit(&state, force: false)
        case "help":
            state.overlay = .help(scroll: 0)
            return []
        case "command":
            state.input = ActiveInput(purpose: .command)
            return []
        case "filter":
            let current = currentFilter(state)
            state.input = ActiveInput(purpose: .filter, field: TextInput(current), previous: current)
            return []
        case "back": return back(&state)
        case "redraw": return [.redraw]
        case "log.search":
            state.input = ActiveInput(purpose: .search, field: TextInput(currentLogSearch(state) ?? ""))
            return []
        case "log.next", "log.previous":
            searchLog(&state, forward: id == "log.next")
            return []
        case "log.wrap":
            if state.screen == .run { state.run?.log.wraps.toggle() }
            if state.screen == .historyLog { state.historyLog?.log.wraps.toggle() }
            if case .shipErrors = state.screen { state.errorsWrap.toggle() }
            return []
        case "fleet.open": return openShip(&state)
        case "fleet.reload": return reload(&state)
        case "fleet.history":
            push(.history, &state)
            state.history.isLoading = true
            return [.loadHistory]
        case "picker.open": return pickerOpen(&state)
        case "picker.source": return pickerToggleSource(&state)
        case "picker.parent":
            guard let picker = state.picker, picker.source == .local else { return [] }
            return listDirectory(&state, (picker.directory as NSString).deletingLastPathComponent, preferShip: false)
        case "picker.refresh": return pickerRefresh(&state)
        case "inspector.side":
            if var inspector = state.inspector {
                inspector.focus = inspector.focus == .source ? .loaded : .source
                state.inspector = inspector
            }
            return []
        case "inspector.fanout":
            state.inspector?.tab = .fanOut
            return []
        case "inspector.payload":
            state.inspector?.tab = .payload
            return []
        case "fanout.pick": return pickTarget(&state)
        case "run.dry": return startDryRun(&state)
        case "run.commit": return requestCommit(&state)
        case "run.show":
            if state.run != nil { push(.run, &state) }
            return []
        case "run.cancel":
            guard var run = state.run, run.status.isActive else { return [] }
            run.status = .cancelling
            run.log.append(LogLine("[console] Cancelling: SIGTERM now, SIGKILL if it has not stopped after the grace period.",
                                   level: .warning))
            state.run = run
            return [.cancelRun(id: run.launch.id)]
        case "history.open": return openHistoryLog(&state)
        case "history.reload":
            state.history.isLoading = true
            return [.loadHistory]
        default:
            if id.hasPrefix("move.") { moveSelection(id, &state) }
            return []
        }
    }

    static func quit(_ state: inout AppState, force: Bool) -> [Effect] {
        if let run = state.run, run.status.isActive {
            guard force else {
                flash(&state, "A run is in progress: x cancels it (in the run view), :q! cancels it and quits.", .warning)
                return []
            }
            state.shouldQuit = true
            return [.cancelRun(id: run.launch.id)]
        }
        state.shouldQuit = true
        return []
    }

    static func back(_ state: inout AppState) -> [Effect] {
        if !currentFilter(state).isEmpty {
            setFilter("", &state)
            return []
        }
        if state.screen == .inspector, state.inspector?.tab == .fanOut {
            state.inspector?.tab = .payload
            return []
        }
        if state.screens.count > 1 {
            pop(&state)
        } else {
            flash(&state, "This is the home screen: q quits.")
        }
        return []
    }

    // MARK: - Input line

    static func inputKey(_ key: Key, _ state: inout AppState) -> [Effect] {
        guard var input = state.input else { return [] }
        switch input.field.handle(key) {
        case .submitted:
            state.input = nil
            switch input.purpose {
            case .filter:
                setFilter(input.field.text, &state)
                return []
            case .command:
                return command(input.field.text, &state)
            case .search:
                setLogSearch(input.field.text.isEmpty ? nil : input.field.text, &state)
                searchLog(&state, forward: true)
                return []
            }
        case .cancelled:
            state.input = nil
            if input.purpose == .filter { setFilter(input.previous, &state) }
            return []
        case .edited:
            state.input = input
            if input.purpose == .filter { setFilter(input.field.text, &state) }
            return []
        case .moved, .ignored:
            state.input = input
            return []
        }
    }

    static func currentFilter(_ state: AppState) -> String {
        switch state.screen {
        case .fleet: return state.fleet.filter
        case .picker: return state.picker?.filter ?? ""
        case .inspector:
            return state.inspector?.tab == .fanOut ? (state.inspector?.fanOut.filter ?? "") : (state.inspector?.highlight ?? "")
        case .history: return state.history.filter
        case .shipErrors, .run, .historyLog: return ""
        }
    }

    static func setFilter(_ text: String, _ state: inout AppState) {
        switch state.screen {
        case .fleet:
            state.fleet.filter = text
            state.fleet.selected = 0
            state.fleet.scroll = 0
        case .picker:
            state.picker?.filter = text
            state.picker?.selected = 0
            state.picker?.scroll = 0
        case .inspector:
            if state.inspector?.tab == .fanOut {
                state.inspector?.fanOut.filter = text
                state.inspector?.fanOut.selected = 0
                state.inspector?.fanOut.scroll = 0
            } else {
                state.inspector?.highlight = text
            }
        case .history:
            state.history.filter = text
            state.history.selected = 0
            state.history.scroll = 0
        case .shipErrors, .run, .historyLog:
            break
        }
    }

    static func currentLogSearch(_ state: AppState) -> String? {
        state.screen == .historyLog ? state.historyLog?.log.search : state.run?.log.search
    }

    static func setLogSearch(_ text: String?, _ state: inout AppState) {
        if state.screen == .historyLog { state.historyLog?.log.search = text } else { state.run?.log.search = text }
    }

    static func searchLog(_ state: inout AppState, forward: Bool) {
        let height = ConsoleLayout(state).runLog.height
        var found = true
        if state.screen == .historyLog, var log = state.historyLog {
            found = forward ? log.log.searchNext(viewHeight: height) : log.log.searchPrevious(viewHeight: height)
            state.historyLog = log
        } else if var run = state.run {
            found = forward ? run.log.searchNext(viewHeight: height) : run.log.searchPrevious(viewHeight: height)
            state.run = run
        }
        if !found, let search = currentLogSearch(state) { flash(&state, "No line matches “\(search)”.", .warning) }
    }

    static func command(_ text: String, _ state: inout AppState) -> [Effect] {
        let words = text.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        guard let name = words.first else { return [] }
        let argument = words.dropFirst().joined(separator: " ")
        switch name {
        case "q", "quit", "exit": return quit(&state, force: false)
        case "q!", "quit!": return quit(&state, force: true)
        case "theme":
            guard !argument.isEmpty else {
                flash(&state, "Usage: :theme NAME|PATH (now: \(state.theme.name))", .warning)
                return []
            }
            return [.loadTheme(argument)]
        case "reload": return reload(&state)
        case "history": return perform("fleet.history", &state)
        case "help":
            state.overlay = .help(scroll: 0)
            return []
        case "payloads":
            guard !argument.isEmpty else {
                flash(&state, "Usage: :payloads DIR (now: \(state.payloadDirectory))", .warning)
                return []
            }
            state.payloadDirectory = argument
            if state.screen == .picker { return listDirectory(&state, argument, preferShip: true) }
            flash(&state, "Payload directory: \(argument)")
            return []
        default:
            flash(&state, "Unknown command :\(name) — try :q, :theme NAME, :reload, :history, :payloads DIR", .error)
            return []
        }
    }

    static func reload(_ state: inout AppState) -> [Effect] {
        state.fleet.isLoading = true
        var effects: [Effect] = [.loadConfiguration]
        if var inspector = state.inspector, state.screens.contains(.inspector) {
            inspector.requestID = nextID(&state)
            state.inspector = inspector
            effects.append(.openPayload(requestID: inspector.requestID, ship: inspector.ship, origin: inspector.origin))
        }
        flash(&state, "Reloading the configuration…")
        return effects
    }

    // MARK: - Movement

    static func moveSelection(_ id: String, _ state: inout AppState) {
        let layout = ConsoleLayout(state)
        switch state.screen {
        case .fleet:
            move(&state.fleet.selected, &state.fleet.scroll, id: id, count: state.fleet.visibleShips.count,
                 visible: layout.listVisibleRows)
        case .shipErrors:
            let page = max(1, layout.errorsPane.height - 1)
            switch id {
            case "move.up": state.errorsScroll -= 1
            case "move.down": state.errorsScroll += 1
            case "move.pageUp": state.errorsScroll -= page
            case "move.pageDown": state.errorsScroll += page
            case "move.top": state.errorsScroll = 0
            default: state.errorsScroll = .max / 2
            }
            state.errorsScroll = max(0, state.errorsScroll)
        case .picker:
            guard var picker = state.picker else { return }
            move(&picker.selected, &picker.scroll, id: id, count: picker.visibleIndices.count,
                 visible: layout.pickerVisibleRows)
            state.picker = picker
        case .inspector:
            guard var inspector = state.inspector else { return }
            if inspector.tab == .fanOut {
                move(&inspector.fanOut.selected, &inspector.fanOut.scroll, id: id,
                     count: inspector.fanOut.visibleRows.count, visible: layout.fanOutVisibleRows)
            } else if let document = inspector.document {
                let height = layout.inspectorPaneHeight
                if inspector.focus == .source {
                    move(&inspector.sourceCursor, &inspector.sourceScroll, id: id, count: document.source.lines.count,
                         visible: height)
                    if let match = document.loadedLine(forSource: inspector.sourceCursor) {
                        inspector.loadedCursor = match
                        inspector.loadedScroll = Scrolling.offset(keeping: match, current: inspector.loadedScroll,
                                                                  visible: height, count: document.loaded.lines.count)
                    }
                } else {
                    move(&inspector.loadedCursor, &inspector.loadedScroll, id: id, count: document.loaded.lines.count,
                         visible: height)
                    if let match = document.sourceLine(forLoaded: inspector.loadedCursor) {
                        inspector.sourceCursor = match
                        inspector.sourceScroll = Scrolling.offset(keeping: match, current: inspector.sourceScroll,
                                                                  visible: height, count: document.source.lines.count)
                    }
                }
            }
            state.inspector = inspector
        case .run:
            guard var run = state.run else { return }
            moveLog(&run.log, id: id, height: ConsoleLayout(state).runLog.height)
            state.run = run
        case .historyLog:
            guard var log = state.historyLog else { return }
            moveLog(&log.log, id: id, height: ConsoleLayout(state).historyLog.height)
            state.historyLog = log
        case .history:
            move(&state.history.selected, &state.history.scroll, id: id, count: state.history.visibleRecords.count,
                 visible: layout.listVisibleRows)
        }
    }

    static func moveLog(_ log: inout LogPane, id: String, height: Int) {
        switch id {
        case "move.up": log.scrollUp(1, viewHeight: height)
        case "move.down": log.scrollDown(1, viewHeight: height)
        case "move.pageUp": log.pageUp(viewHeight: height)
        case "move.pageDown": log.pageDown(viewHeight: height)
        case "move.top": log.scrollToTop()
        default: log.follow()
        }
    }

    // MARK: - Fleet

    static func openShip(_ state: inout AppState) -> [Effect] {
        guard let ship = state.fleet.selectedShip else { return [] }
        if ship.state == .invalid {
            state.errorsScroll = 0
            push(.shipErrors(ship.name), &state)
            return []
        }
        state.picker = PickerState(ship: ship.name, directory: state.payloadDirectory)
        push(.picker, &state)
        return listDirectory(&state, state.payloadDirectory, preferShip: true)
    }

    // MARK: - Picker

    static func listDirectory(_ state: inout AppState, _ directory: String, preferShip: Bool) -> [Effect] {
        guard var picker = state.picker else { return [] }
        picker.generation = nextID(&state)
        picker.source = .local
        picker.directory = directory
        picker.entries = []
        picker.isLoading = true
        picker.error = nil
        picker.selected = 0
        picker.scroll = 0
        picker.filter = ""
        picker.validatedCount = 0
        state.picker = picker
        return [.listLocal(generation: picker.generation, directory: directory,
                           preferSubdirectory: preferShip ? picker.ship : nil)]
    }

    static func pickerRefresh(_ state: inout AppState) -> [Effect] {
        guard let picker = state.picker else { return [] }
        if picker.source == .s3 {
            state.picker?.source = .local
            return pickerToggleSource(&state)
        }
        return listDirectory(&state, picker.directory, preferShip: false)
    }

    static func pickerToggleSource(_ state: inout AppState) -> [Effect] {
        guard var picker = state.picker else { return [] }
        if picker.source == .s3 { return listDirectory(&state, picker.directory, preferShip: false) }
        guard let snapshot = state.fleet.snapshot, let bucket = snapshot.templateBucket else {
            flash(&state, "STARFLEET.TemplateBucket is not set.", .warning)
            return []
        }
        guard let prefix = shipRow(state, picker.ship)?.templatePrefix else {
            flash(&state, "\(picker.ship) has no TemplatePrefix (its configuration is missing or invalid).", .warning)
            return []
        }
        picker.generation = nextID(&state)
        picker.source = .s3
        picker.s3Location = "s3://\(bucket)/\(prefix)"
        picker.entries = []
        picker.isLoading = true
        picker.error = nil
        picker.selected = 0
        picker.scroll = 0
        picker.filter = ""
        picker.validatedCount = 0
        state.picker = picker
        return [.listS3(generation: picker.generation, bucket: bucket, prefix: prefix,
                        region: snapshot.deploymentRegion ?? "us-east-1")]
    }

    static func pickerListed(_ state: inout AppState, generation: Int, directory: String,
                             result: Result<[PickerEntry], ConsoleFailure>) -> [Effect] {
        guard var picker = state.picker, picker.generation == generation else { return [] }
        picker.isLoading = false
        var effects: [Effect] = []
        switch result {
        case .success(let entries):
            picker.entries = entries
            if picker.source == .local {
                picker.directory = directory
                state.payloadDirectory = directory
                effects.append(.rememberPayloadDirectory(directory))
            }
            var files: [Int: PayloadOrigin] = [:]
            for (index, entry) in entries.enumerated() where entry.kind == .file {
                if let origin = entry.origin { files[index] = origin }
            }
            if !files.isEmpty {
                effects.insert(.validateEntries(generation: generation, ship: picker.ship, entries: files), at: 0)
            }
        case .failure(let failure):
            picker.error = failure.message
            if picker.source == .local { picker.directory = directory }
        }
        state.picker = picker
        return effects
    }

    static func pickerOpen(_ state: inout AppState) -> [Effect] {
        guard let picker = state.picker else { return [] }
        let visible = picker.visibleIndices
        guard !visible.isEmpty else { return [] }
        let entry = picker.entries[visible[min(max(0, picker.selected), visible.count - 1)]]
        switch entry.kind {
        case .parent, .directory:
            return listDirectory(&state, entry.directory ?? picker.directory, preferShip: false)
        case .file:
            guard let origin = entry.origin else { return [] }
            let strategy = shipRow(state, picker.ship)?.strategy ?? .singleInvocation
            let requestID = nextID(&state)
            var inspector = InspectorState(ship: picker.ship, strategy: strategy, origin: origin, requestID: requestID)
            // Keep the chosen target when the same ship's payload is reopened.
            if let previous = state.inspector, previous.ship == picker.ship { inspector.target = previous.target }
            state.inspector = inspector
            push(.inspector, &state)
            return [.openPayload(requestID: requestID, ship: picker.ship, origin: origin)]
        }
    }

    // MARK: - Inspector

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
                inspector.fanOut.requested = true
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
            flash(&state, failure.message, .error)
            return []
        }
    }

    static func pickTarget(_ state: inout AppState) -> [Effect] {
        guard var inspector = state.inspector else { return [] }
        let rows = inspector.fanOut.visibleRows
        guard !rows.isEmpty else {
            flash(&state, inspector.fanOut.error ?? "Nothing to pick: the payload fans out to no account.", .warning)
            return []
        }
        let row = rows[min(max(0, inspector.fanOut.selected), rows.count - 1)]
        inspector.target = RunTarget(accountId: row.accountId, accountName: row.accountName, region: row.region)
        state.inspector = inspector
        flash(&state, "Runs go to \(inspector.target!.display). d: dry run.")
        return []
    }

    // MARK: - Runs

    static func startDryRun(_ state: inout AppState) -> [Effect] {
        if let reason = dryRunReason(state) {
            flash(&state, reason, .warning)
            return []
        }
        guard let launch = makeLaunch(&state, commit: false) else { return [] }
        state.run = RunState(launch: launch, startedAt: state.now)
        push(.run, &state)
        return [.startRun(launch)]
    }

    static func requestCommit(_ state: inout AppState) -> [Effect] {
        guard !state.readOnly else { return [] }
        if let reason = commitGateReason(state) {
            flash(&state, reason, .warning)
            return []
        }
        guard let launch = makeLaunch(&state, commit: true) else { return [] }
        state.pendingCommit = launch
        flash(&state, "Checking that nothing changed since the dry run…")
        return [.checkCommit(launch)]
    }

    static func commitChecked(_ state: inout AppState, runID: String, result: Result<RunFingerprint, ConsoleFailure>) -> [Effect] {
        guard !state.readOnly, let launch = state.pendingCommit, launch.id == runID else { return [] }
        state.pendingCommit = nil
        switch result {
        case .failure(let failure):
            flash(&state, "Commit refused: \(failure.message)", .error)
            return []
        case .success(let fingerprint):
            if let reason = fingerprint.commitRefusal(lastSuccessfulDryRun: state.lastSuccessfulDryRun?.fingerprint) {
                flash(&state, "Commit refused: \(reason)", .error)
                return []
            }
            if state.isRunActive {
                flash(&state, "A run is in progress.", .warning)
                return []
            }
            state.overlay = .commitDialog(commitDialog(launch: launch, fingerprint: fingerprint,
                                                       dryRun: state.lastSuccessfulDryRun, size: state.size))
            state.flash = nil
            return []
        }
    }

    /// The confirmation dialog: Cancel focused, the ship's name must be typed.
    public static func commitDialog(launch: RunLaunch, fingerprint: RunFingerprint, dryRun: DryRunRecord?, size: Size,
                                    error: String? = nil) -> CommitDialogState {
        let width = min(96, max(40, size.width - 4))
        let room = max(10, width - 4 - 10)
        var body: [StyledLine] = [
            StyledLine([Span("Ship:     ", .textMuted), Span(launch.ship, style: .concrete(Style(attributes: .bold)))]),
            StyledLine([Span("Payload:  ", .textMuted), Span(ConsoleView.abbreviate(launch.origin.display, to: room))]),
            StyledLine([Span("SHA-256:  ", .textMuted), Span(String(launch.payloadSHA256.prefix(16)) + "…")]),
            StyledLine([Span("Target:   ", .textMuted), Span(launch.target?.display ?? "single invocation (no account/region)")]),
        ]
        if let dryRun {
            let seconds = String(format: "%.1f", dryRun.duration)
            body.append(StyledLine([Span("Dry run:  ", .textMuted),
                                    Span("succeeded · exit 0 · \(seconds) s · \(dryRun.lineCount) log lines", .badgeEnabled)]))
            for line in dryRun.summary.suffix(4) {
                body.append(StyledLine([Span("  │ ", .textMuted), Span(TextLayout.truncate(TextLayout.sanitize(line), to: room))]))
            }
        }
        body.append(StyledLine())
        body.append(StyledLine("This runs the ship with --commit: it applies changes.", style: .theme(.error)))
        if let error { body.append(StyledLine("✗ " + error, style: .theme(.error))) }
        let dialog = Dialog(title: "Commit \(launch.ship)?", body: body, buttons: ["Cancel", "Commit"], focusedButton: 0,
                            input: TextInput(maximumLength: 200), inputLabel: "Type \(launch.ship) to confirm, Tab to the Commit button, Enter:",
                            isDangerous: true, preferredWidth: width)
        return CommitDialogState(dialog: dialog, launch: launch, fingerprint: fingerprint, error: error)
    }

    static func dialogKey(_ key: Key, _ current: CommitDialogState, _ state: inout AppState) -> [Effect] {
        var dialog = current
        switch dialog.dialog.handle(key) {
        case .cancelled, .activated(0):
            state.overlay = nil
            flash(&state, "Commit cancelled; nothing was changed.")
            return []
        case .activated:
            let typed = dialog.dialog.input?.text ?? ""
            guard typed == dialog.launch.ship else {
                let rebuilt = commitDialog(launch: dialog.launch, fingerprint: dialog.fingerprint,
                                           dryRun: state.lastSuccessfulDryRun, size: state.size,
                                           error: typed.isEmpty ? "Type the ship's name to confirm."
                                                                : "“\(typed)” is not \(dialog.launch.ship).")
                var next = rebuilt
                next.dialog.input = dialog.dialog.input
                next.dialog.focusedButton = dialog.dialog.focusedButton
                state.overlay = .commitDialog(next)
                return []
            }
            state.overlay = nil
            if state.isRunActive {
                flash(&state, "A run is in progress.", .warning)
                return []
            }
            // The successful dry run is spent by this commit (terraform's plan → apply).
            state.lastSuccessfulDryRun = nil
            state.run = RunState(launch: dialog.launch, startedAt: state.now)
            push(.run, &state)
            return [.startRun(dialog.launch)]
        case .none:
            state.overlay = .commitDialog(dialog)
            return []
        }
    }

    static func appendOutput(_ records: [RunLogRecord], to run: inout RunState) {
        for record in records {
            run.lineCount += 1
            run.log.append(contentsOf: logLines(record))
            guard let level = record.level, level >= .info else { continue }
            if level >= .notice {
                run.highlights.append(firstLine(record.message))
                if run.highlights.count > 8 { run.highlights.removeFirst(run.highlights.count - 8) }
            } else {
                run.lastInfo = record.message
            }
        }
    }

    static func firstLine(_ text: String) -> String {
        guard let newline = text.utf8.firstIndex(of: 0x0A) else { return text }
        return String(text[..<newline])
    }

    /// A record as screen lines: `HH:MM:SS.mmm LEVEL message`, continuation lines indented.
    public static func logLines(_ record: RunLogRecord) -> [LogLine] {
        guard let level = record.level else { return [LogLine(record.message, level: nil)] }
        var prefix = ""
        if let time = record.time, time.count >= 23 {
            prefix = String(time.dropFirst(11).prefix(12)) + " "
        }
        let label: String
        switch level {
        case .trace: label = "TRACE"
        case .debug: label = "DEBUG"
        case .info: label = "INFO "
        case .notice: label = "NOTE "
        case .warning: label = "WARN "
        case .error: label = "ERROR"
        case .critical: label = "CRIT "
        }
        let head = prefix + label + " "
        if !record.message.utf8.contains(0x0A) { return [LogLine(head + record.message, level: level)] }
        let pieces = record.message.split(separator: "\n", omittingEmptySubsequences: false)
        let indent = String(repeating: " ", count: head.count)
        return pieces.enumerated().map { index, piece in
            LogLine((index == 0 ? head : indent) + piece, level: level)
        }
    }

    static func runFinished(_ state: inout AppState, id: String, exitStatus: Int32, signaled: Bool, at date: Date) -> [Effect] {
        guard var run = state.run, run.launch.id == id else { return [] }
        let wasCancelling = run.status == .cancelling
        run.endedAt = date
        run.exitCode = exitStatus
        if wasCancelling && (signaled || exitStatus != 0) {
            run.status = .cancelled(exitStatus)
        } else if signaled {
            run.status = .crashed(signal: exitStatus)
        } else if exitStatus == 0 {
            run.status = .succeeded
        } else {
            run.status = .failed(exitStatus)
        }
        let duration = date.timeIntervalSince(run.startedAt)
        let mode = run.launch.commit ? "commit" : "dry run"
        switch run.status {
        case .succeeded:
            run.log.append(LogLine("[console] ✔ \(mode) succeeded · exit 0 · \(String(format: "%.1f", duration)) s", level: .info))
        case .cancelled:
            run.log.append(LogLine("[console] ■ \(mode) cancelled · \(signaled ? "signal" : "exit") \(exitStatus)", level: .warning))
        case .crashed(let signal):
            run.log.append(LogLine("[console] ✘ \(mode) crashed · killed by signal \(signal)", level: .error))
        default:
            run.log.append(LogLine("[console] ✘ \(mode) failed · exit \(exitStatus)", level: .error))
        }
        if run.status == .succeeded, !run.launch.commit, let fingerprint = run.fingerprint {
            var summary = run.highlights.suffix(3).map { $0 }
            if let info = run.lastInfo.map(firstLine), !summary.contains(info) { summary.append(info) }
            state.lastSuccessfulDryRun = DryRunRecord(fingerprint: fingerprint, runID: id, payloadName: run.launch.origin.display,
                                                      finishedAt: date, duration: duration, lineCount: run.lineCount,
                                                      summary: summary)
            flash(&state, state.readOnly ? "Dry run succeeded." : "Dry run succeeded: C commits the same payload (after confirmation).")
        } else if run.status == .succeeded {
            flash(&state, "Commit succeeded.")
        } else if case .cancelled = run.status {
            flash(&state, "Run cancelled.", .warning)
        } else if case .crashed(let signal) = run.status {
            flash(&state, "The run crashed (signal \(signal)); the console is fine.", .error)
        } else {
            flash(&state, "The run failed with exit \(exitStatus).", .error)
        }
        state.run = run
        guard let logPath = run.logPath else { return [] }
        let iso = Date.ISO8601FormatStyle(includingFractionalSeconds: true, timeZone: .gmt)
        let record = RunHistoryRecord(
            id: id, ship: run.launch.ship, payloadPath: run.launch.origin.display, payloadSHA256: run.launch.payloadSHA256,
            mode: run.launch.commit ? "commit" : "dry-run", accountId: run.launch.target?.accountId,
            region: run.launch.target?.region, start: iso.format(run.startedAt), end: iso.format(date),
            exitStatus: signaled ? 128 + exitStatus : exitStatus, logPath: logPath)
        return [.recordHistory(record)]
    }

    // MARK: - History

    static func openHistoryLog(_ state: inout AppState) -> [Effect] {
        let records = state.history.visibleRecords
        guard !records.isEmpty else { return [] }
        let record = records[min(max(0, state.history.selected), records.count - 1)]
        let requestID = nextID(&state)
        state.historyLog = HistoryLogState(record: record, requestID: requestID)
        push(.historyLog, &state)
        return [.openHistoryLog(requestID: requestID, path: record.logPath)]
    }
}
