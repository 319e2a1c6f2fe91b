/// The IAM role calls Starfleet's ships make. List calls follow `Marker` to the end; policy
/// documents come back percent-decoded.
public protocol IAMAPI: Sendable {
    /// The role, or nil when IAM answers `NoSuchEntity`.
    func getRole(roleName: String) async throws -> IAMRole?
    func listAttachedRolePolicies(roleName: String) async throws -> [IAMAttachedPolicy]
    func listRolePolicies(roleName: String) async throws -> [String]
    /// The inline policy document as JSON text.
    func getRolePolicy(roleName: String, policyName: String) async throws -> String
    func listRoleTags(roleName: String) async throws -> [IAMTag]
    func listInstanceProfilesForRole(roleName: String) async throws -> [IAMInstanceProfile]

    func createRole(_ request: IAMCreateRoleRequest) async throws
    func updateAssumeRolePolicy(roleName: String, policyDocument: String) async throws
    /// `UpdateRole` with both values (IAM keeps whichever is left out).
    func updateRole(roleName: String, description: String, maxSessionDuration: Int) async throws
    func putRolePermissionsBoundary(roleName: String, permissionsBoundaryArn: String) async throws
    func deleteRolePermissionsBoundary(roleName: String) async throws
    func tagRole(roleName: String, tags: [IAMTag]) async throws
    func untagRole(roleName: String, tagKeys: [String]) async throws
    func attachRolePolicy(roleName: String, policyArn: String) async throws
    func detachRolePolicy(roleName: String, policyArn: String) async throws
    func putRolePolicy(roleName: String, policyName: String, policyDocument: String) async throws
    func deleteRolePolicy(roleName: String, policyName: String) async throws
    func removeRoleFromInstanceProfile(instanceProfileName: String, roleName: String) async throws
    func deleteRole(roleName: String) async throws
}
