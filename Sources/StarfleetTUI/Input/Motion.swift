/// A cursor movement in a list or a log.
public enum Motion: Hashable, Sendable {
    case up
    case down
    case pageUp
    case pageDown
    case top
    case bottom
}
