/// One query-string parameter, unencoded. Encoding happens when the URL is built and when it is signed.
public struct QueryItem: Sendable, Equatable {
    public var name: String
    public var value: String
    public init(_ name: String, _ value: String) {
        self.name = name
        self.value = value
    }
}
