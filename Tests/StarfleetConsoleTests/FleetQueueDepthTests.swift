import Foundation
import Starfleet
import StarfleetTestSupport
import Testing
@testable import StarfleetConsole
import StarfleetTUI

/// The fleet view's queue depths through `reduce`: asked for on load (enabled ships with a queue
/// only), not again while a read is in flight, again every 15 s on the fleet screen only.
@Suite("Fleet queue depths")
struct FleetQueueDepthTests {
    @Test("loading the configuration asks for the enabled ships' queues, once while in flight")
    func loadAsksForEnabledQueues() throws {
        let directory = try ConsoleFixture.directory()
        let snapshot = try ConsoleFixture.snapshot(in: directory)
        var state = AppState(configurationDirectory: snapshot.directory, readOnly: false, payloadDirectory: "/payloads",
                             size: Size(width: 120, height: 40), now: ConsoleFixture.now, theme: .default)
        let effects = ConsoleReducer.reduce(&state, .configurationLoaded(snapshot))
        let expected = snapshot.ships.filter { $0.state == .enabled }.reduce(into: [String: String]()) { $0[$1.name] = $1.queueURL }
        #expect(expected.keys.contains("ConsoleSingleShip") && !expected.keys.contains("ConsoleDisabledShip"))
        #expect(effects == [.readQueueDepths(expected)])
        // Not again while the read is in flight, however much time passes.
        #expect(ConsoleReducer.reduce(&state, .tick(ConsoleFixture.now.addingTimeInterval(60))).isEmpty)
    }

    @Test("answers are shown; the next read comes 15 s after the last request, and only on the fleet screen")
    func depthsAreStoredAndRefreshed() throws {
        let directory = try ConsoleFixture.directory()
        var state = ConsoleFixture.state(try ConsoleFixture.snapshot(in: directory))
        let depth = QueueDepth(waiting: 3, inFlight: 1, deadLetters: 2)
        #expect(ConsoleReducer.reduce(&state, .queueDepthsRead(["ConsoleSingleShip": depth])).isEmpty)
        #expect(state.fleet.queueDepths == ["ConsoleSingleShip": depth])
        #expect(ConsoleReducer.reduce(&state, .tick(ConsoleFixture.now.addingTimeInterval(14))).isEmpty)
        let due = ConsoleReducer.reduce(&state, .tick(ConsoleFixture.now.addingTimeInterval(15)))
        #expect(due.count == 1)
        if case .readQueueDepths(let queues)? = due.first {
            #expect(queues["ConsoleSingleShip"] != nil)
        } else {
            Issue.record("expected a queue-depth read, got \(due)")
        }

        _ = ConsoleReducer.reduce(&state, .queueDepthsRead([:]))
        #expect(state.fleet.queueDepths.isEmpty)
        state.push(.history)
        #expect(ConsoleReducer.reduce(&state, .tick(ConsoleFixture.now.addingTimeInterval(60))).isEmpty,
                "no reads while another screen is shown")
    }

    @Test("the fleet table shows waiting (+in flight) and dead letters, - for an unread queue")
    func tableCells() {
        #expect(FleetView.queueCell(QueueDepth(waiting: 3, inFlight: 1, deadLetters: 2)).spans.map(\.text).joined() == "3 (+1)")
        #expect(FleetView.queueCell(QueueDepth(waiting: 5, inFlight: 0, deadLetters: nil)).spans.map(\.text).joined() == "5")
        #expect(FleetView.deadLetterCell(QueueDepth(waiting: 5, inFlight: 0, deadLetters: nil)).spans.map(\.text).joined() == "-")
        #expect(FleetView.deadLetterCell(QueueDepth(waiting: 0, inFlight: 0, deadLetters: 2)).spans.map(\.text).joined() == "2")
        #expect(FleetView.queueCell(nil).spans.map(\.text).joined() == "-")
    }
}
