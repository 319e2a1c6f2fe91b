import Foundation
import Starfleet
import StarfleetSchema
import StarfleetTestSupport
import Testing
@testable import StarfleetConsole
@testable import StarfleetTUI

// 200 distinct ship types without 200 declarations: a type-level counter (S<S<…<Z>>>) gives each
// SyntheticShip<N> its own type, name and static templates.
protocol ShipNumber { static var value: Int { get } }
enum Zero: ShipNumber { static var value: Int { 0 } }
enum Next<N: ShipNumber>: ShipNumber { static var value: Int { N.value + 1 } }

struct SyntheticShip<N: ShipNumber>: WorkerShip {
    static var name: String { String(format: "SyntheticShip%03d", N.value) }
    static var fanOutStrategy: FanOutStrategy { [.singleInvocation, .account, .accountRegion][N.value % 3] }
    static var payloadTemplate: Schema {
        [PayloadTemplates.workerShipPayloadBase, PayloadTemplates.baseAccount, PayloadTemplates.baseAccountRegion][N.value % 3]
    }
    let payload: Payload
    init(payload: Payload) { self.payload = payload }
    func execute(commit: Bool, context: ShipContext) async throws {}
}

func syntheticShips<N: ShipNumber>(_ number: N.Type, count: Int) -> [any WorkerShip.Type] {
    count == 0 ? [] : [SyntheticShip<N>.self] + syntheticShips(Next<N>.self, count: count - 1)
}

@Suite("Console at scale")
struct ConsoleScaleTests {
    @Test("200 registered ships: configuration evaluated and the first fleet frame rendered quickly")
    func twoHundredShips() throws {
        let fleet = Fleet(syntheticShips(Zero.self, count: 200))
        #expect(Set(fleet.names).count == 200)
        let directory = try TemporaryDirectory(prefix: "starfleet-console-scale")
        var sections = ConsoleFixture.starfleetYAML
        for (index, name) in fleet.names.enumerated() where index % 10 != 9 {
            sections += ConsoleFixture.section(name, enabled: index % 4 != 0)
        }
        try directory.write(sections, to: "config/all.yaml")
        let clock = ContinuousClock()
        let start = clock.now
        let configuration = try ConfigurationLoader().load(directory: directory.path + "/config")
        let snapshot = FleetSnapshot.make(configuration: configuration, fleet: fleet, accountIndexFile: nil)
        var state = AppState(configurationDirectory: directory.path, payloadDirectory: "/", size: Size(width: 120, height: 40),
                             now: ConsoleFixture.now, theme: .default)
        ConsoleReducer.reduce(&state, .configurationLoaded(snapshot))
        let screen = ConsoleView.render(state)
        let elapsed = clock.now - start
        print("200 ships (debug build): load + evaluate + first frame in \(elapsed)")
        #expect(elapsed < .seconds(2))
        #expect(screen.text.contains("Fleet · 200 ships"))
        #expect(screen.text.contains("SyntheticShip000"))
        #expect(snapshot.ships.filter { $0.state == .notConfigured }.count == 20)
        #expect(snapshot.ships.filter { $0.state == .disabled }.count == 50)
        // Scrolling to the end keeps the selection on screen.
        ConsoleReducer.reduce(&state, .key(.end))
        #expect(ConsoleView.render(state).text.contains("SyntheticShip199"))
    }

    @Test("A configuration that cannot be read is a message on screen, not a crash; :reload retries")
    func unreadableConfiguration() throws {
        var state = AppState(configurationDirectory: "/nonexistent", payloadDirectory: "/", size: Size(width: 80, height: 24),
                             now: ConsoleFixture.now, theme: .default)
        ConsoleReducer.reduce(&state, .configurationFailed("/nonexistent: configuration directory not found"))
        let text = ConsoleView.render(state).text
        #expect(text.contains("✗ Cannot read the configuration"))
        #expect(text.contains("/nonexistent: configuration directory not found"))
        #expect(ConsoleReducer.reduce(&state, .key(.enter)).isEmpty)
        #expect(ConsoleReducer.reduce(&state, .key(.char("r"))) == [.loadConfiguration])
    }
}
