import StarfleetAWS
import StarfleetSchema

/// One IAM write and the plan entries it realises.
struct IamRoleStep: Sendable {
    enum Call: Sendable, Equatable {
        case createRole(IAMCreateRoleRequest)
        case updateAssumeRolePolicy(String)
        case updateRole(description: String, maxSessionDuration: Int)
        case putPermissionsBoundary(String)
        case deletePermissionsBoundary
        case tagRole([IAMTag])
        case untagRole([String])
        case attachRolePolicy(String)
        case detachRolePolicy(String)
        case putRolePolicy(name: String, document: String)
        case deleteRolePolicy(String)
        case removeRoleFromInstanceProfile(String)
        case deleteRole
    }

    let call: Call
    let entries: [ChangePlan.Entry]

    func run(on iam: any IAMAPI, roleName: String) async throws {
        switch call {
        case .createRole(let request): try await iam.createRole(request)
        case .updateAssumeRolePolicy(let document): try await iam.updateAssumeRolePolicy(roleName: roleName, policyDocument: document)
        case .updateRole(let description, let duration):
            try await iam.updateRole(roleName: roleName, description: description, maxSessionDuration: duration)
        case .putPermissionsBoundary(let arn): try await iam.putRolePermissionsBoundary(roleName: roleName, permissionsBoundaryArn: arn)
        case .deletePermissionsBoundary: try await iam.deleteRolePermissionsBoundary(roleName: roleName)
        case .tagRole(let tags): try await iam.tagRole(roleName: roleName, tags: tags)
        case .untagRole(let keys): try await iam.untagRole(roleName: roleName, tagKeys: keys)
        case .attachRolePolicy(let arn): try await iam.attachRolePolicy(roleName: roleName, policyArn: arn)
        case .detachRolePolicy(let arn): try await iam.detachRolePolicy(roleName: roleName, policyArn: arn)
        case .putRolePolicy(let name, let document):
            try await iam.putRolePolicy(roleName: roleName, policyName: name, policyDocument: document)
        case .deleteRolePolicy(let name): try await iam.deleteRolePolicy(roleName: roleName, policyName: name)
        case .removeRoleFromInstanceProfile(let profile):
            try await iam.removeRoleFromInstanceProfile(instanceProfileName: profile, roleName: roleName)
        case .deleteRole: try await iam.deleteRole(roleName: roleName)
        }
    }
}

/// The diff of SPEC-SHIPS §3.5, in table order, additions before removals within a row.
enum IamRolePlanner {
    static func plan(desired: RenderedRole, current: IamRoleCurrentState?) -> (steps: [IamRoleStep], warnings: [String]) {
        guard let current else { return (creation(desired), []) }
        var steps: [IamRoleStep] = []
        var warnings: [String] = []
        let name = desired.roleName

        // Trust policy.
        let haveTrust = PolicyNormalizer.normalize(current.trustPolicy)
        let wantTrust = PolicyNormalizer.normalize(desired.trustPolicy)
        if haveTrust != wantTrust {
            steps.append(IamRoleStep(
                call: .updateAssumeRolePolicy(JSONText.compact(desired.trustPolicy)),
                entries: [.init(.update, "trust policy of role \(name)",
                                details: LineDiff.compact(JSONText.pretty(haveTrust), JSONText.pretty(wantTrust)))]))
        }

        // Description and MaxSessionDuration: one UpdateRole.
        var settings: [String] = []
        if current.role.description != desired.description {
            settings.append(ChangePlan.change("description", current.role.description, desired.description))
        }
        if current.role.maxSessionDuration != desired.maxSessionDuration {
            settings.append("max_session_duration: \(current.role.maxSessionDuration) → \(desired.maxSessionDuration)")
        }
        if !settings.isEmpty {
            steps.append(IamRoleStep(call: .updateRole(description: desired.description, maxSessionDuration: desired.maxSessionDuration),
                                     entries: [.init(.update, "role \(name)", details: settings)]))
        }

        // Permissions boundary.
        switch (current.role.permissionsBoundaryArn, desired.permissionsBoundaryArn) {
        case (nil, let want?):
            steps.append(IamRoleStep(call: .putPermissionsBoundary(want),
                                     entries: [.init(.create, "permissions boundary \(want)")]))
        case (let have?, let want?) where have != want:
            steps.append(IamRoleStep(call: .putPermissionsBoundary(want),
                                     entries: [.init(.update, "permissions boundary", details: [ChangePlan.change("arn", have, want)])]))
        case (let have?, nil):
            steps.append(IamRoleStep(call: .deletePermissionsBoundary, entries: [.init(.delete, "permissions boundary \(have)")]))
        default:
            break
        }

        // Tags (ignored prefixes and aws: are never added or removed).
        let haveTags = Dictionary(current.tags.filter { !desired.ignoresTag($0.key) }.map { ($0.key, $0.value) },
                                  uniquingKeysWith: { _, last in last })
        let wantTags = desired.tags.filter { !desired.ignoresTag($0.key) }
        var tagEntries: [ChangePlan.Entry] = []
        var toTag: [IAMTag] = []
        for tag in wantTags {
            if let old = haveTags[tag.key] {
                guard old != tag.value else { continue }
                tagEntries.append(.init(.update, "tag \(tag.key)", details: [ChangePlan.change("value", old, tag.value)]))
            } else {
                tagEntries.append(.init(.create, "tag \(tag.key) = \(ChangePlan.quoted(tag.value))"))
            }
            toTag.append(IAMTag(key: tag.key, value: tag.value))
        }
        if !toTag.isEmpty { steps.append(IamRoleStep(call: .tagRole(toTag), entries: tagEntries)) }
        let wanted = Set(wantTags.map(\.key))
        let stale = haveTags.keys.filter { !wanted.contains($0) }.sorted()
        if !stale.isEmpty {
            steps.append(IamRoleStep(call: .untagRole(stale), entries: stale.map {
                .init(.delete, "tag \($0) (was \(ChangePlan.quoted(haveTags[$0] ?? "")))")
            }))
        }

        // Managed policies.
        let haveArns = Set(current.managedPolicyArns)
        let wantArns = Set(desired.managedPolicyArns)
        for arn in desired.managedPolicyArns where !haveArns.contains(arn) {
            steps.append(IamRoleStep(call: .attachRolePolicy(arn), entries: [.init(.create, "policy attachment \(arn)")]))
        }
        for arn in current.managedPolicyArns.sorted() where !wantArns.contains(arn) {
            steps.append(IamRoleStep(call: .detachRolePolicy(arn), entries: [.init(.delete, "policy attachment \(arn)")]))
        }

        // Inline policies.
        for policy in desired.inlinePolicies {
            let wantDocument = PolicyNormalizer.normalize(policy.document)
            if let have = current.inlinePolicies[policy.name] {
                let haveDocument = PolicyNormalizer.normalize(have)
                guard haveDocument != wantDocument else { continue }
                steps.append(IamRoleStep(
                    call: .putRolePolicy(name: policy.name, document: JSONText.compact(policy.document)),
                    entries: [.init(.update, "inline policy \(policy.name)",
                                    details: LineDiff.compact(JSONText.pretty(haveDocument), JSONText.pretty(wantDocument)))]))
            } else {
                steps.append(IamRoleStep(
                    call: .putRolePolicy(name: policy.name, document: JSONText.compact(policy.document)),
                    entries: [.init(.create, "inline policy \(policy.name)", details: [JSONText.compact(policy.document)])]))
            }
        }
        let wantedInline = Set(desired.inlinePolicies.map(\.name))
        for name in current.inlinePolicies.keys.sorted() where !wantedInline.contains(name) {
            steps.append(IamRoleStep(call: .deleteRolePolicy(name), entries: [.init(.delete, "inline policy \(name)")]))
        }

        if current.role.path != desired.path {
            warnings.append("Path differs (current \(current.role.path), desired \(desired.path)); IAM cannot move a role — recreate manually")
        }
        return (steps, warnings)
    }

    /// CreateRole (with tags and boundary), then every attachment and inline policy.
    static func creation(_ desired: RenderedRole) -> [IamRoleStep] {
        let tags = desired.tags.filter { !desired.ignoresTag($0.key) }
        var details = [
            ChangePlan.value("path", desired.path),
            ChangePlan.value("description", desired.description),
            "max_session_duration: \(desired.maxSessionDuration)",
        ]
        if let boundary = desired.permissionsBoundaryArn { details.append(ChangePlan.value("permissions_boundary", boundary)) }
        for tag in tags { details.append("tag \(tag.key) = \(ChangePlan.quoted(tag.value))") }
        details.append("trust policy: \(JSONText.compact(desired.trustPolicy))")
        let request = IAMCreateRoleRequest(
            roleName: desired.roleName, path: desired.path, assumeRolePolicyDocument: JSONText.compact(desired.trustPolicy),
            description: desired.description.isEmpty ? nil : desired.description, maxSessionDuration: desired.maxSessionDuration,
            permissionsBoundaryArn: desired.permissionsBoundaryArn, tags: tags.map { IAMTag(key: $0.key, value: $0.value) })
        var steps = [IamRoleStep(call: .createRole(request), entries: [.init(.create, "role \(desired.roleName)", details: details)])]
        for arn in desired.managedPolicyArns {
            steps.append(IamRoleStep(call: .attachRolePolicy(arn), entries: [.init(.create, "policy attachment \(arn)")]))
        }
        for policy in desired.inlinePolicies {
            steps.append(IamRoleStep(
                call: .putRolePolicy(name: policy.name, document: JSONText.compact(policy.document)),
                entries: [.init(.create, "inline policy \(policy.name)", details: [JSONText.compact(policy.document)])]))
        }
        return steps
    }

    /// SPEC-SHIPS §3.6: out of instance profiles (kept), detach, delete inline, boundary, role.
    static func deletion(roleName: String, current: IamRoleCurrentState, instanceProfiles: [String]) -> [IamRoleStep] {
        var steps: [IamRoleStep] = []
        for profile in instanceProfiles.sorted() {
            steps.append(IamRoleStep(call: .removeRoleFromInstanceProfile(profile),
                                     entries: [.init(.delete, "instance profile membership \(profile) (the profile is kept)")]))
        }
        for arn in current.managedPolicyArns.sorted() {
            steps.append(IamRoleStep(call: .detachRolePolicy(arn), entries: [.init(.delete, "policy attachment \(arn)")]))
        }
        for name in current.inlinePolicies.keys.sorted() {
            steps.append(IamRoleStep(call: .deleteRolePolicy(name), entries: [.init(.delete, "inline policy \(name)")]))
        }
        if let boundary = current.role.permissionsBoundaryArn {
            steps.append(IamRoleStep(call: .deletePermissionsBoundary, entries: [.init(.delete, "permissions boundary \(boundary)")]))
        }
        steps.append(IamRoleStep(call: .deleteRole, entries: [.init(.delete, "role \(roleName)")]))
        return steps
    }
}
