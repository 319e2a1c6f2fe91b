/// The JSON summary `scripts/moto/seed_org.py` prints: what it created.
public struct MotoOrganizationSeed: Sendable, Equatable, Decodable {
    public struct Account: Sendable, Equatable, Decodable {
        public var id: String
        public var name: String
        public var email: String
        public var parentId: String
        public var tags: [String: String]
    }

    public struct OrganizationalUnit: Sendable, Equatable, Decodable {
        public var id: String
        public var name: String
        public var parentId: String
        public var depth: Int
    }

    public var endpoint: String
    public var region: String
    public var organizationId: String
    public var rootId: String
    public var managementAccountId: String
    public var accountIds: [String]
    public var accounts: [Account]
    public var ouIds: [String]
    public var organizationalUnits: [OrganizationalUnit]
    public var orgRole: String
    public var describeRegionsRole: String
    public var buckets: [String]

    /// `arn:aws:iam::<management>:role/<org role>`.
    public var orgRoleArn: String { "arn:aws:iam::\(managementAccountId):role/\(orgRole)" }

    public func describeRegionsRoleArn(account: String) -> String { "arn:aws:iam::\(account):role/\(describeRegionsRole)" }
}
