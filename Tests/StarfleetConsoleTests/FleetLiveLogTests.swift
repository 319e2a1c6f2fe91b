import Foundation
import Starfleet
import StarfleetTestSupport
import Testing
@testable import StarfleetConsole
@testable import StarfleetTUI

/// A fleet target's log while it runs: `L` opens its newest lines and follows new ones live,
/// each target's memory is bounded, the saved file replaces the live view when it ends; the
/// summary lists failed targets first.
@Suite("Fleet live target log")
struct FleetLiveLogTests {
    func fanOut(_ count: Int, concurrency: Int) throws -> (AppState, TemporaryDirectory) {
        let directory = try ConsoleFixture.directory()
        var state = ConsoleFixture.state(try ConsoleFixture.snapshot(in: directory))
        ConsoleFixture.inspecting(ConsoleFixture.accountPayload, state: &state, ship: "ConsoleAccountShip")
        state.inspector?.fanOut.isLoading = false
        state.inspector?.fanOut.rows = (1...count).map {
            FanOutRow(accountId: String(format: "%012d", $0), accountName: "Account-\($0)", region: nil)
        }
        state.fleetConcurrency = concurrency
        ConsoleReducer.reduce(&state, .key(.char("f")))
        ConsoleReducer.reduce(&state, .key(.char("a")))
        return (state, directory)
    }

    static func started(_ effects: [Effect]) -> [RunLaunch] {
        effects.compactMap { if case .startRun(let launch) = $0 { return launch } else { return nil } }
    }

    static func record(_ message: String, level: String = "info") -> RunLogRecord {
        RunLogRecord.parse(#"{"time":"2026-11-29T10:00:00.123Z","level":"\#(level)","message":"\#(message)"}"#)
    }

    func start(_ launch: RunLaunch, _ state: inout AppState) {
        let fingerprint = RunFeature.fingerprint(state, accountId: launch.target?.accountId, region: nil)
        if let fingerprint {
            ConsoleReducer.reduce(&state, .runStarted(id: launch.id, fingerprint: fingerprint, logPath: "/tmp/\(launch.id).log"))
        }
    }

    @Test("L on a running target opens its lines so far and follows new ones; the end swaps in the saved file")
    func liveLog() throws {
        var (state, _) = try fanOut(3, concurrency: 2)
        let launches = Self.started(ConsoleReducer.reduce(&state, .key(.char("d"))))
        #expect(launches.count == 2)
        for launch in launches { start(launch, &state) }
        ConsoleReducer.reduce(&state, .runOutput(id: launches[0].id, [Self.record("first step of account one")]))
        ConsoleReducer.reduce(&state, .runOutput(id: launches[1].id, [Self.record("account two works")]))
        // The selected row is account 1 (the first): L while it runs.
        state.inspector?.fanOut.list.selected = 0
        #expect(ConsoleReducer.reduce(&state, .key(.char("L"))).isEmpty, "nothing to read from disk yet")
        #expect(state.screen == .historyLog)
        #expect(state.historyLog?.liveRunID == launches[0].id)
        var text = ConsoleView.render(state).text
        #expect(text.contains("first step of account one") && !text.contains("account two works"), "\(text)")
        #expect(text.contains("● running, live"))
        // New lines of that target appear as they come; other targets' lines do not.
        ConsoleReducer.reduce(&state, .runOutput(id: launches[0].id, [Self.record("second step", level: "warning")]))
        ConsoleReducer.reduce(&state, .runOutput(id: launches[1].id, [Self.record("account two again")]))
        text = ConsoleView.render(state).text
        #expect(text.contains("second step") && !text.contains("account two again"), "\(text)")
        // It ends: the live view becomes the saved file (read again in full).
        let effects = ConsoleReducer.reduce(&state, .runFinished(id: launches[0].id, exitStatus: 0, signaled: false, at: state.now))
        let requestID = try #require(state.historyLog?.requestID)
        #expect(effects.contains(.openHistoryLog(requestID: requestID, path: "/tmp/\(launches[0].id).log")))
        #expect(state.historyLog?.liveRunID == nil)
        ConsoleReducer.reduce(&state, .historyLogLoaded(requestID: requestID, .success(HistoryLogContents(
            lines: [LogLine("from the file 1"), LogLine("from the file 2")], totalLines: 2))))
        text = ConsoleView.render(state).text
        #expect(text.contains("from the file 2") && !text.contains("second step"), "replaced, not appended:\n\(text)")
        #expect(text.contains("exit 0"))
    }

    @Test("L on a queued target says it has not started; each target keeps only its newest lines in memory")
    func queuedAndBounded() throws {
        var (state, _) = try fanOut(3, concurrency: 1)
        let launches = Self.started(ConsoleReducer.reduce(&state, .key(.char("d"))))
        start(launches[0], &state)
        state.inspector?.fanOut.list.selected = 2
        #expect(ConsoleReducer.reduce(&state, .key(.char("L"))).isEmpty)
        #expect(state.screen == .inspector)
        #expect(state.flash?.text.contains("queued") == true)
        let batch = (0..<500).map { Self.record("line \($0)") }
        for _ in 0..<10 { ConsoleReducer.reduce(&state, .runOutput(id: launches[0].id, batch)) }
        let item = try #require(state.fleetRun?.items[0])
        #expect(item.lineCount == 5_000)
        #expect(item.log.lineCount == FleetRunState.targetLogCapacity, "bounded: the saved file has the rest")
    }

    @Test("The summary lists failed targets first, then the running ones, with their outcome")
    func failuresFirst() throws {
        var (state, _) = try fanOut(4, concurrency: 4)
        let launches = Self.started(ConsoleReducer.reduce(&state, .key(.char("d"))))
        #expect(launches.count == 4)
        for launch in launches { start(launch, &state) }
        ConsoleReducer.reduce(&state, .runFinished(id: launches[0].id, exitStatus: 0, signaled: false, at: state.now))
        ConsoleReducer.reduce(&state, .runFinished(id: launches[3].id, exitStatus: 2, signaled: false, at: state.now))
        let fleet = try #require(state.fleetRun)
        #expect(fleet.summaryItems.map(\.launch.id) == [launches[3].id, launches[1].id, launches[2].id, launches[0].id])
        let lines = ConsoleView.render(state).lines()
        let failed = try #require(lines.firstIndex { $0.contains("✗ 000000000004") && $0.contains("failed · exit 2") }, "\(lines)")
        let running = try #require(lines.firstIndex { $0.contains("● 000000000002") && $0.contains("running") }, "\(lines)")
        #expect(failed < running, "failures first")
        #expect(lines.contains { $0.contains("● 000000000003") })
    }
}
