import StarfleetAWS
import StarfleetSchema

/// The role as IAM has it now (SPEC-SHIPS §3.4), documents parsed.
public struct IamRoleCurrentState: Sendable, Equatable {
    public var role: IAMRole
    public var trustPolicy: PayloadValue
    public var managedPolicyArns: [String]
    /// Name → document, sorted by name.
    public var inlinePolicies: [String: PayloadValue]
    public var tags: [IAMTag]

    /// GetRole, ListAttachedRolePolicies, ListRolePolicies + GetRolePolicy each,
    /// ListRoleTags. Nil when the role does not exist.
    public static func read(roleName: String, from iam: any IAMAPI) async throws -> IamRoleCurrentState? {
        guard let role = try await iam.getRole(roleName: roleName) else { return nil }
        if role.path.hasPrefix("/aws-service-role/") {
            // Checked before anything else is read: service-linked roles are never touched.
            return IamRoleCurrentState(role: role, trustPolicy: .map([:]), managedPolicyArns: [], inlinePolicies: [:], tags: [])
        }
        let trust = try parse(role.assumeRolePolicyDocument, what: "the trust policy of \(roleName)")
        let attached = try await iam.listAttachedRolePolicies(roleName: roleName).map(\.policyArn)
        var inline: [String: PayloadValue] = [:]
        for name in try await iam.listRolePolicies(roleName: roleName) {
            inline[name] = try parse(try await iam.getRolePolicy(roleName: roleName, policyName: name),
                                     what: "inline policy \(name) of \(roleName)")
        }
        let tags = try await iam.listRoleTags(roleName: roleName)
        return IamRoleCurrentState(role: role, trustPolicy: trust, managedPolicyArns: attached.sorted(), inlinePolicies: inline,
                                   tags: tags)
    }

    static func parse(_ text: String, what: String) throws -> PayloadValue {
        do {
            return try JSONText.parse(text)
        } catch {
            throw ShipFailure("IAM returned \(what) that is \(error.description)")
        }
    }

    public var isServiceLinked: Bool { role.path.hasPrefix("/aws-service-role/") }
}
