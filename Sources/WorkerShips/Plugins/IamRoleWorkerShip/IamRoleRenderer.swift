import Starfleet
import StarfleetSchema

/// The role as it should be in one account, after scoping, overrides and variables.
public struct RenderedRole: Sendable, Equatable {
    public var roleName: String
    public var path: String
    public var description: String
    public var maxSessionDuration: Int
    public var trustPolicy: PayloadValue
    public var permissionsBoundaryArn: String?
    /// Sorted, duplicates merged.
    public var managedPolicyArns: [String]
    /// Name → document, in payload order.
    public var inlinePolicies: [(name: String, document: PayloadValue)]
    /// In payload order.
    public var tags: [(key: String, value: String)]
    public var ignoreTagKeyPrefixes: [String]
    /// The account matches `DeleteInAccounts`.
    public var deleteHere: Bool

    public static func == (lhs: RenderedRole, rhs: RenderedRole) -> Bool {
        lhs.roleName == rhs.roleName && lhs.path == rhs.path && lhs.description == rhs.description
            && lhs.maxSessionDuration == rhs.maxSessionDuration && lhs.trustPolicy == rhs.trustPolicy
            && lhs.permissionsBoundaryArn == rhs.permissionsBoundaryArn && lhs.managedPolicyArns == rhs.managedPolicyArns
            && lhs.inlinePolicies.map(\.name) == rhs.inlinePolicies.map(\.name)
            && lhs.inlinePolicies.map(\.document) == rhs.inlinePolicies.map(\.document)
            && lhs.tags.map(\.key) == rhs.tags.map(\.key) && lhs.tags.map(\.value) == rhs.tags.map(\.value)
            && lhs.ignoreTagKeyPrefixes == rhs.ignoreTagKeyPrefixes && lhs.deleteHere == rhs.deleteHere
    }

    /// Whether IAM should never add or remove this tag key here.
    public func ignoresTag(_ key: String) -> Bool {
        key.lowercased().hasPrefix("aws:") || ignoreTagKeyPrefixes.contains { key.hasPrefix($0) }
    }
}

/// Errors found while rendering for one account (SPEC-SHIPS §3.3).
public struct IamRoleRenderError: Error, Sendable, CustomStringConvertible, Equatable {
    public let messages: [String]
    public var description: String { messages.joined(separator: "\n") }
}

/// Renders the loaded payload for one account (SPEC-SHIPS §3.3): element filter, account
/// override, variables, post-render checks.
struct IamRoleRenderer {
    let payload: Payload
    let scope: AccountScope
    let account: String
    let accountName: String

    /// Warnings such as include specs that resolve to nothing.
    private(set) var warnings: [String] = []

    init(payload: Payload, index: any AccountIndex, account: String) {
        self.payload = payload
        self.scope = AccountScope(index: index)
        self.account = account
        self.accountName = index.name(of: account) ?? account
    }

    var variables: [String: String] {
        var values: [String: String] = ["account_id": account, "account_name": accountName]
        for item in payload["variables"]?.list ?? [] {
            if let key = item["key"]?.string, let value = item["value"]?.string { values[key] = value }
        }
        return values
    }

    mutating func render() throws(IamRoleRenderError) -> RenderedRole {
        let role = payload.map("role") ?? [:]
        var problems: [String] = []
        let values = variables

        func substitute(_ text: String, _ path: String) -> String {
            let (rendered, unknown) = IamRoleSyntax.substitute(text, values: values)
            for name in unknown { problems.append(IamRoleMessages.unknownVariable(name, path: path)) }
            return rendered
        }
        func substitute(_ value: PayloadValue, _ path: String) -> PayloadValue {
            switch value {
            case .string(let text): return .string(substitute(text, path))
            case .list(let items):
                return .list(items.enumerated().map { substitute($0.element, "\(path).\($0.offset)") })
            case .map(let map):
                var output = PayloadMap()
                for (key, entry) in map {
                    output[substitute(key, "\(path).\(key)")] = substitute(entry, "\(path).\(key)")
                }
                return .map(output)
            default: return value
            }
        }
        func applies(_ element: PayloadMap, _ path: String) -> Bool {
            let result = scope.applies(include: element["include_accounts"]?.map, exclude: element["exclude_accounts"]?.map,
                                       to: account)
            if result.emptyInclude { warnings.append(IamRoleMessages.emptyInclude(path)) }
            return result.applies
        }

        // Account overrides: at most one may match.
        var description = role["description"]?.string ?? ""
        var maxSession = role["max_session_duration"]?.int ?? 3600
        var boundary = role["permissions_boundary_arn"]?.string
        var descriptionPath = "Description"
        var boundaryPath = "PermissionsBoundaryArn"
        let overrides = (role["account_overrides"]?.list ?? []).compactMap(\.map)
        let matching = overrides.enumerated().filter { applies($0.element, "AccountOverrides.\($0.offset)") }
        if matching.count > 1 {
            throw IamRoleRenderError(messages: [IamRoleMessages.duplicateOverride(account: account, positions: matching.map(\.offset))])
        }
        if let (position, override) = matching.first {
            if let text = override["description"]?.string {
                description = text
                descriptionPath = "AccountOverrides.\(position).Description"
            }
            if let duration = override["max_session_duration"]?.int { maxSession = duration }
            if let value = override["permissions_boundary_arn"] {
                boundary = value.string
                boundaryPath = "AccountOverrides.\(position).PermissionsBoundaryArn"
            }
        }

        description = substitute(description, descriptionPath)
        if description.unicodeScalars.count > 1000 {
            problems.append(IamRoleMessages.afterRendering(descriptionPath, IamRoleMessages.descriptionLength, account: account))
        }
        if let text = boundary {
            let rendered = substitute(text, boundaryPath)
            if !IamRoleSyntax.isPolicyArn(rendered) {
                problems.append(IamRoleMessages.afterRendering(boundaryPath, IamRoleMessages.policyArn, account: account))
            }
            boundary = rendered
        }
        let trust = substitute(role["assume_role_policy_document"] ?? .map([:]), "AssumeRolePolicyDocument")

        var arns: [String] = []
        for (position, item) in (role["managed_policies"]?.list ?? []).enumerated() {
            guard let element = item.map, applies(element, "ManagedPolicies.\(position)") else { continue }
            let path = "ManagedPolicies.\(position).PolicyArn"
            let arn = substitute(element["policy_arn"]?.string ?? "", path)
            if !IamRoleSyntax.isPolicyArn(arn) {
                problems.append(IamRoleMessages.afterRendering(path, IamRoleMessages.policyArn, account: account))
            }
            arns.append(arn)
        }

        var inline: [(name: String, document: PayloadValue)] = []
        for (position, item) in (role["inline_policies"]?.list ?? []).enumerated() {
            guard let element = item.map, applies(element, "InlinePolicies.\(position)") else { continue }
            let namePath = "InlinePolicies.\(position).PolicyName"
            let name = substitute(element["policy_name"]?.string ?? "", namePath)
            if !IamRoleSyntax.isName(name, maxLength: 128) {
                problems.append(IamRoleMessages.afterRendering(namePath, IamRoleMessages.inlinePolicyName, account: account))
            }
            if inline.contains(where: { $0.name == name }) {
                problems.append(IamRoleMessages.duplicateInlinePolicy(name, account: account))
            }
            let document = substitute(element["policy_document"] ?? .map([:]), "InlinePolicies.\(position).PolicyDocument")
            inline.append((name, document))
        }

        var tags: [(key: String, value: String)] = []
        for (position, item) in (role["tags"]?.list ?? []).enumerated() {
            guard let element = item.map, applies(element, "Tags.\(position)") else { continue }
            let key = substitute(element["key"]?.string ?? "", "Tags.\(position).Key")
            let value = substitute(element["value"]?.string ?? "", "Tags.\(position).Value")
            if let problem = IamRoleWorkerShipTemplates.tagKeyProblem(key, rendered: true) {
                problems.append(IamRoleMessages.afterRendering("Tags.\(position).Key", problem, account: account))
            }
            if value.unicodeScalars.count > 256 {
                problems.append(IamRoleMessages.afterRendering("Tags.\(position).Value", IamRoleMessages.tagValueLength, account: account))
            }
            if tags.contains(where: { $0.key == key }) {
                problems.append(IamRoleMessages.duplicateTag(key, account: account))
            }
            tags.append((key, value))
        }
        if tags.count > 50 { problems.append(IamRoleMessages.tooManyTagsApply(tags.count, account: account)) }

        let prefixes = (role["ignore_tag_key_prefixes"]?.strings ?? []).enumerated().map {
            substitute($0.element, "IgnoreTagKeyPrefixes.\($0.offset)")
        }
        var deleteHere = false
        if let spec = role["delete_in_accounts"]?.map {
            deleteHere = scope.included(spec).contains(account)
        }
        guard problems.isEmpty else { throw IamRoleRenderError(messages: problems) }
        return RenderedRole(
            roleName: role["role_name"]?.string ?? "", path: role["path"]?.string ?? "/", description: description,
            maxSessionDuration: maxSession, trustPolicy: trust, permissionsBoundaryArn: boundary,
            managedPolicyArns: Set(arns).sorted(), inlinePolicies: inline, tags: tags, ignoreTagKeyPrefixes: prefixes,
            deleteHere: deleteHere)
    }
}
