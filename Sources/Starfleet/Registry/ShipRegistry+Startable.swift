extension ShipRegistry {
    /// The ship a worker (process or Lambda function) may start for: known, configured, valid and enabled.
    public func startableShip(named name: String) throws(RunRefusal) -> ShipStatus {
        guard let status = status(named: name) else { throw .unknownShip(name, known: fleet.names) }
        switch status.state {
        case .enabled: return status
        case .disabled: throw .disabled(name)
        case .notConfigured: throw .notConfigured(name)
        case .invalidConfiguration(let errors): throw .invalidConfiguration(ship: name, errors: errors, file: status.file)
        }
    }
}
