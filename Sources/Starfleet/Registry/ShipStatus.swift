import StarfleetSchema

/// A ship's standing in the current configuration.
public enum ShipState: Sendable, Equatable {
    case enabled
    case disabled
    case notConfigured
    case invalidConfiguration(ValidationErrors)

    public var label: String {
        switch self {
        case .enabled: return "enabled"
        case .disabled: return "disabled"
        case .notConfigured: return "not configured"
        case .invalidConfiguration: return "invalid configuration"
        }
    }
}

/// One registered ship with its state and loaded configuration.
public struct ShipStatus: Sendable {
    public let shipType: any WorkerShip.Type
    public let state: ShipState
    /// The loaded configuration section, when valid.
    public let configuration: PayloadMap?
    /// The file the section came from.
    public let file: String?

    public var name: String { shipType.name }
    public var fanOutStrategy: FanOutStrategy { shipType.fanOutStrategy }
    public var invocationSources: [String] { configuration?["invocation_sources"]?.strings ?? [] }
    public var templatePrefix: String? { configuration?["template_prefix"]?.string }
}
