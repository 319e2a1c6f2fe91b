import StarfleetSchema

/// What an operator asked to run: a ship, a payload, and for fanned-out ships the account
/// (and region) to run in.
public struct RunRequest: Sendable {
    public var shipName: String
    public var payload: YAMLNode
    public var payloadFile: String
    public var accountId: String?
    public var region: String?
    public var mode: RunMode

    public init(shipName: String, payload: YAMLNode, payloadFile: String, accountId: String? = nil,
                region: String? = nil, mode: RunMode = .dryRun) {
        self.shipName = shipName
        self.payload = payload
        self.payloadFile = payloadFile
        self.accountId = accountId
        self.region = region
        self.mode = mode
    }
}

/// A run that passed every check: the ship instance with its assigned account/region.
public struct PreparedRun: Sendable {
    public let ship: any WorkerShip
    public let status: ShipStatus
    public let request: RunRequest
}
