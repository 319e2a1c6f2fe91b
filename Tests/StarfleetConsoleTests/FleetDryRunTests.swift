import Foundation
import Starfleet
import StarfleetTestSupport
import Testing
@testable import StarfleetConsole
@testable import StarfleetTUI

/// Marks on the fan-out tab and the fleet dry run of the marked targets, through `reduce`.
@Suite("Fleet dry run")
struct FleetDryRunTests {
    /// ConsoleAccountShip's payload open on the fan-out tab with `count` accounts.
    func fanOut(_ count: Int, concurrency: Int = 4) throws -> (AppState, TemporaryDirectory) {
        let directory = try ConsoleFixture.directory()
        var state = ConsoleFixture.state(try ConsoleFixture.snapshot(in: directory))
        ConsoleFixture.inspecting(ConsoleFixture.accountPayload, state: &state, ship: "ConsoleAccountShip")
        state.inspector!.fanOut.isLoading = false
        state.inspector!.fanOut.rows = (1...count).map {
            FanOutRow(accountId: String(format: "%012d", $0), accountName: "Account-\($0)", region: nil,
                      tags: $0 % 2 == 0 ? "env=prod" : "env=dev")
        }
        state.fleetConcurrency = concurrency
        ConsoleReducer.reduce(&state, .key(.char("f")))
        return (state, directory)
    }

    static func started(_ effects: [Effect]) -> [RunLaunch] {
        effects.compactMap { if case .startRun(let launch) = $0 { return launch } else { return nil } }
    }

    @Test("Space marks and moves on; a/i act on the targets shown; marks survive filter changes; u clears")
    func marks() throws {
        var (state, _) = try fanOut(6)
        ConsoleReducer.reduce(&state, .key(.char(" ")))
        ConsoleReducer.reduce(&state, .key(.char(" ")))
        #expect(state.inspector!.fanOut.marked == ["000000000001/", "000000000002/"])
        #expect(state.inspector!.fanOut.list.selected == 2)
        ConsoleReducer.reduce(&state, .key(.char("/")))
        _ = ConsoleFixture.type("env=prod", into: &state)
        ConsoleReducer.reduce(&state, .key(.enter))
        ConsoleReducer.reduce(&state, .key(.char("i")))
        // The shown (even) accounts are inverted: 2 unmarked, 4 and 6 marked; 1 (hidden) keeps its mark.
        #expect(state.inspector!.fanOut.marked == ["000000000001/", "000000000004/", "000000000006/"])
        ConsoleReducer.reduce(&state, .key(.escape))
        #expect(state.inspector!.fanOut.list.filter.isEmpty)
        #expect(state.inspector!.fanOut.marked.count == 3)
        let screen = ConsoleView.render(state)
        #expect(screen.text.contains("3 marked"))
        #expect(screen.lines().first { $0.contains("000000000004") }?.contains("●") == true)
        ConsoleReducer.reduce(&state, .key(.char("a")))
        #expect(state.inspector!.fanOut.marked.count == 6)
        ConsoleReducer.reduce(&state, .key(.char("u")))
        #expect(state.inspector!.fanOut.marked.isEmpty)
    }

    @Test("d dry-runs every marked target, at most N at a time; each ends in the gate and the history; totals add up")
    func boundedConcurrency() throws {
        var (state, _) = try fanOut(6, concurrency: 4)
        ConsoleReducer.reduce(&state, .key(.char("a")))
        let first = Self.started(ConsoleReducer.reduce(&state, .key(.char("d"))))
        #expect(first.count == 4, "bounded by the concurrency")
        #expect(first.allSatisfy { $0.mode == .dryRun })
        #expect(Set(first.compactMap(\.target?.accountId)).count == 4)
        #expect(state.isRunActive)
        #expect(state.fleetRun?.queuedCount == 2)
        // A second d while it runs starts nothing.
        #expect(Self.started(ConsoleReducer.reduce(&state, .key(.char("d")))).isEmpty)

        func run(_ launch: RunLaunch, exit: Int32, plan: PlanSummary?) -> [Effect] {
            let fingerprint = RunFeature.fingerprint(state, accountId: launch.target?.accountId, region: nil)!
            ConsoleReducer.reduce(&state, .runStarted(id: launch.id, fingerprint: fingerprint, logPath: "/tmp/\(launch.id).log"))
            if let plan {
                ConsoleReducer.reduce(&state, .runOutput(id: launch.id, [RunLogRecord(level: .info, message: "plan", time: nil,
                                                                                       raw: "", plan: plan)]))
            }
            return ConsoleReducer.reduce(&state, .runFinished(id: launch.id, exitStatus: exit, signaled: false, at: state.now))
        }
        let afterFirst = run(first[0], exit: 0, plan: PlanSummary(toAdd: 1))
        #expect(afterFirst.contains { if case .recordHistory(let record) = $0 { return record.id == first[0].id } else { return false } })
        let next = Self.started(afterFirst)
        #expect(next.count == 1, "one finished, one more starts")
        _ = run(first[1], exit: 3, plan: nil)
        _ = run(first[2], exit: 0, plan: .noChanges)
        _ = run(first[3], exit: 0, plan: PlanSummary(toAdd: 1, toChange: 2))
        // The two queued targets started as others finished.
        var late = 0
        while let launch = state.fleetRun!.items.first(where: { $0.status == .starting })?.launch {
            _ = run(launch, exit: 0, plan: PlanSummary(toDestroy: 1))
            late += 1
        }
        #expect(late == 2)

        let fleet = try #require(state.fleetRun)
        #expect(!fleet.isActive && !state.isRunActive)
        #expect(fleet.doneCount == 6)
        #expect(fleet.failures.map(\.launch.id) == [first[1].id])
        #expect(fleet.totals == PlanSummary(toAdd: 2, toChange: 2, toDestroy: 2))
        #expect(fleet.summary.contains("6/6 done") && fleet.summary.contains("1 failed") && fleet.summary.contains("+2 ~2 -2"))
        #expect(fleet.summary.contains("✗ 000000000002"), "failures are named: \(fleet.summary)")
        // The gate holds each target's own outcome; the table shows them.
        let statuses = (1...6).map { account in
            state.commitGate.status(of: RunFeature.fingerprint(state, accountId: String(format: "%012d", account), region: nil)!,
                                    now: state.now)
        }
        #expect(statuses[1] == .failed)
        #expect(statuses[0] == .ready(PlanSummary(toAdd: 1)))
        #expect(statuses[2] == .ready(.noChanges))
        let screen = ConsoleView.render(state).text
        #expect(screen.contains("Fleet dry run · 6/6 done"))
        // L opens a finished target's saved log.
        state.inspector!.fanOut.list.selected = 1
        let opened = ConsoleReducer.reduce(&state, .key(.char("L")))
        #expect(opened.contains(.openHistoryLog(requestID: state.historyLog!.requestID, path: "/tmp/\(first[1].id).log")))
        #expect(state.screen == .historyLog)
    }

    @Test("x cancels: queued targets never start and count as cancelled, running ones get SIGTERM; q waits")
    func cancel() throws {
        var (state, _) = try fanOut(5, concurrency: 2)
        ConsoleReducer.reduce(&state, .key(.char("a")))
        let first = Self.started(ConsoleReducer.reduce(&state, .key(.char("d"))))
        #expect(first.count == 2)
        #expect(ConsoleReducer.reduce(&state, .key(.char("q"))).isEmpty)
        #expect(!state.shouldQuit)
        let effects = ConsoleReducer.reduce(&state, .key(.char("x")))
        let cancelled = effects.compactMap { if case .cancelRun(let id) = $0 { return id } else { return nil } }
        #expect(cancelled.sorted() == first.map(\.id).sorted())
        #expect(state.fleetRun?.items.filter { $0.status == .cancelled(0) }.count == 3)
        for launch in first {
            let after = ConsoleReducer.reduce(&state, .runFinished(id: launch.id, exitStatus: 15, signaled: true, at: state.now))
            #expect(Self.started(after).isEmpty, "nothing starts after a cancel")
        }
        #expect(state.fleetRun?.isActive == false)
        let statuses = state.fleetRun!.items.map { item in
            state.commitGate.status(of: RunFeature.fingerprint(state, accountId: item.launch.target?.accountId, region: nil)!,
                                    now: state.now)
        }
        #expect(statuses.allSatisfy { $0 == .cancelled })
    }

    /// Dry-runs every row (marked) and ends each with `outcomes[i]` (exit status, plan).
    func dryRunAll(_ state: inout AppState, _ outcomes: [(Int32, PlanSummary?)]) {
        ConsoleReducer.reduce(&state, .key(.char("a")))
        _ = ConsoleReducer.reduce(&state, .key(.char("d")))
        var index = 0
        while let launch = state.fleetRun?.items.first(where: { $0.status == .starting })?.launch {
            let (exit, plan) = outcomes[index]
            index += 1
            let fingerprint = RunFeature.fingerprint(state, accountId: launch.target?.accountId, region: nil)!
            ConsoleReducer.reduce(&state, .runStarted(id: launch.id, fingerprint: fingerprint, logPath: "/tmp/\(launch.id).log"))
            if let plan {
                ConsoleReducer.reduce(&state, .runOutput(id: launch.id, [RunLogRecord(level: .info, message: "p", time: nil, raw: "", plan: plan)]))
            }
            ConsoleReducer.reduce(&state, .runFinished(id: launch.id, exitStatus: exit, signaled: false, at: state.now))
        }
    }

    @Test("C with marks: one refused target refuses the commit, naming it; no changes are skipped; the phrase names the count")
    func fleetCommit() throws {
        var (state, _) = try fanOut(4, concurrency: 4)
        dryRunAll(&state, [(0, PlanSummary(toAdd: 1)), (3, nil), (0, .noChanges), (0, PlanSummary(toChange: 2))])
        #expect(RunFeature.commitGateReason(state)?.contains("1 of 4 marked targets cannot be committed; 000000000002") == true)
        // Unmark the failed one: 3 marked, 2 with changes.
        state.inspector!.fanOut.marked.remove("000000000002/")
        #expect(RunFeature.commitGateReason(state) == nil)
        let effects = ConsoleReducer.reduce(&state, .key(.char("C")))
        guard case .checkCommit(let check)? = effects.first else {
            Issue.record("\(effects) \(String(describing: state.flash))")
            return
        }
        ConsoleReducer.reduce(&state, .commitChecked(runID: check.id, .success(try #require(RunFeature.fingerprint(
            state, accountId: check.target?.accountId, region: nil)))))
        guard case .commitDialog(let dialog)? = state.overlay else {
            Issue.record("no dialog: \(String(describing: state.flash))")
            return
        }
        #expect(dialog.phrase == "ConsoleAccountShip 2")
        #expect(dialog.fleet.compactMap(\.target?.accountId) == ["000000000001", "000000000004"])
        #expect(dialog.dialog.focusedButton == 0)
        let text = ConsoleView.render(state).text
        #expect(text.contains("Commit ConsoleAccountShip to 2 targets?"))
        #expect(text.contains("Skipped:  1 with no changes"))
        #expect(text.contains("Plan:     1 to add, 2 to change, 0 to destroy (in total)"))
        #expect(text.contains("Type ConsoleAccountShip 2 to confirm"))
        #expect(text.contains("stops at the first failure"))

        // The third button switches stop-on-first-failure (and back).
        ConsoleReducer.reduce(&state, .key(.tab))
        ConsoleReducer.reduce(&state, .key(.tab))
        #expect(ConsoleReducer.reduce(&state, .key(.enter)).isEmpty)
        let toggled = ConsoleView.render(state).text
        #expect(toggled.contains("goes on after a failure") && toggled.contains("Stop on failure: off"))
        ConsoleReducer.reduce(&state, .key(.enter))
        #expect(ConsoleView.render(state).text.contains("Stop on failure: on"))
        ConsoleReducer.reduce(&state, .key(.backTab))
        ConsoleReducer.reduce(&state, .key(.backTab))

        // The ship's name alone is not the phrase.
        _ = ConsoleFixture.type("ConsoleAccountShip", into: &state)
        ConsoleReducer.reduce(&state, .key(.tab))
        #expect(ConsoleReducer.reduce(&state, .key(.enter)).isEmpty)
        #expect(ConsoleView.render(state).text.contains("is not ConsoleAccountShip 2"))
        ConsoleReducer.reduce(&state, .key(.backTab))
        _ = ConsoleFixture.type(" 2", into: &state)
        ConsoleReducer.reduce(&state, .key(.tab))
        let started = Self.started(ConsoleReducer.reduce(&state, .key(.enter)))
        #expect(started.count == 1, "one target at a time")
        #expect(started.first?.mode == .commit)
        #expect(started.first?.expectedConfigurationDigest == state.fleet.snapshot!.configurationDigest)
        #expect(state.isCommitting)
        #expect(ConsoleView.render(state).line(0).contains("COMMIT"))
        // The dry runs are spent.
        #expect(state.commitGate.status(of: RunFeature.fingerprint(state, accountId: "000000000001", region: nil)!, now: state.now) == .notRun)

        // The first commit fails: the second never starts.
        let launch = try #require(started.first)
        ConsoleReducer.reduce(&state, .runStarted(id: launch.id, fingerprint: RunFeature.fingerprint(state, accountId: "000000000001", region: nil)!,
                                                  logPath: "/tmp/c.log"))
        let after = ConsoleReducer.reduce(&state, .runFinished(id: launch.id, exitStatus: 3, signaled: false, at: state.now))
        #expect(Self.started(after).isEmpty, "stop on the first failure")
        #expect(state.fleetRun?.items.last?.status == .cancelled(0))
        #expect(!state.isCommitting)
        #expect(state.fleetRun?.summary.contains("Fleet commit") == true)
    }
}
