import Foundation

/// One account as `ListAccounts` and `ListAccountsForParent` return it.
public struct OrganizationsAccount: Sendable, Equatable, Codable {
    public var id: String
    public var arn: String
    public var email: String
    public var name: String
    public var status: String
    public var joinedMethod: String?
    /// When the account joined; the wire value is epoch seconds with sub-second precision.
    public var joinedTimestamp: Date?

    public init(
        id: String, arn: String, email: String, name: String, status: String, joinedMethod: String? = nil,
        joinedTimestamp: Date? = nil
    ) {
        self.id = id
        self.arn = arn
        self.email = email
        self.name = name
        self.status = status
        self.joinedMethod = joinedMethod
        self.joinedTimestamp = joinedTimestamp
    }

    enum CodingKeys: String, CodingKey {
        case id = "Id", arn = "Arn", email = "Email", name = "Name", status = "Status"
        case joinedMethod = "JoinedMethod", joinedTimestamp = "JoinedTimestamp"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(String.self, forKey: .id)
        arn = try container.decodeIfPresent(String.self, forKey: .arn) ?? ""
        email = try container.decodeIfPresent(String.self, forKey: .email) ?? ""
        name = try container.decodeIfPresent(String.self, forKey: .name) ?? ""
        status = try container.decodeIfPresent(String.self, forKey: .status) ?? ""
        joinedMethod = try container.decodeIfPresent(String.self, forKey: .joinedMethod)
        joinedTimestamp = try AWSTimestamp.decodeIfPresent(container, forKey: .joinedTimestamp)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(arn, forKey: .arn)
        try container.encode(email, forKey: .email)
        try container.encode(name, forKey: .name)
        try container.encode(status, forKey: .status)
        try container.encodeIfPresent(joinedMethod, forKey: .joinedMethod)
        try container.encodeIfPresent(joinedTimestamp?.timeIntervalSince1970, forKey: .joinedTimestamp)
    }
}
