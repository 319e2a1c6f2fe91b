import Starfleet
import StarfleetSchema

/// Minimal ships for registry and fleet tests; their names are their type names.
struct TestingStarfleetWorkerPlugin: WorkerShip {
    let payload: Payload
    init(payload: Payload) { self.payload = payload }
    func execute(commit: Bool, context: ShipContext) async throws {}
}

struct TestingStarfleetWorkerPluginTwo: WorkerShip {
    let payload: Payload
    init(payload: Payload) { self.payload = payload }
    func execute(commit: Bool, context: ShipContext) async throws {}
}

struct TestingStarfleetWorkerPluginThree: WorkerShip {
    let payload: Payload
    init(payload: Payload) { self.payload = payload }
    func execute(commit: Bool, context: ShipContext) async throws {}
}

/// A ship nobody configured.
struct UnconfiguredShip: WorkerShip {
    let payload: Payload
    init(payload: Payload) { self.payload = payload }
    func execute(commit: Bool, context: ShipContext) async throws {}
}

/// A ship whose configuration adds a required key (like the account index generator).
struct ExtendedConfigShip: WorkerShip {
    static let configurationTemplate = WorkerShipConfigurationTemplate.base.extending("ExtendedConfigTemplate", fields: [
        .string("org_account_id", key: "OrgAccountId", required: true),
    ])
    let payload: Payload
    init(payload: Payload) { self.payload = payload }
    func execute(commit: Bool, context: ShipContext) async throws {}
}

/// A well-formed ACCOUNT_REGION ship.
struct RegionalShip: WorkerShip {
    static let fanOutStrategy = FanOutStrategy.accountRegion
    static let payloadTemplate = PayloadTemplates.baseAccountRegion.extending("RegionalShipPayloadTemplate", fields: [
        .string("role", key: "Role", required: true),
    ])
    let payload: Payload
    init(payload: Payload) { self.payload = payload }
    func execute(commit: Bool, context: ShipContext) async throws {}
}

/// Two different types claiming the same name.
struct NamedTwiceA: WorkerShip {
    static let name = "SameName"
    let payload: Payload
    init(payload: Payload) { self.payload = payload }
    func execute(commit: Bool, context: ShipContext) async throws {}
}

struct NamedTwiceB: WorkerShip {
    static let name = "SameName"
    let payload: Payload
    init(payload: Payload) { self.payload = payload }
    func execute(commit: Bool, context: ShipContext) async throws {}
}

/// An ACCOUNT ship whose payload template is only the base template.
struct AccountShipWithBaseTemplate: WorkerShip {
    static let fanOutStrategy = FanOutStrategy.account
    let payload: Payload
    init(payload: Payload) { self.payload = payload }
    func execute(commit: Bool, context: ShipContext) async throws {}
}

/// An ACCOUNT_REGION ship whose payload template is only the account template.
struct RegionShipWithAccountTemplate: WorkerShip {
    static let fanOutStrategy = FanOutStrategy.accountRegion
    static let payloadTemplate = PayloadTemplates.baseAccount
    let payload: Payload
    init(payload: Payload) { self.payload = payload }
    func execute(commit: Bool, context: ShipContext) async throws {}
}

/// A ship whose configuration template does not extend the base.
struct HomeMadeConfigShip: WorkerShip {
    static let configurationTemplate = Schema(name: "HomeMadeConfigTemplate", fields: [
        .boolean("enabled", key: "Enabled", required: true),
    ], unknownKeys: .include)
    let payload: Payload
    init(payload: Payload) { self.payload = payload }
    func execute(commit: Bool, context: ShipContext) async throws {}
}

let testFleet: Fleet = [TestingStarfleetWorkerPlugin.self, TestingStarfleetWorkerPluginTwo.self, TestingStarfleetWorkerPluginThree.self]
