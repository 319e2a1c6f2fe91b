/// A resource tag (`ListTagsForResource`).
public struct OrganizationsTag: Sendable, Equatable, Codable {
    public var key: String
    public var value: String

    public init(key: String, value: String) {
        self.key = key
        self.value = value
    }

    enum CodingKeys: String, CodingKey {
        case key = "Key", value = "Value"
    }
}
