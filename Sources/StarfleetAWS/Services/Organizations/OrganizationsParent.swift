/// A parent of an account or OU (`ListParents`): its id and `ROOT` or `ORGANIZATIONAL_UNIT`.
public struct OrganizationsParent: Sendable, Equatable, Codable {
    public var id: String
    public var type: String

    public init(id: String, type: String) {
        self.id = id
        self.type = type
    }

    enum CodingKeys: String, CodingKey {
        case id = "Id", type = "Type"
    }
}
