/// A request a ``LocalHTTPStub`` received.
public struct RecordedRequest: Sendable, Equatable, Decodable {
    public var method: String
    public var path: String
    public var headers: [String: String]
    public var body: String

    /// Header value by case-insensitive name.
    public func header(_ name: String) -> String? {
        headers.first { $0.key.lowercased() == name.lowercased() }?.value
    }
}
