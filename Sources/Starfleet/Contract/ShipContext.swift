import Logging
import StarfleetSchema

/// What a running ship may use: its configuration, a logger, alerts, the account index and
/// AWS access. Front ends build it; tests build it with doubles.
public struct ShipContext: Sendable {
    public var configuration: Configuration
    /// The ship's own loaded configuration section (snake_case).
    public var shipConfiguration: PayloadMap
    public var logger: Logger
    public var alerts: any AlertSender
    /// The configured alert priority and channel (`AlertConfiguration`), NONE when absent.
    public var alertPriority: AlertPriority
    public var alertChannel: String?
    /// Lazily loads the account index the configuration names.
    public var accountIndex: @Sendable () async throws -> any AccountIndex
    /// Process environment as seen by the ship (AWS credentials, endpoint overrides).
    public var environment: [String: String]
    /// Ship-specific services (AWS clients, test doubles), looked up by type.
    public var services: ServiceRegistry

    public init(configuration: Configuration, shipConfiguration: PayloadMap, logger: Logger,
                alerts: any AlertSender, accountIndex: @escaping @Sendable () async throws -> any AccountIndex,
                environment: [String: String], services: ServiceRegistry = ServiceRegistry()) {
        self.configuration = configuration
        self.shipConfiguration = shipConfiguration
        self.logger = logger
        self.alerts = alerts
        self.accountIndex = accountIndex
        self.environment = environment
        self.services = services
        let alert = shipConfiguration["alert_configuration"]?.map
        self.alertPriority = alert?["alert_priority"]?.string.flatMap(AlertPriority.init(name:)) ?? .none
        self.alertChannel = alert?["channel_id"]?.string
    }

    /// Sends an alert when the configured priority allows it (the `send_alert` rule).
    public func sendAlert(_ priority: AlertPriority, title: String, body: String) async {
        guard AlertPriority.shouldSend(priority, configured: alertPriority) else { return }
        await alerts.send(Alert(priority: priority, channel: alertChannel, title: title, body: body))
    }
}

/// A keyed bag of services, so the core stays free of concrete AWS types.
public struct ServiceRegistry: Sendable {
    private var entries: [ObjectIdentifier: any Sendable] = [:]

    public init() {}

    public mutating func register<Service: Sendable>(_ service: Service, as type: Service.Type = Service.self) {
        entries[ObjectIdentifier(type)] = service
    }

    public func resolve<Service: Sendable>(_ type: Service.Type = Service.self) -> Service? {
        entries[ObjectIdentifier(type)] as? Service
    }
}
