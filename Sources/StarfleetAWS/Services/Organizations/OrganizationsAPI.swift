/// The Organizations calls Starfleet makes. Every list call follows `NextToken` to the end.
public protocol OrganizationsAPI: Sendable {
    func listAccounts() async throws -> [OrganizationsAccount]
    func listRoots() async throws -> [OrganizationsRoot]
    func listOrganizationalUnitsForParent(parentId: String) async throws -> [OrganizationalUnit]
    func listAccountsForParent(parentId: String) async throws -> [OrganizationsAccount]
    func listParents(childId: String) async throws -> [OrganizationsParent]
    func listTagsForResource(resourceId: String) async throws -> [OrganizationsTag]
    func describeOrganizationalUnit(organizationalUnitId: String) async throws -> OrganizationalUnit
}
