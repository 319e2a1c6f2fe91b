import Starfleet

struct TypeRuleGuideShip: WorkerShip {
    // Correct ✅: a static property. The registry reads it from the type; no ship is created.
    static let payloadTemplate = PayloadTemplates.workerShipPayloadBase.extending("TypeRuleGuideShipPayloadTemplate")

    let payload: Payload

    init(payload: Payload) {
        self.payload = payload
    }

    func execute(commit: Bool, context: ShipContext) async throws {}
}

// Correct ✅: a fleet lists types (`.self`), not ships.
let typeRuleGuideFleet: Fleet = [TypeRuleGuideShip.self, RegionBaselineShip.self]
