/// An organization root (`ListRoots`).
public struct OrganizationsRoot: Sendable, Equatable, Codable {
    public var id: String
    public var arn: String?
    public var name: String

    public init(id: String, arn: String? = nil, name: String) {
        self.id = id
        self.arn = arn
        self.name = name
    }

    enum CodingKeys: String, CodingKey {
        case id = "Id", arn = "Arn", name = "Name"
    }
}
