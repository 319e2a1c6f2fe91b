import StarfleetSchema

/// Every ship of a fleet evaluated against a configuration: enabled, disabled, not
/// configured, or invalid (with its error tree). The original silently skipped the last three.
public struct ShipRegistry: Sendable {
    public let fleet: Fleet
    public let statuses: [ShipStatus]

    public init(fleet: Fleet, configuration: Configuration) {
        self.fleet = fleet
        self.statuses = fleet.ships.map { Self.evaluate($0, in: configuration) }
    }

    public static func evaluate(_ ship: any WorkerShip.Type, in configuration: Configuration) -> ShipStatus {
        let file = configuration.sectionFiles[ship.name]
        guard let section = configuration.section(ship.name), section.value.isTruthy else {
            return ShipStatus(shipType: ship, state: .notConfigured, configuration: nil, file: file)
        }
        let result = ship.configurationTemplate.loadResult(section)
        guard result.isValid else {
            return ShipStatus(shipType: ship, state: .invalidConfiguration(result.errors), configuration: nil, file: file)
        }
        let enabled = result.data["enabled"]?.bool ?? false
        return ShipStatus(shipType: ship, state: enabled ? .enabled : .disabled, configuration: result.data, file: file)
    }

    public func status(named name: String) -> ShipStatus? {
        statuses.last { $0.name == name }
    }

    public var enabledShips: [ShipStatus] { statuses.filter { $0.state == .enabled } }
}
