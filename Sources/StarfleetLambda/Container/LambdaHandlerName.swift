/// What `_HANDLER` selects: `starbase-timed`, `starbase-fanout` or `worker:<ShipName>`.
public enum LambdaHandlerName: Sendable, Equatable, CustomStringConvertible {
    case starbaseTimed
    case starbaseFanout
    case worker(String)

    public init?(_ text: String) {
        switch text {
        case "starbase-timed": self = .starbaseTimed
        case "starbase-fanout": self = .starbaseFanout
        default:
            guard text.hasPrefix("worker:") else { return nil }
            let ship = String(text.dropFirst("worker:".count))
            guard !ship.isEmpty else { return nil }
            self = .worker(ship)
        }
    }

    public var description: String {
        switch self {
        case .starbaseTimed: return "starbase-timed"
        case .starbaseFanout: return "starbase-fanout"
        case .worker(let ship): return "worker:\(ship)"
        }
    }

    /// The `ship` value on every log line.
    var logName: String {
        if case .worker(let ship) = self { return ship }
        return "Starbase"
    }
}
