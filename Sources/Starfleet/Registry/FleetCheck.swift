/// Start-up sanity checks of a fleet (the original raised these as plugin-loader errors).
public struct FleetCheck: Sendable {
    public struct Problem: Sendable, Hashable, CustomStringConvertible {
        public let ship: String
        public let message: String
        public var description: String { "\(ship): \(message)" }
    }

    public let problems: [Problem]

    public init(fleet: Fleet) {
        var problems: [Problem] = []
        var seen: Set<String> = []
        for ship in fleet.ships {
            let name = ship.name
            if !seen.insert(name).inserted {
                problems.append(Problem(ship: name, message: "more than one ship type is named \(name); give each ship a unique name"))
            }
            let required = ship.fanOutStrategy.requiredPayloadBase
            if !ship.payloadTemplate.lineage.contains(required) {
                problems.append(Problem(ship: name, message:
                    "its payload template \(ship.payloadTemplate.name) does not extend \(required), which the \(ship.fanOutStrategy.rawValue) fan-out strategy requires; build it with PayloadTemplates.…extending(…)"))
            }
            let base = WorkerShipConfigurationTemplate.base.name
            if !ship.configurationTemplate.lineage.contains(base) {
                problems.append(Problem(ship: name, message:
                    "its configuration template \(ship.configurationTemplate.name) does not extend \(base); build it with WorkerShipConfigurationTemplate.base.extending(…)"))
            }
        }
        self.problems = problems
    }

    public var isHealthy: Bool { problems.isEmpty }
}
