import Starfleet

/// A ship whose name is not its type name: its configuration section is `LegacyInventoryShip:`
/// and operators type `starfleet run LegacyInventoryShip …`.
struct RenamedGuideShip: WorkerShip {
    static let name = "LegacyInventoryShip"

    let payload: Payload

    init(payload: Payload) {
        self.payload = payload
    }

    func execute(commit: Bool, context: ShipContext) async throws {
        context.logger.info("[📦] \(Self.name) has nothing to do yet")
    }
}
