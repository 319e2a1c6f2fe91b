import Foundation
import StarfleetAWS
import Synchronization

@testable import WorkerShips

/// An in-memory IAM of one account with AWS's role rules (DeleteConflict, NoSuchEntity), call
/// recording and injectable failures.
final class FakeIAM: IAMAPI, Sendable {
    struct Role {
        var role: IAMRole
        var attached: [String] = []
        var inline: [String: String] = [:]
        var tags: [IAMTag] = []
    }

    struct State {
        var roles: [String: Role] = [:]
        /// Instance profile → role names.
        var profiles: [String: [String]] = [:]
        var calls: [String] = []
        var failures: [String: any Error] = [:]
    }

    let state = Mutex(State())

    var calls: [String] { state.withLock { $0.calls } }
    var writes: [String] { calls.filter { !($0.hasPrefix("Get") || $0.hasPrefix("List")) } }
    func role(_ name: String) -> Role? { state.withLock { $0.roles[name] } }
    var profiles: [String: [String]] { state.withLock { $0.profiles } }

    func fail(_ operation: String, with error: any Error) { state.withLock { $0.failures[operation] = error } }

    static func serviceError(_ code: String, _ operation: String, status: Int = 400) -> AWSError {
        AWSError(kind: .service, service: "IAM", operation: operation, code: code, message: "\(code) from the double", httpStatus: status)
    }

    /// Seeds a role directly (no call recorded).
    func seed(_ role: IAMRole, attached: [String] = [], inline: [String: String] = [:], tags: [IAMTag] = [],
              profiles: [String] = []) {
        state.withLock { state in
            state.roles[role.roleName] = Role(role: role, attached: attached, inline: inline, tags: tags)
            for profile in profiles { state.profiles[profile, default: []].append(role.roleName) }
        }
    }

    private func call(_ name: String, _ detail: String = "") throws {
        try state.withLock { state in
            state.calls.append(detail.isEmpty ? name : "\(name) \(detail)")
            if let error = state.failures[name] { throw error }
        }
    }

    private func mutate<T>(_ roleName: String, _ operation: String, _ body: (inout Role) throws -> T) throws -> T {
        try state.withLock { state in
            guard var role = state.roles[roleName] else { throw Self.serviceError("NoSuchEntity", operation) }
            let result = try body(&role)
            state.roles[roleName] = role
            return result
        }
    }

    func getRole(roleName: String) async throws -> IAMRole? {
        try call("GetRole", roleName)
        return state.withLock { $0.roles[roleName]?.role }
    }

    func listAttachedRolePolicies(roleName: String) async throws -> [IAMAttachedPolicy] {
        try call("ListAttachedRolePolicies")
        return try mutate(roleName, "ListAttachedRolePolicies") { role in
            role.attached.map { IAMAttachedPolicy(policyName: String($0.split(separator: "/").last ?? ""), policyArn: $0) }
        }
    }

    func listRolePolicies(roleName: String) async throws -> [String] {
        try call("ListRolePolicies")
        return try mutate(roleName, "ListRolePolicies") { $0.inline.keys.sorted() }
    }

    func getRolePolicy(roleName: String, policyName: String) async throws -> String {
        try call("GetRolePolicy", policyName)
        return try mutate(roleName, "GetRolePolicy") { role in
            guard let document = role.inline[policyName] else { throw Self.serviceError("NoSuchEntity", "GetRolePolicy") }
            return document
        }
    }

    func listRoleTags(roleName: String) async throws -> [IAMTag] {
        try call("ListRoleTags")
        return try mutate(roleName, "ListRoleTags") { $0.tags }
    }

    func listInstanceProfilesForRole(roleName: String) async throws -> [IAMInstanceProfile] {
        try call("ListInstanceProfilesForRole")
        return state.withLock { state in
            state.profiles.filter { $0.value.contains(roleName) }.keys.sorted().map {
                IAMInstanceProfile(instanceProfileName: $0, arn: "arn:aws:iam::222222222222:instance-profile/\($0)")
            }
        }
    }

    func createRole(_ request: IAMCreateRoleRequest) async throws {
        try call("CreateRole", request.roleName)
        try state.withLock { state in
            guard state.roles[request.roleName] == nil else { throw Self.serviceError("EntityAlreadyExists", "CreateRole", status: 409) }
            state.roles[request.roleName] = Role(
                role: IAMRole(roleName: request.roleName, arn: "arn:aws:iam::222222222222:role\(request.path)\(request.roleName)",
                              path: request.path, description: request.description ?? "",
                              maxSessionDuration: request.maxSessionDuration ?? 3600,
                              assumeRolePolicyDocument: request.assumeRolePolicyDocument,
                              permissionsBoundaryArn: request.permissionsBoundaryArn),
                tags: request.tags)
        }
    }

    func updateAssumeRolePolicy(roleName: String, policyDocument: String) async throws {
        try call("UpdateAssumeRolePolicy")
        try mutate(roleName, "UpdateAssumeRolePolicy") { $0.role.assumeRolePolicyDocument = policyDocument }
    }

    func updateRole(roleName: String, description: String, maxSessionDuration: Int) async throws {
        try call("UpdateRole", "\(maxSessionDuration)")
        try mutate(roleName, "UpdateRole") { role in
            role.role.description = description
            role.role.maxSessionDuration = maxSessionDuration
        }
    }

    func putRolePermissionsBoundary(roleName: String, permissionsBoundaryArn: String) async throws {
        try call("PutRolePermissionsBoundary", permissionsBoundaryArn)
        try mutate(roleName, "PutRolePermissionsBoundary") { $0.role.permissionsBoundaryArn = permissionsBoundaryArn }
    }

    func deleteRolePermissionsBoundary(roleName: String) async throws {
        try call("DeleteRolePermissionsBoundary")
        try mutate(roleName, "DeleteRolePermissionsBoundary") { $0.role.permissionsBoundaryArn = nil }
    }

    func tagRole(roleName: String, tags: [IAMTag]) async throws {
        try call("TagRole", tags.map(\.key).joined(separator: ","))
        try mutate(roleName, "TagRole") { role in
            for tag in tags {
                role.tags.removeAll { $0.key == tag.key }
                role.tags.append(tag)
            }
        }
    }

    func untagRole(roleName: String, tagKeys: [String]) async throws {
        try call("UntagRole", tagKeys.joined(separator: ","))
        try mutate(roleName, "UntagRole") { role in role.tags.removeAll { tagKeys.contains($0.key) } }
    }

    func attachRolePolicy(roleName: String, policyArn: String) async throws {
        try call("AttachRolePolicy", policyArn)
        try mutate(roleName, "AttachRolePolicy") { role in
            if !role.attached.contains(policyArn) { role.attached.append(policyArn) }
        }
    }

    func detachRolePolicy(roleName: String, policyArn: String) async throws {
        try call("DetachRolePolicy", policyArn)
        try mutate(roleName, "DetachRolePolicy") { role in
            guard role.attached.contains(policyArn) else { throw Self.serviceError("NoSuchEntity", "DetachRolePolicy") }
            role.attached.removeAll { $0 == policyArn }
        }
    }

    func putRolePolicy(roleName: String, policyName: String, policyDocument: String) async throws {
        try call("PutRolePolicy", policyName)
        try mutate(roleName, "PutRolePolicy") { $0.inline[policyName] = policyDocument }
    }

    func deleteRolePolicy(roleName: String, policyName: String) async throws {
        try call("DeleteRolePolicy", policyName)
        try mutate(roleName, "DeleteRolePolicy") { role in
            guard role.inline.removeValue(forKey: policyName) != nil else { throw Self.serviceError("NoSuchEntity", "DeleteRolePolicy") }
        }
    }

    func removeRoleFromInstanceProfile(instanceProfileName: String, roleName: String) async throws {
        try call("RemoveRoleFromInstanceProfile", instanceProfileName)
        state.withLock { $0.profiles[instanceProfileName]?.removeAll { $0 == roleName } }
    }

    func deleteRole(roleName: String) async throws {
        try call("DeleteRole", roleName)
        try state.withLock { state in
            guard let role = state.roles[roleName] else { throw Self.serviceError("NoSuchEntity", "DeleteRole") }
            if !role.attached.isEmpty || !role.inline.isEmpty || state.profiles.values.contains(where: { $0.contains(roleName) }) {
                throw Self.serviceError("DeleteConflict", "DeleteRole", status: 409)
            }
            state.roles[roleName] = nil
        }
    }
}
