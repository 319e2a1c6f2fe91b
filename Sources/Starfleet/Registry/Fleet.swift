/// The list of ship types a `starfleet` binary knows — the Swift form of `WORKER_SHIP_PLUGINS`.
///
/// A private fleet adds its own: `Fleet.default + [MyShip.self]`.
public struct Fleet: Sendable, ExpressibleByArrayLiteral {
    public var ships: [any WorkerShip.Type]

    public init(_ ships: [any WorkerShip.Type]) {
        self.ships = ships
    }

    public init(arrayLiteral elements: (any WorkerShip.Type)...) {
        self.ships = elements
    }

    public static func + (lhs: Fleet, rhs: Fleet) -> Fleet {
        Fleet(lhs.ships + rhs.ships)
    }

    /// `Fleet.default + [MyShip.self]` and `.default + [MyShip.self]` where a Fleet is expected.
    public static func + (lhs: Fleet, rhs: [any WorkerShip.Type]) -> Fleet {
        Fleet(lhs.ships + rhs)
    }

    public func ship(named name: String) -> (any WorkerShip.Type)? {
        ships.last { $0.name == name }
    }

    public var names: [String] { ships.map { $0.name } }
}
