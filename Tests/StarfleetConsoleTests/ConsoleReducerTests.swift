import Foundation
import Starfleet
import StarfleetSchema
import StarfleetTestSupport
import Testing
@testable import StarfleetConsole
@testable import StarfleetTUI

/// `reduce` on its own: the commit gate, read-only mode, runs, input and resizing.
@Suite("Console reduce")
struct ConsoleReducerTests {
    func inspecting(readOnly: Bool = false) throws -> (AppState, TemporaryDirectory) {
        let directory = try ConsoleFixture.directory()
        var state = ConsoleFixture.state(try ConsoleFixture.snapshot(in: directory), readOnly: readOnly)
        ConsoleFixture.inspecting(ConsoleFixture.validPayload, state: &state)
        return (state, directory)
    }

    /// Presses d: the dry run's launch.
    func startDryRun(_ state: inout AppState) throws -> RunLaunch {
        let effects = ConsoleReducer.reduce(&state, .key(.char("d")))
        return try #require(effects.first.flatMap { effect -> RunLaunch? in
            if case .startRun(let launch) = effect { return launch } else { return nil }
        }, "no dry run started: \(effects)")
    }

    // MARK: - Commit gate

    @Test("Commit before any dry run is refused, and the footer says why")
    func commitNeedsDryRun() throws {
        var (state, _) = try inspecting()
        let reason = RunFeature.commitGateReason(state)
        #expect(reason?.contains("needs a successful dry run") == true)
        let effects = ConsoleReducer.reduce(&state, .key(.char("C")))
        #expect(effects.isEmpty)
        #expect(state.overlay == nil)
        #expect(state.flash?.text.contains("needs a successful dry run") == true)
        // The footer shows Commit, disabled.
        let items = ConsoleBindings.registry(for: state).footerItems(for: ConsoleBindings.contexts(for: state))
        #expect(items.contains(FooterItem(key: "C", label: "Commit", isEnabled: false)))
        #expect(ConsoleView.render(state).line(38).contains("⚠ Commit needs a successful dry run"))
    }

    @Test("A failed dry run does not open the gate")
    func failedDryRun() throws {
        var (state, _) = try inspecting()
        ConsoleFixture.dryRun(&state, exitStatus: 3)
        #expect(state.lastSuccessfulDryRun == nil)
        #expect(state.run?.status == .failed(3))
        #expect(RunFeature.commitGateReason(state) != nil)
    }

    @Test("After a successful dry run of the same ship, payload, configuration and target, commit is offered")
    func commitAfterDryRun() throws {
        var (state, _) = try inspecting()
        let runID = ConsoleFixture.dryRun(&state)
        #expect(state.lastSuccessfulDryRun?.runID == runID)
        #expect(RunFeature.commitGateReason(state) == nil)
        let effects = ConsoleReducer.reduce(&state, .key(.char("C")))
        guard case .checkCommit(let launch)? = effects.first else {
            Issue.record("\(effects)")
            return
        }
        // The key that opens the dialog does not run anything; the re-check comes first.
        #expect(!effects.contains { if case .startRun = $0 { return true } else { return false } })
        ConsoleReducer.reduce(&state, .commitChecked(runID: launch.id, .success(state.lastSuccessfulDryRun!.fingerprint)))
        guard case .commitDialog(let dialog)? = state.overlay else {
            Issue.record("no dialog: \(String(describing: state.flash))")
            return
        }
        #expect(dialog.dialog.focusedButton == 0)
        #expect(dialog.dialog.buttons == ["Cancel", "Commit"])

        // Enter on the focused Cancel closes it without running.
        var cancelled = state
        #expect(ConsoleReducer.reduce(&cancelled, .key(.enter)).isEmpty)
        #expect(cancelled.overlay == nil)
        #expect(cancelled.run?.launch.mode == .dryRun)

        // Commit without the typed name is refused inside the dialog.
        var untyped = state
        ConsoleReducer.reduce(&untyped, .key(.tab))
        #expect(ConsoleReducer.reduce(&untyped, .key(.enter)).isEmpty)
        guard case .commitDialog(let refused)? = untyped.overlay else {
            Issue.record("dialog closed")
            return
        }
        #expect(refused.error == "Type the ship's name to confirm.")
        #expect(ConsoleView.render(untyped).text.contains("Type the ship's name to confirm."))

        // A wrong name is refused too.
        var wrong = state
        _ = ConsoleFixture.type("ConsoleSingle", into: &wrong)
        ConsoleReducer.reduce(&wrong, .key(.tab))
        #expect(ConsoleReducer.reduce(&wrong, .key(.enter)).isEmpty)
        if case .commitDialog(let dialog)? = wrong.overlay {
            #expect(dialog.error?.contains("is not ConsoleSingleShip") == true)
        } else {
            Issue.record("dialog closed on a wrong name")
        }

        // Typing q in the dialog types it (it does not quit).
        var typing = state
        _ = ConsoleFixture.type("q", into: &typing)
        #expect(!typing.shouldQuit)

        // The right name, Tab to Commit, Enter: the commit starts.
        let commit = try ConsoleFixture.confirmCommit("ConsoleSingleShip", &state)
        #expect(commit.mode == .commit)
        #expect(commit.expectedConfigurationDigest == state.fleet.snapshot!.configurationDigest)
        #expect(state.overlay == nil)
        #expect(state.isCommitting)
        #expect(state.screen == .run)
        // Red COMMIT badge in the header while it runs.
        let screen = ConsoleView.render(state)
        #expect(screen.line(0).contains("COMMIT"))
        let badge = screen.find(" COMMIT ")!
        #expect(screen.style(row: badge.row, column: badge.column).background == Theme.default[.badgeCommit].background)
        // The dry run was spent by the commit.
        #expect(state.lastSuccessfulDryRun == nil)
    }

    @Test("The gate closes when the payload, the configuration, the target or the ship differ")
    func gateCases() throws {
        var (state, _) = try inspecting()
        ConsoleFixture.dryRun(&state)
        let good = state.lastSuccessfulDryRun!.fingerprint

        var payloadChanged = state
        payloadChanged.inspector!.document = ConsoleFixture.document(ConsoleFixture.validPayload + "\nMore: 1")
        #expect(RunFeature.commitGateReason(payloadChanged)?.contains("payload changed") == true)

        var configurationChanged = state
        configurationChanged.fleet.snapshot!.configurationDigest = "different"
        #expect(RunFeature.commitGateReason(configurationChanged)?.contains("configuration changed") == true)

        // Only this target's own dry run counts: another ship's or another account's opens nothing.
        for other in [CommitGate.Target(ship: "ConsoleAccountShip", accountId: nil, region: nil),
                      CommitGate.Target(ship: good.ship, accountId: "000000000001", region: "us-east-1")] {
            var elsewhere = state
            elsewhere.commitGate = CommitGate()
            elsewhere.commitGate.dryRunLaunched(runID: "other", target: other)
            elsewhere.commitGate.dryRunStarted(runID: "other", fingerprint: RunFingerprint(
                ship: other.ship, payloadSHA256: good.payloadSHA256, configurationSHA256: good.configurationSHA256,
                accountId: other.accountId, region: other.region))
            elsewhere.commitGate.dryRunFinished(runID: "other", outcome: .succeeded(nil), at: state.now)
            #expect(RunFeature.commitGateReason(elsewhere)?.contains("needs a successful dry run") == true, "\(other)")
        }

        // Older than --max-plan-age.
        var aged = state
        aged.now = state.now.addingTimeInterval(CommitGate.defaultMaxPlanAge + 120)
        #expect(RunFeature.commitGateReason(aged)?.contains("--max-plan-age") == true)

        // The configuration changed on disk between the key and the dialog: the re-check refuses.
        let effects = ConsoleReducer.reduce(&state, .key(.char("C")))
        guard case .checkCommit(let launch)? = effects.first else {
            Issue.record("\(effects)")
            return
        }
        let onDisk = RunFingerprint(ship: good.ship, payloadSHA256: good.payloadSHA256, configurationSHA256: "edited",
                                    accountId: nil, region: nil)
        ConsoleReducer.reduce(&state, .commitChecked(runID: launch.id, .success(onDisk)))
        #expect(state.overlay == nil)
        #expect(state.flash?.text.contains("configuration changed") == true)
    }

    @Test("A later dry run of the same inputs that fails or is cancelled revokes the gate: C refused, no stale dialog")
    func laterDryRunRevokes() throws {
        for ending in ["failed", "cancelled", "not started"] {
            var (state, _) = try inspecting()
            ConsoleFixture.dryRun(&state)
            #expect(RunFeature.commitGateReason(state) == nil)
            let launch = try startDryRun(&state)
            // While it runs, the earlier success no longer counts.
            let current = try #require(RunFeature.currentFingerprint(state))
            #expect(state.commitGate.refusal(for: current, now: state.now)?.contains("still running") == true)
            switch ending {
            case "failed":
                ConsoleReducer.reduce(&state, .runStarted(id: launch.id, fingerprint: RunFeature.currentFingerprint(state)!, logPath: "/tmp/l"))
                ConsoleReducer.reduce(&state, .runFinished(id: launch.id, exitStatus: 3, signaled: false, at: state.now))
            case "cancelled":
                ConsoleReducer.reduce(&state, .runStarted(id: launch.id, fingerprint: RunFeature.currentFingerprint(state)!, logPath: "/tmp/l"))
                ConsoleReducer.reduce(&state, .key(.char("x")))
                ConsoleReducer.reduce(&state, .runFinished(id: launch.id, exitStatus: 15, signaled: true, at: state.now))
            default:
                ConsoleReducer.reduce(&state, .runNotStarted(id: launch.id, reason: "no binary"))
            }
            let reason = RunFeature.commitGateReason(state)
            #expect(reason?.contains(ending == "cancelled" ? "was cancelled" : "failed") == true, "\(ending): \(String(describing: reason))")
            #expect(state.lastSuccessfulDryRun == nil, "the dialog has no succeeded dry run to show (\(ending))")
            // The footer shows C disabled, and C opens no dialog.
            let items = ConsoleBindings.registry(for: state).footerItems(for: ConsoleBindings.contexts(for: state))
            #expect(items.contains(FooterItem(key: "C", label: "Commit", isEnabled: false)), "\(ending)")
            state.flash = nil
            #expect(ConsoleReducer.reduce(&state, .key(.char("C"))).isEmpty)
            #expect(state.overlay == nil)
            // A commit check answered late (forged) opens nothing either.
            ConsoleReducer.reduce(&state, .commitChecked(runID: launch.id, .success(RunFeature.currentFingerprint(state)!)))
            #expect(state.overlay == nil)
        }
    }

    @Test("The commit dialog reads the plan the ship reported as data and shows it")
    func dialogShowsPlan() throws {
        var (state, _) = try inspecting()
        let launch = try startDryRun(&state)
        ConsoleReducer.reduce(&state, .runStarted(id: launch.id, fingerprint: RunFeature.currentFingerprint(state)!, logPath: "/tmp/l"))
        ConsoleReducer.reduce(&state, .runOutput(id: launch.id, [
            RunLogRecord.parse(#"{"level":"info","message":"Plan: 9 to add, 9 to change, 9 to destroy.","time":"2026-11-29T10:00:00.123Z"}"#),
            RunLogRecord.parse(#"{"level":"info","message":"[📋] Plan for IAM role","no_changes":false,"plan_add":2,"plan_change":1,"plan_destroy":0,"time":"2026-11-29T10:00:00.456Z"}"#),
        ]))
        ConsoleReducer.reduce(&state, .runFinished(id: launch.id, exitStatus: 0, signaled: false, at: state.now))
        #expect(state.lastSuccessfulDryRun?.plan == PlanSummary(toAdd: 2, toChange: 1))
        _ = try ConsoleFixture.openCommitDialog(&state)
        #expect(ConsoleView.render(state).text.contains("Plan:     2 to add, 1 to change, 0 to destroy"))
        guard case .commitDialog(let dialog)? = state.overlay else {
            Issue.record("no dialog")
            return
        }
        let body = dialog.dialog.body.map(\.plainText).joined(separator: "\n")
        #expect(!body.contains("9 to add"), "the text of a record is not the plan: \(body)")
    }

    @Test("Inspector: n/N after / jump to the focused side's next and previous match, wrapping; the other side follows")
    func inspectorMatches() throws {
        var (state, _) = try inspecting()
        #expect(ConsoleReducer.reduce(&state, .key(.char("n"))).isEmpty)
        #expect(state.flash?.text.contains("/ first") == true)
        ConsoleReducer.reduce(&state, .key(.char("/")))
        _ = ConsoleFixture.type("bucket", into: &state)
        ConsoleReducer.reduce(&state, .key(.enter))
        ConsoleReducer.reduce(&state, .key(.char("n")))
        #expect(state.inspector?.sourceCursor == 2, "Bucket: my-bucket")
        let document = try #require(state.inspector?.document)
        #expect(state.inspector?.loadedCursor == document.loadedLine(forSource: 2))
        ConsoleReducer.reduce(&state, .key(.char("n")))
        #expect(state.inspector?.sourceCursor == 3, "BucketRegion")
        ConsoleReducer.reduce(&state, .key(.char("n")))
        #expect(state.inspector?.sourceCursor == 2, "wraps around")
        ConsoleReducer.reduce(&state, .key(.char("N")))
        #expect(state.inspector?.sourceCursor == 3)
        state.inspector?.highlight = "nowhere"
        ConsoleReducer.reduce(&state, .key(.char("n")))
        #expect(state.flash?.text.contains("No match for “nowhere”") == true)
        #expect(state.inspector?.sourceCursor == 3)
    }

    @Test("Fanned-out ships need a target picked from the account index before running")
    func fanOutTarget() throws {
        let directory = try ConsoleFixture.directory()
        var state = ConsoleFixture.state(try ConsoleFixture.snapshot(in: directory))
        ConsoleFixture.inspecting(ConsoleFixture.accountPayload, state: &state, ship: "ConsoleAccountShip")
        #expect(RunFeature.dryRunReason(state)?.contains("Pick the account") == true)
        #expect(ConsoleReducer.reduce(&state, .key(.char("d"))).isEmpty)
        let inspector = state.inspector!
        #expect(inspector.fanOut.isLoading)
        ConsoleReducer.reduce(&state, .key(.char("f")))
        #expect(state.inspector?.tab == .fanOut)
        #expect(ConsoleView.render(state).text.contains("Loading the account index"))
        // Results: two accounts.
        ConsoleReducer.reduce(&state, .fanOutLoaded(requestID: inspector.requestID, .failure(ConsoleFailure("placeholder"))))
        #expect(ConsoleView.render(state).text.contains("✗ placeholder"))
        state.inspector!.fanOut.error = nil
        state.inspector!.fanOut.rows = [FanOutRow(accountId: "000000000001", accountName: "Alpha", region: nil),
                                        FanOutRow(accountId: "000000000002", accountName: "Beta", region: nil)]
        state.inspector!.fanOut.invocationCount = 2
        ConsoleReducer.reduce(&state, .key(.down))
        ConsoleReducer.reduce(&state, .key(.enter))
        #expect(state.inspector?.target == RunTarget(accountId: "000000000002", accountName: "Beta", region: nil))
        let screen = ConsoleView.render(state).text
        #expect(screen.contains("Target: 000000000002 (Beta)"))
        #expect(screen.contains("TARGET"))
        let effects = ConsoleReducer.reduce(&state, .key(.char("d")))
        guard case .startRun(let launch)? = effects.first else {
            Issue.record("\(effects) \(String(describing: state.flash))")
            return
        }
        #expect(launch.target?.accountId == "000000000002")
    }

    /// Picks the fan-out row of `account` and dry-runs it to `exitStatus`, the ship reporting `plan`.
    func dryRun(account: String, exitStatus: Int32, plan: PlanSummary?, _ state: inout AppState) throws {
        state.screens = [.fleet, .inspector]
        state.inspector!.tab = .fanOut
        state.inspector!.fanOut.list.selected = try #require(state.inspector!.fanOut.visibleRows.firstIndex { $0.accountId == account })
        ConsoleReducer.reduce(&state, .key(.enter))
        let launch = try startDryRun(&state)
        ConsoleReducer.reduce(&state, .runStarted(id: launch.id, fingerprint: try #require(RunFeature.currentFingerprint(state)),
                                                  logPath: "/tmp/l"))
        if let plan {
            let fields = plan.metadata.map { "\"\($0.key)\":\($0.value)" }.sorted().joined(separator: ",")
            ConsoleReducer.reduce(&state, .runOutput(id: launch.id, [RunLogRecord.parse(#"{"level":"info","message":"plan","#
                                                                                       + fields + "}")]))
        }
        ConsoleReducer.reduce(&state, .runFinished(id: launch.id, exitStatus: exitStatus, signaled: false, at: state.now))
        ConsoleReducer.reduce(&state, .key(.escape))
    }

    @Test("The fan-out table shows each target's last dry run as the gate sees it, its tags, and filters on them")
    func targetsTableOutcomes() throws {
        let directory = try ConsoleFixture.directory()
        var state = ConsoleFixture.state(try ConsoleFixture.snapshot(in: directory))
        let payload = ConsoleFixture.accountPayload
        ConsoleFixture.inspecting(payload, state: &state, ship: "ConsoleAccountShip")
        state.inspector!.fanOut.isLoading = false
        state.inspector!.fanOut.rows = [FanOutRow(accountId: "000000000001", accountName: "Alpha", region: nil, tags: "env=prod",
                                                  orgPath: "ROOT/Prod"),
                                        FanOutRow(accountId: "000000000002", accountName: "Beta", region: nil, tags: "env=dev"),
                                        FanOutRow(accountId: "000000000003", accountName: "Gamma", region: nil, tags: "")]
        try dryRun(account: "000000000001", exitStatus: 0, plan: PlanSummary(toAdd: 2, toChange: 1), &state)
        try dryRun(account: "000000000002", exitStatus: 3, plan: nil, &state)
        try dryRun(account: "000000000003", exitStatus: 0, plan: .noChanges, &state)
        #expect(state.screen == .inspector && state.inspector?.tab == .fanOut)
        let lines = ConsoleView.render(state).lines()
        func row(_ name: String) -> String { lines.first { $0.contains(name) && $0.contains("│") } ?? "" }
        #expect(row("Alpha").contains("env=prod") && row("Alpha").contains("✔ +2 ~1 -0") && row("Alpha").contains("ROOT/Prod"),
                "\(lines)")
        #expect(row("Beta").contains("✗ failed"), "\(lines)")
        #expect(row("Gamma").contains("✔ no changes"), "\(lines)")
        // "No changes" is nothing to commit.
        #expect(RunFeature.commitGateReason(state)?.contains("nothing to commit") == true)

        // A changed payload makes every earlier success stale.
        state.inspector!.document = ConsoleFixture.document(payload + "\n# edited", ship: ConsoleAccountShip.self)
        let edited = ConsoleView.render(state).lines()
        #expect(edited.first { $0.contains("Alpha") && $0.contains("│") }?.contains("stale") == true, "\(edited)")

        // / filters over every column, tags included.
        ConsoleReducer.reduce(&state, .key(.char("/")))
        _ = ConsoleFixture.type("env=dev", into: &state)
        #expect(state.inspector!.fanOut.visibleRows.map(\.accountName) == ["Beta"])
        state.inspector!.fanOut.list.setFilter("root/prod")
        #expect(state.inspector!.fanOut.visibleRows.map(\.accountName) == ["Alpha"], "the OU path column is filtered too")
    }

    // MARK: - Read-only

    @Test("Read-only mode removes commit entirely: no binding, no footer entry, no help line, no dialog")
    func readOnly() throws {
        var (state, _) = try inspecting(readOnly: true)
        ConsoleFixture.dryRun(&state)
        let registry = ConsoleBindings.registry(for: state)
        #expect(registry.binding(for: .commit) == nil)
        #expect(!registry.footerItems(for: ConsoleBindings.contexts(for: state)).contains { $0.label == "Commit" })
        #expect(!registry.helpLines(for: ConsoleBindings.run).contains { $0.contains("Commit") })
        #expect(ConsoleReducer.reduce(&state, .key(.char("C"))).isEmpty)
        #expect(state.overlay == nil)
        // Even a forged commit check opens nothing.
        ConsoleReducer.reduce(&state, .commitChecked(runID: "x", .success(state.lastSuccessfulDryRun!.fingerprint)))
        #expect(state.overlay == nil)
        let screen = ConsoleView.render(state)
        #expect(screen.line(0).contains("[R]"))
        #expect(!screen.line(39).contains("Commit"))
        #expect(state.flash?.text.contains("C commits") != true)
    }

    // MARK: - Runs

    @Test("x cancels a running job; the run ends as cancelled and is recorded")
    func cancel() throws {
        var (state, _) = try inspecting()
        let effects = ConsoleReducer.reduce(&state, .key(.char("d")))
        guard case .startRun(let launch)? = effects.first else {
            Issue.record("\(effects)")
            return
        }
        let fingerprint = RunFeature.currentFingerprint(state)!
        ConsoleReducer.reduce(&state, .runStarted(id: launch.id, fingerprint: fingerprint, logPath: "/tmp/run.log"))
        #expect(state.run?.status == .running)
        #expect(ConsoleReducer.reduce(&state, .key(.char("q"))).isEmpty)
        #expect(!state.shouldQuit)
        #expect(state.flash?.text.contains("A run is in progress") == true)
        #expect(ConsoleReducer.reduce(&state, .key(.char("x"))) == [.cancelRun(id: launch.id)])
        #expect(state.run?.status == .cancelling)
        let finished = ConsoleReducer.reduce(&state, .runFinished(id: launch.id, exitStatus: 130, signaled: false,
                                                                  at: state.now.addingTimeInterval(2)))
        #expect(state.run?.status == .cancelled(130))
        #expect(state.lastSuccessfulDryRun == nil)
        guard case .recordHistory(let record)? = finished.first else {
            Issue.record("\(finished)")
            return
        }
        #expect(record.exitStatus == 130)
        #expect(record.mode == .dryRun)
        #expect(record.ship == "ConsoleSingleShip")
        #expect(record.payloadSHA256 == launch.payloadSHA256)
        #expect(ConsoleView.render(state).text.contains("■ cancelled · exit 130"))
    }

    @Test("Cancelling a commit asks first; then SIGTERM and wait; a forced SIGKILL asks again, saying what may be half-done")
    func cancelCommit() throws {
        var (state, _) = try inspecting()
        ConsoleFixture.dryRun(&state)
        _ = try ConsoleFixture.openCommitDialog(&state)
        let commit = try ConsoleFixture.confirmCommit("ConsoleSingleShip", &state)
        ConsoleReducer.reduce(&state, .runStarted(id: commit.id, fingerprint: RunFeature.currentFingerprint(state)!, logPath: "/tmp/c.log"))
        // First x: a question, nothing is signalled.
        #expect(ConsoleReducer.reduce(&state, .key(.char("x"))).isEmpty)
        #expect(state.flash?.text.contains("Cancel the commit?") == true)
        #expect(state.run?.status == .running)
        // The question expires: x asks again.
        state.now = state.now.addingTimeInterval(CommitCancel.window + 1)
        #expect(ConsoleReducer.reduce(&state, .key(.char("x"))).isEmpty)
        // Second x in time: SIGTERM only (no automatic SIGKILL), and the run shows it is cancelling.
        #expect(ConsoleReducer.reduce(&state, .key(.char("x"))) == [.terminateRun(id: commit.id)])
        #expect(state.run?.status == .cancelling)
        #expect(state.isCommitting, "the red COMMIT state stays while the child runs")
        // Third x: asks before SIGKILL, naming the risk; fourth: kills.
        #expect(ConsoleReducer.reduce(&state, .key(.char("x"))).isEmpty)
        #expect(state.flash?.text.contains("half-done") == true)
        #expect(ConsoleReducer.reduce(&state, .key(.char("x"))) == [.killRun(id: commit.id)])
        ConsoleReducer.reduce(&state, .runFinished(id: commit.id, exitStatus: 9, signaled: true, at: state.now))
        #expect(state.run?.status == .cancelled(9))
        #expect(state.commitCancel == nil)
    }

    @Test("Resizing during a run with the dialog open keeps everything")
    func resizeKeepsState() throws {
        var (state, _) = try inspecting()
        ConsoleFixture.dryRun(&state)
        let effects = ConsoleReducer.reduce(&state, .key(.char("C")))
        guard case .checkCommit(let launch)? = effects.first else {
            Issue.record("no commit check: \(effects) \(String(describing: state.flash))")
            return
        }
        ConsoleReducer.reduce(&state, .commitChecked(runID: launch.id, .success(state.lastSuccessfulDryRun!.fingerprint)))
        _ = ConsoleFixture.type("Console", into: &state)
        for size in [Size(width: 80, height: 24), Size(width: 50, height: 10), Size(width: 200, height: 60)] {
            ConsoleReducer.reduce(&state, .resize(size))
            let screen = ConsoleView.render(state)
            #expect(screen.size == size)
            if TooSmallNotice.isTooSmall(size) {
                #expect(screen.text.contains("Terminal too small"))
            } else {
                #expect(screen.text.contains("Commit ConsoleSingleShip?"), "\(size)")
                #expect(screen.text.contains("> Console"))
            }
        }
        guard case .commitDialog(let dialog)? = state.overlay else {
            Issue.record("dialog lost")
            return
        }
        #expect(dialog.dialog.input?.text == "Console")
        #expect(state.screen == .run)
    }

    @Test("Log lines: time, level, message; multi-line messages continue indented; raw lines stay raw")
    func logLines() {
        let record = RunLogRecord.parse(#"{"time":"2026-11-29T10:00:00.123Z","level":"info","message":"first\nsecond"}"#)
        let lines = LogLine.lines(for: record)
        #expect(lines.map(\.text) == ["10:00:00.123 INFO  first", "                   second"])
        #expect(lines.allSatisfy { $0.level == .info })
        let raw = LogLine.lines(for: RunLogRecord.parse("Fatal error: boom"))
        #expect(raw == [LogLine("Fatal error: boom", level: nil)])
    }

    @Test("Run log lines parse the same through the fast path as through JSONSerialization")
    func logRecordParsing() throws {
        let lines = [
            #"{"time": "2026-11-29T10:00:00.000Z", "level": "warning", "message": "quote \" backslash \\ tab \t newline \n é \u00e9 🚀 \ud83d\ude80 slash \/", "ship": "X"}"#,
            #"{"level":"info","message":"compact"}"#,
            #"{"message": "no level"}"#,
            #"{"level": "info", "count": 3, "message": "a number elsewhere"}"#,
            #"{"level": "info"}"#,
            #"{"level": "info", "message": "truncated"#,
            "plain text",
        ]
        for line in lines {
            let record = RunLogRecord.parse(line)
            let object = (try? JSONSerialization.jsonObject(with: Data(line.utf8))) as? [String: Any]
            let message = object?["message"] as? String
            #expect(record.message == (message ?? line), "\(line)")
            #expect(record.level?.rawValue == (message == nil ? nil : object?["level"] as? String), "\(line)")
            #expect(record.time == (message == nil ? nil : object?["time"] as? String), "\(line)")
            #expect(record.raw == line)
        }
        #expect(RunLogRecord.parse(lines[0]).message.contains("🚀 🚀"))
    }

    // MARK: - Input and navigation

    @Test("/ filters the fleet live, Esc restores; : runs commands; Esc backs out of screens")
    func inputAndCommands() throws {
        let directory = try ConsoleFixture.directory()
        var state = ConsoleFixture.state(try ConsoleFixture.snapshot(in: directory))
        ConsoleReducer.reduce(&state, .key(.char("/")))
        _ = ConsoleFixture.type("disab", into: &state)
        #expect(state.fleet.visibleShips.map(\.name) == ["ConsoleDisabledShip"])
        #expect(ConsoleView.render(state).line(38).hasPrefix("/disab"))
        ConsoleReducer.reduce(&state, .key(.escape))
        #expect(state.input == nil)
        #expect(state.fleet.list.filter.isEmpty)
        ConsoleReducer.reduce(&state, .key(.char("/")))
        _ = ConsoleFixture.type("account", into: &state)
        ConsoleReducer.reduce(&state, .key(.enter))
        #expect(state.fleet.list.filter == "account")
        #expect(state.fleet.visibleShips.map(\.name) == ["ConsoleAccountShip"])
        ConsoleReducer.reduce(&state, .key(.escape))
        #expect(state.fleet.list.filter.isEmpty)

        ConsoleReducer.reduce(&state, .key(.char(":")))
        _ = ConsoleFixture.type("theme mono", into: &state)
        #expect(ConsoleReducer.reduce(&state, .key(.enter)) == [.loadTheme("mono")])
        ConsoleReducer.reduce(&state, .themeLoaded(Theme.builtinMono, warnings: []))
        #expect(state.theme.name == "mono")

        ConsoleReducer.reduce(&state, .key(.char(":")))
        _ = ConsoleFixture.type("bogus", into: &state)
        ConsoleReducer.reduce(&state, .key(.enter))
        #expect(state.flash?.kind == .error)
        #expect(state.flash?.text.contains("Unknown command :bogus") == true)

        ConsoleReducer.reduce(&state, .key(.char(":")))
        _ = ConsoleFixture.type("reload", into: &state)
        #expect(ConsoleReducer.reduce(&state, .key(.enter)) == [.loadConfiguration])

        #expect(ConsoleReducer.reduce(&state, .key(.ctrl("l"))) == [.redraw])

        // Open the picker, then back out with Esc.
        state.fleet.list.selected = 0
        let effects = ConsoleReducer.reduce(&state, .key(.enter))
        #expect(effects == [.listLocal(generation: state.picker!.generation, directory: "/payloads",
                                       preferSubdirectory: "ConsoleSingleShip")])
        #expect(state.screen == .picker)
        ConsoleReducer.reduce(&state, .key(.escape))
        #expect(state.screen == .fleet)
        ConsoleReducer.reduce(&state, .key(.escape))
        #expect(state.screen == .fleet)
        ConsoleReducer.reduce(&state, .key(.char(":")))
        _ = ConsoleFixture.type("q", into: &state)
        ConsoleReducer.reduce(&state, .key(.enter))
        #expect(state.shouldQuit)
    }

    // MARK: - Payload picker

    /// Enter on the ship named `ship` in the fleet: the picker's first listing.
    func openPicker(_ ship: String, _ state: inout AppState) -> [Effect] {
        state.screens = [.fleet]
        state.fleet.list.selected = state.fleet.visibleShips.firstIndex { $0.name == ship } ?? 0
        return ConsoleReducer.reduce(&state, .key(.enter))
    }

    @Test("Each ship's picker starts in DIR/<ShipName>/ when it exists, not in the previous ship's directory")
    func pickerStartsInTheShipsDirectory() throws {
        let directory = try ConsoleFixture.directory()
        var state = ConsoleFixture.state(try ConsoleFixture.snapshot(in: directory))
        let first = openPicker("ConsoleSingleShip", &state)
        #expect(first == [.listLocal(generation: state.picker!.generation, directory: "/payloads",
                                     preferSubdirectory: "ConsoleSingleShip")])
        // The services found /payloads/ConsoleSingleShip and listed it.
        let listed = ConsoleReducer.reduce(&state, .pickerListed(generation: state.picker!.generation,
                                                                  directory: "/payloads/ConsoleSingleShip", .success([])))
        #expect(state.picker?.directory == "/payloads/ConsoleSingleShip")
        #expect(listed.contains(.rememberPayloadDirectory("/payloads")), "the root is remembered, not the ship's directory")

        let second = openPicker("ConsoleAccountShip", &state)
        #expect(second == [.listLocal(generation: state.picker!.generation, directory: "/payloads",
                                      preferSubdirectory: "ConsoleAccountShip")])

        // With --payloads, every ship starts from that root whatever the previous picker browsed.
        state.payloadRoot = "/root"
        ConsoleReducer.reduce(&state, .pickerListed(generation: state.picker!.generation, directory: "/elsewhere",
                                                    .success([])))
        #expect(state.payloadDirectory == "/elsewhere")
        let third = openPicker("ConsoleSingleShip", &state)
        #expect(third == [.listLocal(generation: state.picker!.generation, directory: "/root",
                                     preferSubdirectory: "ConsoleSingleShip")])
    }
}
