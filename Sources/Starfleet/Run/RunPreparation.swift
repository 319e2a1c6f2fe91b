import StarfleetSchema

/// The checks before a ship runs (SPEC §4.4), made by `starfleet run` (the console runs that
/// command as a child, so its runs pass them too):
/// the ship exists and is enabled with a valid configuration, the options its strategy needs
/// are present, the payload validates, the account (and region) are ones the payload
/// targets; then the assignment is injected.
public struct RunPreparation: Sendable {
    public let registry: ShipRegistry
    public let scopeToRegions: [String]

    public init(registry: ShipRegistry, scopeToRegions: [String]) {
        self.registry = registry
        self.scopeToRegions = scopeToRegions
    }

    public func prepare(_ request: RunRequest,
                        accountIndex: @Sendable () async throws(AccountIndexError) -> any AccountIndex) async throws(RunRefusal) -> PreparedRun {
        guard let status = registry.status(named: request.shipName) else {
            throw .unknownShip(request.shipName, known: registry.fleet.names)
        }
        switch status.state {
        case .enabled: break
        case .disabled: throw .disabled(status.name)
        case .notConfigured: throw .notConfigured(status.name)
        case .invalidConfiguration(let errors): throw .invalidConfiguration(ship: status.name, errors: errors, file: status.file)
        }
        let shipType = status.shipType
        let strategy = shipType.fanOutStrategy
        if strategy != .singleInvocation, request.accountId == nil { throw .missingOption("--account-id") }
        if strategy == .accountRegion, request.region == nil { throw .missingOption("--region") }
        guard shipType.payloadTemplate.lineage.contains(strategy.requiredPayloadBase) else {
            throw .wrongTemplate(ship: status.name, required: strategy.requiredPayloadBase)
        }

        let result = shipType.payloadTemplate.loadResult(request.payload)
        guard result.isValid else { throw .invalidPayload(result.errors, file: request.payloadFile) }
        var payload = Payload(result.data)

        if strategy != .singleInvocation, let account = request.accountId {
            let index: any AccountIndex
            do {
                index = try await accountIndex()
            } catch {
                throw .accountIndex(error)
            }
            let resolver = AccountResolver(index: index, scopeToRegions: scopeToRegions)
            if strategy == .account {
                guard resolver.accounts(for: payload).contains(account) else { throw .accountNotApplicable }
            } else {
                let region = request.region ?? ""
                guard resolver.accountRegions(for: payload)[account]?.contains(region) == true else {
                    throw .accountRegionNotApplicable
                }
                payload["starbase_assigned_region"] = .string(region)
            }
            payload["starbase_assigned_account"] = .string(account)
        }
        return PreparedRun(ship: shipType.init(payload: payload), status: status, request: request)
    }
}
