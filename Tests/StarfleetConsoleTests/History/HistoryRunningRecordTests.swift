import Foundation
import Starfleet
import Testing
@testable import StarfleetConsole
@testable import StarfleetTUI

/// A run writes its own history record: "running" (no exit status) when it starts, final when it
/// ends. The History view shows which one it has, and `r` reads the file again.
@Suite("History: runs still in progress")
struct HistoryRunningRecordTests {
    static func record(exitStatus: Int32?) -> RunHistoryRecord {
        RunHistoryRecord(id: "r1", ship: "ConsoleAccountShip", payloadPath: "commit.yaml", payloadSHA256: "ab", mode: .commit,
                         accountId: "000000000001", region: nil, start: "2026-12-05T06:00:00.000Z",
                         end: exitStatus == nil ? nil : "2026-12-05T06:00:09.000Z", exitStatus: exitStatus, logPath: "/l/r1.log")
    }

    @Test("A run without its final record shows as running; after r reloads, its real exit status")
    func runningThenFinal() throws {
        let directory = try ConsoleFixture.directory()
        var state = ConsoleFixture.state(try ConsoleFixture.snapshot(in: directory))
        #expect(ConsoleReducer.reduce(&state, .key(.char("h"))).contains(.loadHistory))
        _ = ConsoleReducer.reduce(&state, .historyLoaded([Self.record(exitStatus: nil)]))
        var row = ConsoleView.render(state).lines().first { $0.contains("ConsoleAccountShip") } ?? ""
        #expect(row.contains("running"), "\(row)")

        #expect(ConsoleReducer.reduce(&state, .key(.char("r"))).contains(.loadHistory))
        _ = ConsoleReducer.reduce(&state, .historyLoaded([Self.record(exitStatus: 3)]))
        row = ConsoleView.render(state).lines().first { $0.contains("ConsoleAccountShip") } ?? ""
        #expect(!row.contains("running") && row.contains(" 3 "), "\(row)")
    }

    @Test("A run that ends replaces its row, or joins the list at the top, without reading the whole history again")
    func recordedRunJoinsTheList() throws {
        let directory = try ConsoleFixture.directory()
        var state = ConsoleFixture.state(try ConsoleFixture.snapshot(in: directory))
        _ = ConsoleReducer.reduce(&state, .key(.char("h")))
        _ = ConsoleReducer.reduce(&state, .historyLoaded([Self.record(exitStatus: nil)]))
        let effects = ConsoleReducer.reduce(&state, .historyRecorded(Self.record(exitStatus: 0)))
        #expect(effects.isEmpty)
        #expect(state.history.records.map(\.exitStatus) == [0])
        let other = RunHistoryRecord(id: "r2", ship: "ConsoleAccountShip", payloadPath: "commit.yaml", payloadSHA256: "ab",
                                     mode: .dryRun, accountId: "000000000002", region: nil, start: "2026-12-05T06:01:00.000Z",
                                     end: "2026-12-05T06:01:05.000Z", exitStatus: 1, logPath: "/l/r2.log")
        _ = ConsoleReducer.reduce(&state, .historyRecorded(other))
        #expect(state.history.records.map(\.id) == ["r2", "r1"])
    }
}
