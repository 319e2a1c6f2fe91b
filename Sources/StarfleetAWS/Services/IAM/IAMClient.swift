import Foundation

/// IAM over the Query protocol (global endpoint `iam.amazonaws.com`, signed for us-east-1).
///
/// Retries, timeouts and secret redaction come from ``AWSClient``; list calls page with
/// `Marker`/`IsTruncated` through ``Paginator`` (which stops on a repeated marker).
public struct IAMClient: IAMAPI {
    public let client: AWSClient
    /// `MaxItems` sent with list calls (nil lets the service choose, 100).
    public var pageSize: Int?

    public init(client: AWSClient, pageSize: Int? = nil) {
        self.client = client
        self.pageSize = pageSize
    }

    // MARK: - Reads

    public func getRole(roleName: String) async throws -> IAMRole? {
        let root: XMLNode
        do {
            root = try await client.query("GetRole", [QueryItem("RoleName", roleName)])
        } catch let error as AWSError where error.code == "NoSuchEntity" {
            return nil
        }
        guard let role = root.descendant("Role"), let name = role.string("RoleName") else {
            throw client.malformed("GetRole", status: 200, "the answer has no GetRoleResult/Role")
        }
        return IAMRole(
            roleName: name, arn: role.string("Arn") ?? "", path: role.string("Path") ?? "/",
            description: role.string("Description") ?? "",
            maxSessionDuration: role.string("MaxSessionDuration").flatMap { Int($0) } ?? 3600,
            assumeRolePolicyDocument: Self.decodeDocument(role.string("AssumeRolePolicyDocument") ?? ""),
            permissionsBoundaryArn: role.path("PermissionsBoundary", "PermissionsBoundaryArn")?.text)
    }

    public func listAttachedRolePolicies(roleName: String) async throws -> [IAMAttachedPolicy] {
        try await list("ListAttachedRolePolicies", [QueryItem("RoleName", roleName)], container: "AttachedPolicies") { member in
            guard let arn = member.string("PolicyArn") else { return nil }
            return IAMAttachedPolicy(policyName: member.string("PolicyName") ?? "", policyArn: arn)
        }
    }

    public func listRolePolicies(roleName: String) async throws -> [String] {
        try await list("ListRolePolicies", [QueryItem("RoleName", roleName)], container: "PolicyNames") { member in
            member.text.isEmpty ? nil : member.text
        }
    }

    public func getRolePolicy(roleName: String, policyName: String) async throws -> String {
        let root = try await client.query("GetRolePolicy", [QueryItem("RoleName", roleName), QueryItem("PolicyName", policyName)])
        guard let document = root.descendant("PolicyDocument") else {
            throw client.malformed("GetRolePolicy", status: 200, "the answer has no PolicyDocument")
        }
        return Self.decodeDocument(document.text)
    }

    public func listRoleTags(roleName: String) async throws -> [IAMTag] {
        try await list("ListRoleTags", [QueryItem("RoleName", roleName)], container: "Tags") { member in
            guard let key = member.string("Key") else { return nil }
            return IAMTag(key: key, value: member.string("Value") ?? "")
        }
    }

    public func listInstanceProfilesForRole(roleName: String) async throws -> [IAMInstanceProfile] {
        try await list("ListInstanceProfilesForRole", [QueryItem("RoleName", roleName)], container: "InstanceProfiles") { member in
            guard let name = member.string("InstanceProfileName") else { return nil }
            return IAMInstanceProfile(instanceProfileName: name, arn: member.string("Arn") ?? "")
        }
    }

    // MARK: - Writes

    public func createRole(_ request: IAMCreateRoleRequest) async throws {
        var parameters = [
            QueryItem("RoleName", request.roleName), QueryItem("Path", request.path),
            QueryItem("AssumeRolePolicyDocument", request.assumeRolePolicyDocument),
        ]
        if let description = request.description, !description.isEmpty { parameters.append(QueryItem("Description", description)) }
        if let duration = request.maxSessionDuration { parameters.append(QueryItem("MaxSessionDuration", String(duration))) }
        if let boundary = request.permissionsBoundaryArn { parameters.append(QueryItem("PermissionsBoundary", boundary)) }
        parameters += Self.tagParameters(request.tags)
        _ = try await client.query("CreateRole", parameters)
    }

    public func updateAssumeRolePolicy(roleName: String, policyDocument: String) async throws {
        _ = try await client.query("UpdateAssumeRolePolicy", [QueryItem("RoleName", roleName), QueryItem("PolicyDocument", policyDocument)])
    }

    public func updateRole(roleName: String, description: String, maxSessionDuration: Int) async throws {
        _ = try await client.query("UpdateRole", [
            QueryItem("RoleName", roleName), QueryItem("Description", description),
            QueryItem("MaxSessionDuration", String(maxSessionDuration)),
        ])
    }

    public func putRolePermissionsBoundary(roleName: String, permissionsBoundaryArn: String) async throws {
        _ = try await client.query("PutRolePermissionsBoundary", [
            QueryItem("RoleName", roleName), QueryItem("PermissionsBoundary", permissionsBoundaryArn),
        ])
    }

    public func deleteRolePermissionsBoundary(roleName: String) async throws {
        _ = try await client.query("DeleteRolePermissionsBoundary", [QueryItem("RoleName", roleName)])
    }

    public func tagRole(roleName: String, tags: [IAMTag]) async throws {
        guard !tags.isEmpty else { return }
        _ = try await client.query("TagRole", [QueryItem("RoleName", roleName)] + Self.tagParameters(tags))
    }

    public func untagRole(roleName: String, tagKeys: [String]) async throws {
        guard !tagKeys.isEmpty else { return }
        let keys = tagKeys.enumerated().map { QueryItem("TagKeys.member.\($0.offset + 1)", $0.element) }
        _ = try await client.query("UntagRole", [QueryItem("RoleName", roleName)] + keys)
    }

    public func attachRolePolicy(roleName: String, policyArn: String) async throws {
        _ = try await client.query("AttachRolePolicy", [QueryItem("RoleName", roleName), QueryItem("PolicyArn", policyArn)])
    }

    public func detachRolePolicy(roleName: String, policyArn: String) async throws {
        _ = try await client.query("DetachRolePolicy", [QueryItem("RoleName", roleName), QueryItem("PolicyArn", policyArn)])
    }

    public func putRolePolicy(roleName: String, policyName: String, policyDocument: String) async throws {
        _ = try await client.query("PutRolePolicy", [
            QueryItem("RoleName", roleName), QueryItem("PolicyName", policyName), QueryItem("PolicyDocument", policyDocument),
        ])
    }

    public func deleteRolePolicy(roleName: String, policyName: String) async throws {
        _ = try await client.query("DeleteRolePolicy", [QueryItem("RoleName", roleName), QueryItem("PolicyName", policyName)])
    }

    public func removeRoleFromInstanceProfile(instanceProfileName: String, roleName: String) async throws {
        _ = try await client.query("RemoveRoleFromInstanceProfile", [
            QueryItem("InstanceProfileName", instanceProfileName), QueryItem("RoleName", roleName),
        ])
    }

    public func deleteRole(roleName: String) async throws {
        _ = try await client.query("DeleteRole", [QueryItem("RoleName", roleName)])
    }

    // MARK: - Beyond the ship's protocol (set-up in tests and scripts)

    /// `CreatePolicy`; returns the new policy's ARN.
    @discardableResult
    public func createPolicy(policyName: String, policyDocument: String, path: String = "/") async throws -> String {
        let root = try await client.query("CreatePolicy", [
            QueryItem("PolicyName", policyName), QueryItem("PolicyDocument", policyDocument), QueryItem("Path", path),
        ])
        guard let arn = root.descendant("Policy")?.string("Arn") else {
            throw client.malformed("CreatePolicy", status: 200, "the answer has no Policy/Arn")
        }
        return arn
    }

    public func createInstanceProfile(instanceProfileName: String) async throws {
        _ = try await client.query("CreateInstanceProfile", [QueryItem("InstanceProfileName", instanceProfileName)])
    }

    public func addRoleToInstanceProfile(instanceProfileName: String, roleName: String) async throws {
        _ = try await client.query("AddRoleToInstanceProfile", [
            QueryItem("InstanceProfileName", instanceProfileName), QueryItem("RoleName", roleName),
        ])
    }

    /// Whether the instance profile still exists (`GetInstanceProfile`).
    public func instanceProfileExists(instanceProfileName: String) async throws -> Bool {
        do {
            _ = try await client.query("GetInstanceProfile", [QueryItem("InstanceProfileName", instanceProfileName)])
            return true
        } catch let error as AWSError where error.code == "NoSuchEntity" {
            return false
        }
    }

    // MARK: - Helpers

    /// IAM returns policy documents percent-encoded (RFC 3986); some endpoints answer them raw.
    public static func decodeDocument(_ text: String) -> String {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.hasPrefix("{") { return trimmed }
        return trimmed.removingPercentEncoding ?? trimmed
    }

    static func tagParameters(_ tags: [IAMTag]) -> [QueryItem] {
        tags.enumerated().flatMap { index, tag in
            [QueryItem("Tags.member.\(index + 1).Key", tag.key), QueryItem("Tags.member.\(index + 1).Value", tag.value)]
        }
    }

    /// One paged list: `<container><member>…</member></container>` plus `IsTruncated`/`Marker`.
    func list<Item: Sendable>(_ action: String, _ parameters: [QueryItem], container: String,
                              _ item: (XMLNode) -> Item?) async throws -> [Item] {
        try await Paginator.collectAll(service: client.service.displayName, operation: action) { marker in
            var query = parameters
            if let marker { query.append(QueryItem("Marker", marker)) }
            if let pageSize { query.append(QueryItem("MaxItems", String(pageSize))) }
            let root = try await client.query(action, query)
            guard let result = root.descendant("\(action)Result") else {
                throw client.malformed(action, status: 200, "the answer has no \(action)Result")
            }
            let members = result.child(container)?.children("member") ?? []
            let truncated = result.string("IsTruncated")?.lowercased() == "true"
            return (members.compactMap(item), truncated ? result.string("Marker") : nil)
        }
    }
}
