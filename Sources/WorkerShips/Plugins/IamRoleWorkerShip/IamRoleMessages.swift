import StarfleetSchema

/// The operator-facing messages of the IAM role payload (SPEC-SHIPS §3.2, §3.3).
public enum IamRoleMessages {
    public static let roleName = "Must match ^[\\w+=,.@-]{1,64}$: 1 to 64 letters, digits or +=,.@_- characters."
    public static let roleNameVariables = "RoleName cannot use variables: the role must have the same name in every account."
    public static let path = "Must start and end with `/` and be at most 512 characters."
    public static let pathVariables = "Path cannot use variables."
    public static let serviceRolePath =
        "Paths under /aws-service-role/ belong to service-linked roles; Starfleet never manages them."
    public static let descriptionLength = "Longer than maximum length 1000."
    public static let maxSessionDuration = "Must be greater than or equal to 3600 and less than or equal to 43200."
    public static let policyArn =
        "Must be an IAM managed policy ARN: arn:aws:iam::aws:policy/NAME or arn:aws:iam::123456789012:policy/NAME."
    public static let inlinePolicyName = "Must match ^[\\w+=,.@-]{1,128}$: 1 to 128 letters, digits or +=,.@_- characters."
    public static let tagKeyLength = "Length must be between 1 and 128."
    public static let tagKeyReserved = "Tag keys starting with `aws:` are reserved for AWS."
    public static let tagValueLength = "Longer than maximum length 256."
    public static let tagPrefixEmpty = "Shorter than minimum length 1."
    public static let overrideNeedsValue =
        "An account override needs at least one of: Description, MaxSessionDuration, PermissionsBoundaryArn."
    public static let variableKey = "Must match ^[A-Za-z0-9_]{1,64}$."
    public static let variableValue = "Shorter than minimum length 1."

    public static func tooManyTags(_ count: Int) -> String {
        "At most 50 tags can apply to a role; \(count) apply to every account."
    }

    public static func duplicateVariable(_ key: String) -> String { "Duplicate variable key: \(key)." }

    public static func reservedVariable(_ key: String) -> String {
        "`\(key)` is reserved: account_id and account_name are set for each account."
    }

    /// «Unknown variable NAME in Role.<path>» (SPEC-SHIPS §3.3).
    public static func unknownVariable(_ name: String, path: String) -> String {
        "Unknown variable \(name) in Role.\(path)"
    }

    // MARK: Policy documents

    public static let version = "Must be one of: 2008-10-17, 2012-10-17."
    public static let statementShape = "Must be a statement mapping or a list of statement mappings."
    public static let stringOrList = "Must be a string or a list of strings."
    public static let principalShape =
        "Must be \"*\" or a mapping of AWS, Service, Federated or CanonicalUser to a string or a list of strings."
    public static let conditionShape =
        "Must be a mapping of condition operators to mappings of condition keys to a value or a list of values."
    public static let actionRequired = "A statement needs exactly one of Action and NotAction."
    public static let bothResource = "A statement cannot have both Resource and NotResource."
    public static let bothPrincipal = "A statement cannot have both Principal and NotPrincipal."
    public static let trustNeedsPrincipal = "A trust policy statement needs a Principal or NotPrincipal."
    public static let trustNoResource = "A trust policy statement cannot have a Resource or NotResource."
    public static let permissionsNeedResource = "A permissions policy statement needs a Resource or NotResource."
    public static let permissionsNoPrincipal = "A permissions policy statement cannot have a Principal or NotPrincipal."

    // MARK: Per-account rendering

    public static func duplicateOverride(account: String, positions: [Int]) -> String {
        "[🔥] This account: \(account) has more than 1 account override defined: "
            + positions.map { "Role.AccountOverrides.\($0)" }.joined(separator: ", ") + ". Can't continue!"
    }

    public static func duplicateInlinePolicy(_ name: String, account: String) -> String {
        "Two InlinePolicies named \(name) apply to account \(account)."
    }

    public static func duplicateTag(_ key: String, account: String) -> String {
        "Two Tags with the key \(key) apply to account \(account)."
    }

    public static func tooManyTagsApply(_ count: Int, account: String) -> String {
        "At most 50 tags can apply to a role; \(count) apply to account \(account)."
    }

    public static func afterRendering(_ path: String, _ message: String, account: String) -> String {
        "Role.\(path) for account \(account), after rendering variables: \(message)"
    }

    public static func emptyInclude(_ path: String) -> String {
        "[❓] IncludeAccounts did not resolve to any accounts in this element: Role.\(path)"
    }
}

extension ValidationErrors {
    /// Adds `message` at a nested key path (`["Role", "Tags", "0", "Key"]`).
    mutating func add(_ message: String, atPath path: [String], mark: SourceMark?) {
        var tree = ValidationErrors.message(message, mark: mark)
        for key in path.reversed() {
            tree = ValidationErrors(children: [key: tree], mark: mark)
        }
        merge(tree)
    }
}
