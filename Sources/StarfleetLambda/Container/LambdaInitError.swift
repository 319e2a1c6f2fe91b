/// Why a container cannot start; reported to the Runtime API's init-error endpoint.
public enum LambdaInitError: Error, Sendable, Equatable, CustomStringConvertible {
    case invalidSetting(String)
    case configuration(String)

    public var description: String {
        switch self {
        case .invalidSetting(let detail): return detail
        case .configuration(let detail): return detail
        }
    }

    public var errorType: String {
        switch self {
        case .invalidSetting: return "Starfleet.InvalidSetting"
        case .configuration: return "Starfleet.InvalidConfiguration"
        }
    }
}
