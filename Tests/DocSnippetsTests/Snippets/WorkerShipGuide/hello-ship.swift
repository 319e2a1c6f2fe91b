import Starfleet

/// The smallest ship there is: every static property keeps its default.
struct HelloGuideShip: WorkerShip {
    let payload: Payload

    init(payload: Payload) {
        self.payload = payload
    }

    func execute(commit: Bool, context: ShipContext) async throws {
        context.logger.info("[👋] \(Self.name) received template \(payload.string("template_name") ?? "?")")
    }
}
