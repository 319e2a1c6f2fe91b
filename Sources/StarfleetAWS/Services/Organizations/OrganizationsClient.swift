import Foundation

/// Organizations over the JSON 1.1 protocol (`X-Amz-Target: AWSOrganizationsV20161128.*`).
public struct OrganizationsClient: OrganizationsAPI {
    public let client: AWSClient
    /// `MaxResults` sent with list calls (nil lets the service choose, except for
    /// ListAccountsForParent, which then asks for its maximum).
    public var pageSize: Int?

    /// The largest `MaxResults` ListAccountsForParent accepts.
    public static let maxAccountsPerPage = 20

    public init(client: AWSClient, pageSize: Int? = nil) {
        self.client = client
        self.pageSize = pageSize
    }

    // MARK: - Whole lists

    public func listAccounts() async throws -> [OrganizationsAccount] {
        try await Paginator.collectAll(service: "Organizations", operation: "ListAccounts") { token in
            let page = try await listAccountsPage(nextToken: token)
            return (page.items, page.nextToken)
        }
    }

    public func listRoots() async throws -> [OrganizationsRoot] {
        try await Paginator.collectAll(service: "Organizations", operation: "ListRoots") { token in
            let page: RootsPage = try await client.json("ListRoots", input: PagedInput(nextToken: token, maxResults: pageSize))
            return (page.roots ?? [], page.nextToken)
        }
    }

    public func listOrganizationalUnitsForParent(parentId: String) async throws -> [OrganizationalUnit] {
        try await Paginator.collectAll(service: "Organizations", operation: "ListOrganizationalUnitsForParent") { token in
            let page: OUsPage = try await client.json(
                "ListOrganizationalUnitsForParent",
                input: ParentInput(parentId: parentId, nextToken: token, maxResults: pageSize))
            return (page.organizationalUnits ?? [], page.nextToken)
        }
    }

    /// The accounts directly under a root or OU. `MaxResults` is capped at 20, the most AWS allows
    /// for this call, and defaults to it: fewer pages when walking a large organization.
    public func listAccountsForParent(parentId: String) async throws -> [OrganizationsAccount] {
        let maxResults = min(pageSize ?? Self.maxAccountsPerPage, Self.maxAccountsPerPage)
        return try await Paginator.collectAll(service: "Organizations", operation: "ListAccountsForParent") { token in
            let page: AccountsPage = try await client.json(
                "ListAccountsForParent", input: ParentInput(parentId: parentId, nextToken: token, maxResults: maxResults))
            return (page.accounts ?? [], page.nextToken)
        }
    }

    public func listParents(childId: String) async throws -> [OrganizationsParent] {
        try await Paginator.collectAll(service: "Organizations", operation: "ListParents") { token in
            let page: ParentsPage = try await client.json(
                "ListParents", input: ChildInput(childId: childId, nextToken: token, maxResults: pageSize))
            return (page.parents ?? [], page.nextToken)
        }
    }

    public func listTagsForResource(resourceId: String) async throws -> [OrganizationsTag] {
        try await Paginator.collectAll(service: "Organizations", operation: "ListTagsForResource") { token in
            let page: TagsPage = try await client.json(
                "ListTagsForResource", input: ResourceInput(resourceId: resourceId, nextToken: token))
            return (page.tags ?? [], page.nextToken)
        }
    }

    public func describeOrganizationalUnit(organizationalUnitId: String) async throws -> OrganizationalUnit {
        let output: DescribeOUOutput = try await client.json(
            "DescribeOrganizationalUnit", input: DescribeOUInput(organizationalUnitId: organizationalUnitId))
        return output.organizationalUnit
    }

    // MARK: - Single pages

    public func listAccountsPage(nextToken: String? = nil) async throws -> OrganizationsPage<OrganizationsAccount> {
        let page: AccountsPage = try await client.json("ListAccounts", input: PagedInput(nextToken: nextToken, maxResults: pageSize))
        return OrganizationsPage(items: page.accounts ?? [], nextToken: page.nextToken)
    }
}

// MARK: - Wire shapes

private struct PagedInput: Encodable {
    var nextToken: String?
    var maxResults: Int?
    enum CodingKeys: String, CodingKey { case nextToken = "NextToken", maxResults = "MaxResults" }
}

private struct ParentInput: Encodable {
    var parentId: String
    var nextToken: String?
    var maxResults: Int?
    enum CodingKeys: String, CodingKey { case parentId = "ParentId", nextToken = "NextToken", maxResults = "MaxResults" }
}

private struct ChildInput: Encodable {
    var childId: String
    var nextToken: String?
    var maxResults: Int?
    enum CodingKeys: String, CodingKey { case childId = "ChildId", nextToken = "NextToken", maxResults = "MaxResults" }
}

private struct ResourceInput: Encodable {
    var resourceId: String
    var nextToken: String?
    enum CodingKeys: String, CodingKey { case resourceId = "ResourceId", nextToken = "NextToken" }
}

private struct DescribeOUInput: Encodable {
    var organizationalUnitId: String
    enum CodingKeys: String, CodingKey { case organizationalUnitId = "OrganizationalUnitId" }
}

private struct AccountsPage: Decodable {
    var accounts: [OrganizationsAccount]?
    var nextToken: String?
    enum CodingKeys: String, CodingKey { case accounts = "Accounts", nextToken = "NextToken" }
}

private struct RootsPage: Decodable {
    var roots: [OrganizationsRoot]?
    var nextToken: String?
    enum CodingKeys: String, CodingKey { case roots = "Roots", nextToken = "NextToken" }
}

private struct OUsPage: Decodable {
    var organizationalUnits: [OrganizationalUnit]?
    var nextToken: String?
    enum CodingKeys: String, CodingKey { case organizationalUnits = "OrganizationalUnits", nextToken = "NextToken" }
}

private struct ParentsPage: Decodable {
    var parents: [OrganizationsParent]?
    var nextToken: String?
    enum CodingKeys: String, CodingKey { case parents = "Parents", nextToken = "NextToken" }
}

private struct TagsPage: Decodable {
    var tags: [OrganizationsTag]?
    var nextToken: String?
    enum CodingKeys: String, CodingKey { case tags = "Tags", nextToken = "NextToken" }
}

private struct DescribeOUOutput: Decodable {
    var organizationalUnit: OrganizationalUnit
    enum CodingKeys: String, CodingKey { case organizationalUnit = "OrganizationalUnit" }
}
