import Foundation
import Starfleet
import StarfleetSchema
import StarfleetTUI

/// An invalid ship's configuration errors: how far they are scrolled, whether long lines wrap.
public struct ShipErrorsState: Hashable, Sendable {
    public var scroll = 0
    public var wrap = true

    public init() {}
}
