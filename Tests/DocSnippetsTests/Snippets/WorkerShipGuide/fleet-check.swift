import Starfleet
import Testing

/// An ACCOUNT ship whose payload template forgets the base its strategy needs.
struct ForgetfulGuideShip: WorkerShip {
    static let fanOutStrategy: FanOutStrategy = .account
    static let payloadTemplate = PayloadTemplates.workerShipPayloadBase.extending("ForgetfulGuideShipPayloadTemplate")

    let payload: Payload

    init(payload: Payload) {
        self.payload = payload
    }

    func execute(commit: Bool, context: ShipContext) async throws {}
}

@Test func fleetCheckNamesTheShipToFix() {
    #expect(FleetCheck(fleet: [RegionBaselineShip.self, HelloGuideShip.self]).problems.isEmpty)
    let check = FleetCheck(fleet: [RegionBaselineShip.self, ForgetfulGuideShip.self])
    #expect(check.problems.map(\.ship) == ["ForgetfulGuideShip"])
}
