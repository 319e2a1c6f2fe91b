import Foundation

/// The JSON document the generator writes: `{"accounts": {id: Account}, "generated": "…Z"}`.
public struct AccountIndexDocument: Codable, Sendable, Equatable {
    public var accounts: [String: AccountRecord]
    public var generated: String?

    public init(accounts: [String: AccountRecord], generated: String?) {
        self.accounts = accounts
        self.generated = generated
    }

    /// Reads the generator's JSON (see ``AccountIndexJSONReader`` for why not `JSONDecoder`).
    public static func decode(_ data: Data) throws(AccountIndexError) -> AccountIndexDocument {
        try AccountIndexJSONReader.read(data).document
    }
}

/// One account of the index (ListAccounts fields plus Tags, Parents and Regions).
public struct AccountRecord: Codable, Sendable, Equatable {
    public var id: String
    public var arn: String?
    public var email: String?
    public var name: String?
    public var status: String?
    public var joinedMethod: String?
    public var joinedTimestamp: String?
    public var tags: [String: String]
    public var parents: [ParentRecord]
    public var regions: [String]

    public init(id: String, arn: String?, email: String?, name: String?, status: String?, joinedMethod: String?,
                joinedTimestamp: String?, tags: [String: String], parents: [ParentRecord], regions: [String]) {
        self.id = id
        self.arn = arn
        self.email = email
        self.name = name
        self.status = status
        self.joinedMethod = joinedMethod
        self.joinedTimestamp = joinedTimestamp
        self.tags = tags
        self.parents = parents
        self.regions = regions
    }

    enum CodingKeys: String, CodingKey {
        case id = "Id", arn = "Arn", email = "Email", name = "Name", status = "Status", joinedMethod = "JoinedMethod"
        case joinedTimestamp = "JoinedTimestamp", tags = "Tags", parents = "Parents", regions = "Regions"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(String.self, forKey: .id)
        arn = try container.decodeIfPresent(String.self, forKey: .arn)
        email = try container.decodeIfPresent(String.self, forKey: .email)
        name = try container.decodeIfPresent(String.self, forKey: .name)
        status = try container.decodeIfPresent(String.self, forKey: .status)
        joinedMethod = try container.decodeIfPresent(String.self, forKey: .joinedMethod)
        joinedTimestamp = try container.decodeIfPresent(String.self, forKey: .joinedTimestamp)
        tags = try container.decodeIfPresent([String: String].self, forKey: .tags) ?? [:]
        parents = try container.decodeIfPresent([ParentRecord].self, forKey: .parents) ?? []
        regions = try container.decodeIfPresent([String].self, forKey: .regions) ?? []
    }
}

/// A parent of an account: its OU or the organization root.
public struct ParentRecord: Codable, Sendable, Equatable, Hashable {
    public var id: String
    public var name: String
    public var type: String

    public init(id: String, name: String, type: String) {
        self.id = id
        self.name = name
        self.type = type
    }

    enum CodingKeys: String, CodingKey {
        case id = "Id", name = "Name", type = "Type"
    }
}

public enum AccountIndexError: Error, Sendable, CustomStringConvertible, Equatable {
    case malformed(String)
    case empty
    case unknownIndex(String)
    case missingConfiguration(String)
    case unavailable(String)

    public var description: String {
        switch self {
        case .malformed(let detail): return "the account index is malformed: \(detail)"
        case .empty: return "the account index holds no accounts"
        case .unknownIndex(let name): return "unknown account index \(name): only StarfleetDefaultAccountIndex is available"
        case .missingConfiguration(let detail): return "the account index is not configured: \(detail)"
        case .unavailable(let detail): return "the account index could not be loaded: \(detail)"
        }
    }
}
