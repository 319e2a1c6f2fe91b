/// An empty JSON request body (`{}`).
public struct EmptyJSON: Codable, Sendable, Equatable {
    public init() {}
}
