import Starfleet
import StarfleetSchema

/// Configuration and payload templates of the IamRoleWorkerShip: the Starfleet-native role
/// payload of SPEC-SHIPS §3.2.
///
/// Policy documents keep AWS's own key names when loaded (`Version`, `Statement`, `Effect`…),
/// so they can be sent to IAM as written. Role keys load as snake_case like every payload.
public enum IamRoleWorkerShipTemplates {
    public static let configuration = WorkerShipConfigurationTemplate.base.extending(
        "IamRoleWorkerShipConfigurationTemplate",
        fields: [
            .string("worker_role_to_assume", key: "WorkerRoleToAssume", required: true),
            .string("worker_role_session_name", key: "WorkerRoleSessionName", default: "StarfleetIamRoleWorkerShip"),
        ]
    )

    public static let payload = PayloadTemplates.baseAccount.extending(
        "IamRoleWorkerShipPayloadTemplate",
        fields: [
            .list("variables", key: "Variables", of: .nested(variable), default: .list([])),
            .nested("role", key: "Role", schema: role, required: true),
        ],
        rules: [variablesRule, referencesRule]
    )

    // MARK: - Variables

    static let variable = Schema(name: "IamRoleVariable", fields: [
        .string("key", key: "Key", required: true, validators: [.custom { value in
            guard let text = value.string, !IamRoleSyntax.isVariableKey(text) else { return nil }
            return .message(IamRoleMessages.variableKey)
        }]),
        .string("value", key: "Value", required: true, validators: [.length(min: 1)]),
    ], unknownKeys: .raise)

    public static let reservedVariables: Set<String> = ["account_id", "account_name"]

    /// Keys are unique and not reserved.
    static let variablesRule: Schema.ObjectRule = { data, original in
        var errors = ValidationErrors()
        var seen = Set<String>()
        let nodes: [YAMLNode]
        if case .sequence(let items)? = original["Variables"]?.value { nodes = items } else { nodes = [] }
        for (position, item) in (data["variables"]?.list ?? []).enumerated() {
            guard let key = item["key"]?.string else { continue }
            let mark = position < nodes.count ? nodes[position].keyMark("Key") : nil
            if reservedVariables.contains(key) {
                errors.add(IamRoleMessages.reservedVariable(key), atPath: ["Variables", String(position), "Key"], mark: mark)
            } else if !seen.insert(key).inserted {
                errors.add(IamRoleMessages.duplicateVariable(key), atPath: ["Variables", String(position), "Key"], mark: mark)
            }
        }
        return errors.isEmpty ? nil : errors
    }

    /// Every `{{ var.NAME }}` under Role names a declared or reserved variable.
    static let referencesRule: Schema.ObjectRule = { data, original in
        guard let roleNode = original["Role"] else { return nil }
        var known = reservedVariables
        for item in data["variables"]?.list ?? [] {
            if let key = item["key"]?.string { known.insert(key) }
        }
        var errors = ValidationErrors()
        IamRoleTemplateWalk.strings(in: roleNode) { text, path, mark in
            for reference in IamRoleSyntax.references(in: text) where !known.contains(reference.name) {
                errors.add(IamRoleMessages.unknownVariable(reference.name, path: path.joined(separator: ".")),
                           atPath: ["Role"] + path, mark: mark)
            }
        }
        return errors.isEmpty ? nil : errors
    }

    // MARK: - Role

    static func rule(_ check: @escaping @Sendable (String) -> String?) -> FieldValidator {
        .custom { value in
            guard let text = value.string, let message = check(text) else { return nil }
            return .message(message)
        }
    }

    static let roleNameRule = rule { text in
        if IamRoleSyntax.hasReferences(text) || text.contains("{{") { return IamRoleMessages.roleNameVariables }
        return IamRoleSyntax.isName(text, maxLength: 64) ? nil : IamRoleMessages.roleName
    }

    static let pathRule = rule { text in
        if text.contains("{{") { return IamRoleMessages.pathVariables }
        guard text.hasPrefix("/"), text.hasSuffix("/"), text.unicodeScalars.count <= 512 else { return IamRoleMessages.path }
        return text.hasPrefix("/aws-service-role/") ? IamRoleMessages.serviceRolePath : nil
    }

    /// Checks that only make sense on rendered text are skipped while variables remain; the
    /// renderer repeats them per account.
    static let descriptionRule = rule { text in
        guard !IamRoleSyntax.hasReferences(text) else { return nil }
        return text.unicodeScalars.count > 1000 ? IamRoleMessages.descriptionLength : nil
    }

    static let policyArnRule = rule { text in
        guard !IamRoleSyntax.hasReferences(text) else { return nil }
        return IamRoleSyntax.isPolicyArn(text) ? nil : IamRoleMessages.policyArn
    }

    static let inlineNameRule = rule { text in
        guard !IamRoleSyntax.hasReferences(text) else { return nil }
        return IamRoleSyntax.isName(text, maxLength: 128) ? nil : IamRoleMessages.inlinePolicyName
    }

    static let tagKeyRule = rule { text in
        tagKeyProblem(text, rendered: !IamRoleSyntax.hasReferences(text))
    }

    static func tagKeyProblem(_ text: String, rendered: Bool) -> String? {
        if text.lowercased().hasPrefix("aws:") { return IamRoleMessages.tagKeyReserved }
        guard rendered else { return nil }
        return (1...128).contains(text.unicodeScalars.count) ? nil : IamRoleMessages.tagKeyLength
    }

    static let tagValueRule = rule { text in
        guard !IamRoleSyntax.hasReferences(text) else { return nil }
        return text.unicodeScalars.count > 256 ? IamRoleMessages.tagValueLength : nil
    }

    static let scopeFields: [Field] = [
        .nested("include_accounts", key: "IncludeAccounts", schema: PayloadTemplates.includeAccountsSpecification),
        .nested("exclude_accounts", key: "ExcludeAccounts", schema: PayloadTemplates.accountsSpecification),
    ]

    static let managedPolicy = Schema(name: "IamRoleManagedPolicy", fields: [
        .string("policy_arn", key: "PolicyArn", required: true, validators: [policyArnRule]),
    ] + scopeFields, unknownKeys: .raise)

    static let inlinePolicy = Schema(name: "IamRoleInlinePolicy", fields: [
        .string("policy_name", key: "PolicyName", required: true, validators: [inlineNameRule]),
        .nested("policy_document", key: "PolicyDocument", schema: PolicyDocumentTemplates.permissions, required: true),
    ] + scopeFields, unknownKeys: .raise)

    static let tag = Schema(name: "IamRoleTag", fields: [
        .string("key", key: "Key", required: true, validators: [tagKeyRule]),
        .string("value", key: "Value", required: true, validators: [tagValueRule]),
    ] + scopeFields, unknownKeys: .raise)

    static let boundaryField = Field("permissions_boundary_arn", key: "PermissionsBoundaryArn", kind: .string,
                                     default: .null, validators: [policyArnRule])

    static let accountOverride = Schema(name: "IamRoleAccountOverride", fields: [
        .nested("include_accounts", key: "IncludeAccounts", schema: PayloadTemplates.includeAccountsSpecification, required: true),
        .nested("exclude_accounts", key: "ExcludeAccounts", schema: PayloadTemplates.accountsSpecification),
        .string("description", key: "Description", validators: [descriptionRule]),
        .integer("max_session_duration", key: "MaxSessionDuration", validators: [.range(min: 3600, max: 43200)]),
        boundaryField,
    ], unknownKeys: .raise, rules: [overrideRule])

    /// At least one value key; a boundary key that was not written is dropped, so that an
    /// explicit `null` ("no boundary here") stays distinguishable from "not overridden".
    static let overrideRule: Schema.ObjectRule = { data, original in
        if original.keyMark("PermissionsBoundaryArn") == nil { data.removeValue(forKey: "permissions_boundary_arn") }
        let keys = ["Description", "MaxSessionDuration", "PermissionsBoundaryArn"]
        guard keys.allSatisfy({ original.keyMark($0) == nil }) else { return nil }
        var errors = ValidationErrors()
        errors.addSchemaError(IamRoleMessages.overrideNeedsValue, mark: original.mark)
        return errors
    }

    public static let role = Schema(name: "IamRoleSpec", fields: [
        .string("role_name", key: "RoleName", required: true, validators: [roleNameRule]),
        .string("path", key: "Path", default: "/", validators: [pathRule]),
        .string("description", key: "Description", default: "", validators: [descriptionRule]),
        .integer("max_session_duration", key: "MaxSessionDuration", default: 3600, validators: [.range(min: 3600, max: 43200)]),
        .nested("assume_role_policy_document", key: "AssumeRolePolicyDocument", schema: PolicyDocumentTemplates.trust, required: true),
        boundaryField,
        .list("managed_policies", key: "ManagedPolicies", of: .nested(managedPolicy), default: .list([])),
        .list("inline_policies", key: "InlinePolicies", of: .nested(inlinePolicy), default: .list([])),
        .list("tags", key: "Tags", of: .nested(tag), default: .list([])),
        .list("ignore_tag_key_prefixes", key: "IgnoreTagKeyPrefixes", of: .string, itemValidators: [.length(min: 1)],
              default: .list([])),
        .list("account_overrides", key: "AccountOverrides", of: .nested(accountOverride), default: .list([])),
        .nested("delete_in_accounts", key: "DeleteInAccounts", schema: PayloadTemplates.includeAccountsSpecification,
                default: .null),
    ], unknownKeys: .raise, rules: [tagCountRule])

    /// More than 50 tags that apply everywhere can never be valid.
    static let tagCountRule: Schema.ObjectRule = { data, original in
        let unscoped = (data["tags"]?.list ?? []).filter { $0["include_accounts"] == nil && $0["exclude_accounts"] == nil }
        guard unscoped.count > 50 else { return nil }
        var errors = ValidationErrors()
        errors.add(IamRoleMessages.tooManyTags(unscoped.count), at: "Tags", mark: original.keyMark("Tags"))
        return errors
    }
}

/// Walks the string scalars of a Role node that variables may appear in: everything but
/// RoleName, Path and the account specifications.
enum IamRoleTemplateWalk {
    static let skippedRoleKeys: Set<String> = ["RoleName", "Path", "DeleteInAccounts"]
    static let skippedKeys: Set<String> = ["IncludeAccounts", "ExcludeAccounts"]

    static func strings(in role: YAMLNode, _ visit: (String, [String], SourceMark?) -> Void) {
        guard case .mapping(let pairs) = role.value else { return }
        for pair in pairs {
            let key = pair.key.value.keyDescription
            guard !skippedRoleKeys.contains(key), !skippedKeys.contains(key) else { continue }
            walk(pair.value, path: [key], mark: pair.key.mark, visit)
        }
    }

    private static func walk(_ node: YAMLNode, path: [String], mark: SourceMark?, _ visit: (String, [String], SourceMark?) -> Void) {
        switch node.value {
        case .string(let text):
            visit(text, path, node.mark ?? mark)
        case .sequence(let items):
            for (position, item) in items.enumerated() {
                walk(item, path: path + [String(position)], mark: item.mark ?? mark, visit)
            }
        case .mapping(let pairs):
            for pair in pairs {
                let key = pair.key.value.keyDescription
                guard !skippedKeys.contains(key) else { continue }
                // Keys may carry variables too (tag keys in a Condition, say): check them as well.
                visit(key, path + [key], pair.key.mark)
                walk(pair.value, path: path + [key], mark: pair.key.mark, visit)
            }
        default:
            break
        }
    }
}
