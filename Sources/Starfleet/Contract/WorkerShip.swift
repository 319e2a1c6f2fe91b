import StarfleetSchema

/// A worker ship: a plugin that does one job across an AWS organization.
///
/// Everything that describes the ship is **static** — the Swift form of the seed's rule that
/// templates are "a class, not an instance": the registry reads a ship's name, strategy and
/// templates without creating one. An instance exists only for a loaded payload.
///
/// `execute(commit:context:)` must be safe to retry (idempotent), and with `commit == false`
/// must change nothing and report what it would do.
public protocol WorkerShip: Sendable {
    /// The ship's name and the key of its configuration section. Defaults to the type name.
    static var name: String { get }
    /// Defaults to `SINGLE_INVOCATION`.
    static var fanOutStrategy: FanOutStrategy { get }
    /// Must extend `WorkerShipConfigurationTemplate.base`. Defaults to it.
    static var configurationTemplate: Schema { get }
    /// Must extend the base payload template of the strategy. Defaults to the base template.
    static var payloadTemplate: Schema { get }

    /// Creates the ship for a validated payload.
    init(payload: Payload)

    var payload: Payload { get }

    func execute(commit: Bool, context: ShipContext) async throws
}

extension WorkerShip {
    public static var name: String { String(describing: Self.self) }
    public static var fanOutStrategy: FanOutStrategy { .singleInvocation }
    public static var configurationTemplate: Schema { WorkerShipConfigurationTemplate.base }
    public static var payloadTemplate: Schema { PayloadTemplates.workerShipPayloadBase }

    /// Validates a raw payload with the ship's payload template and creates the ship.
    public static func loadTemplate(_ raw: YAMLNode) throws(SchemaValidationError) -> Self {
        Self(payload: Payload(try payloadTemplate.load(raw)))
    }
}
