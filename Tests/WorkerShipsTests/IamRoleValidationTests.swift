import Foundation
import Starfleet
import StarfleetSchema
import Testing

@testable import WorkerShips

/// Every rule and message of the Starfleet-native IAM role payload (SPEC-SHIPS §3.2) that can be
/// checked before an account is known.
@Suite("IamRoleWorkerShip payload validation")
struct IamRoleValidationTests {
    static let schema = IamRoleWorkerShip.payloadTemplate

    /// A valid payload whose Role body is `role` (indented under `Role:`), plus `extra` at the top.
    static func payload(role: String = minimalRole, extra: String = "") -> String {
        """
        TemplateName: Role
        TemplateDescription: A role everywhere
        IncludeAccounts:
          AllAccounts: true
        \(extra)
        Role:
        \(role.split(separator: "\n", omittingEmptySubsequences: false).map { "  " + $0 }.joined(separator: "\n"))
        """
    }

    static let trust = """
    AssumeRolePolicyDocument:
      Statement:
        Effect: Allow
        Principal: {Service: ec2.amazonaws.com}
        Action: sts:AssumeRole
    """

    static let minimalRole = "RoleName: Auditor\n" + trust

    func errors(_ yaml: String) throws -> [String] { try ShipFixtures.errors(Self.schema, yaml) }
    func errors(role: String, extra: String = "") throws -> [String] { try errors(Self.payload(role: role, extra: extra)) }
    func loadedRole(_ role: String) throws -> PayloadMap {
        try #require(Self.schema.load(YAMLReader().read(Self.payload(role: role)))["role"]?.map)
    }

    @Test("defaults: Path /, Description empty, 3600 s, no boundary, empty lists, no deletion")
    func defaults() throws {
        let role = try loadedRole(Self.minimalRole)
        #expect(role["path"] == .string("/"))
        #expect(role["description"] == .string(""))
        #expect(role["max_session_duration"] == .int(3600))
        #expect(role["permissions_boundary_arn"] == .null)
        for key in ["managed_policies", "inline_policies", "tags", "ignore_tag_key_prefixes", "account_overrides"] {
            #expect(role[key] == .list([]), "\(key)")
        }
        #expect(role["delete_in_accounts"] == .null)
        let document = try #require(role["assume_role_policy_document"]?.map)
        #expect(document["Version"] == .string("2012-10-17"))
    }

    @Test("Role is required and rejects unknown keys")
    func roleRequired() throws {
        let noRole = "TemplateName: R\nTemplateDescription: d\nIncludeAccounts: {AllAccounts: true}\n"
        #expect(try errors(noRole) == ["Role: Missing data for required field."])
        #expect(try errors(role: Self.minimalRole + "\nRoleArn: x") == ["Role.RoleArn: Unknown field."])
        #expect(try errors(role: Self.trust) == ["Role.RoleName: Missing data for required field."])
        #expect(try errors(role: "RoleName: Auditor") == ["Role.AssumeRolePolicyDocument: Missing data for required field."])
    }

    @Test("RoleName: ^[\\w+=,.@-]{1,64}$ and no variables",
          arguments: [("Auditor", true), ("a+b=c,d.e@f_g-h", true), (String(repeating: "r", count: 64), true),
                      (String(repeating: "r", count: 65), false), ("bad!name", false), ("with space", false), ("\"\"", false)])
    func roleName(name: String, valid: Bool) throws {
        let found = try errors(role: "RoleName: \(name)\n" + Self.trust)
        #expect(found == (valid ? [] : ["Role.RoleName: \(IamRoleMessages.roleName)"]))
    }

    @Test("RoleName cannot use variables")
    func roleNameVariables() throws {
        #expect(try errors(role: "RoleName: \"Auditor-{{ var.account_id }}\"\n" + Self.trust) == [
            "Role.RoleName: RoleName cannot use variables: the role must have the same name in every account.",
        ])
    }

    @Test("Path: slashes at both ends, at most 512, never /aws-service-role/")
    func path() throws {
        #expect(try errors(role: Self.minimalRole + "\nPath: /team/auditors/") == [])
        for bad in ["team/", "/team", "team", String(repeating: "/a", count: 256) + "/"] {
            #expect(try errors(role: Self.minimalRole + "\nPath: \(bad)") == ["Role.Path: Must start and end with `/` and be at most 512 characters."], "\(bad)")
        }
        #expect(try errors(role: Self.minimalRole + "\nPath: /aws-service-role/config.amazonaws.com/") == [
            "Role.Path: Paths under /aws-service-role/ belong to service-linked roles; Starfleet never manages them.",
        ])
        #expect(try errors(role: Self.minimalRole + "\nPath: \"/{{ var.team }}/\"", extra: "Variables: [{Key: team, Value: a}]") == [
            "Role.Path: Path cannot use variables.",
        ])
    }

    @Test("Description at most 1000 characters; MaxSessionDuration 3600–43200")
    func descriptionAndDuration() throws {
        #expect(try errors(role: Self.minimalRole + "\nDescription: \(String(repeating: "d", count: 1000))") == [])
        #expect(try errors(role: Self.minimalRole + "\nDescription: \(String(repeating: "d", count: 1001))") == [
            "Role.Description: Longer than maximum length 1000.",
        ])
        for (value, valid) in [(3599, false), (3600, true), (43200, true), (43201, false)] {
            let found = try errors(role: Self.minimalRole + "\nMaxSessionDuration: \(value)")
            #expect(found == (valid ? [] : ["Role.MaxSessionDuration: Must be greater than or equal to 3600 and less than or equal to 43200."]), "\(value)")
        }
    }

    @Test("PermissionsBoundaryArn and PolicyArn must be IAM policy ARNs")
    func policyArns() throws {
        let good = ["arn:aws:iam::aws:policy/ReadOnlyAccess", "arn:aws:iam::123456789012:policy/team/Boundary",
                    "arn:aws-us-gov:iam::aws:policy/ReadOnlyAccess"]
        let bad = ["ReadOnlyAccess", "arn:aws:iam::12345:policy/x", "arn:aws:iam::aws:role/x", "arn:aws:s3:::bucket",
                   "arn:aws:iam::aws:policy/"]
        for arn in good {
            #expect(try errors(role: Self.minimalRole + "\nPermissionsBoundaryArn: \(arn)") == [], "\(arn)")
            #expect(try errors(role: Self.minimalRole + "\nManagedPolicies: [{PolicyArn: \(arn)}]") == [], "\(arn)")
        }
        for arn in bad {
            #expect(try errors(role: Self.minimalRole + "\nPermissionsBoundaryArn: \(arn)") == ["Role.PermissionsBoundaryArn: \(IamRoleMessages.policyArn)"], "\(arn)")
            #expect(try errors(role: Self.minimalRole + "\nManagedPolicies: [{PolicyArn: \(arn)}]") == [
                "Role.ManagedPolicies.0.PolicyArn: \(IamRoleMessages.policyArn)",
            ], "\(arn)")
        }
        #expect(try errors(role: Self.minimalRole + "\nPermissionsBoundaryArn: null") == [])
        #expect(try errors(role: Self.minimalRole + "\nManagedPolicies: [{}]") == ["Role.ManagedPolicies.0.PolicyArn: Missing data for required field."])
    }

    static let inlineDocument = "{Statement: [{Effect: Allow, Action: s3:GetObject, Resource: \"*\"}]}"

    @Test("InlinePolicies: name pattern, required document, unknown keys")
    func inlinePolicies() throws {
        #expect(try errors(role: Self.minimalRole + "\nInlinePolicies: [{PolicyName: s3-read, PolicyDocument: \(Self.inlineDocument)}]") == [])
        #expect(try errors(role: Self.minimalRole + "\nInlinePolicies: [{PolicyName: \"s3 read!\", PolicyDocument: \(Self.inlineDocument)}]") == [
            "Role.InlinePolicies.0.PolicyName: \(IamRoleMessages.inlinePolicyName)",
        ])
        let long = String(repeating: "p", count: 129)
        #expect(try errors(role: Self.minimalRole + "\nInlinePolicies: [{PolicyName: \(long), PolicyDocument: \(Self.inlineDocument)}]") == [
            "Role.InlinePolicies.0.PolicyName: \(IamRoleMessages.inlinePolicyName)",
        ])
        #expect(try errors(role: Self.minimalRole + "\nInlinePolicies: [{PolicyName: p}]") == [
            "Role.InlinePolicies.0.PolicyDocument: Missing data for required field.",
        ])
        #expect(try errors(role: Self.minimalRole + "\nInlinePolicies: [{PolicyName: p, PolicyDocument: \(Self.inlineDocument), Scope: x}]") == [
            "Role.InlinePolicies.0.Scope: Unknown field.",
        ])
    }

    @Test("policy documents: AWS grammar, trust vs permissions rules")
    func policyDocuments() throws {
        func trust(_ statement: String) throws -> [String] {
            try errors(role: "RoleName: R\nAssumeRolePolicyDocument: {Statement: \(statement)}")
        }
        func inline(_ statement: String) throws -> [String] {
            try errors(role: Self.minimalRole + "\nInlinePolicies: [{PolicyName: p, PolicyDocument: {Statement: \(statement)}}]")
        }
        let base = "Role.AssumeRolePolicyDocument.Statement"
        #expect(try trust("[{Effect: Allow, Principal: \"*\", Action: sts:AssumeRole}]") == [])
        #expect(try trust("{Effect: Allow, Principal: {AWS: [arn:aws:iam::111111111111:root]}, Action: [sts:AssumeRole, sts:TagSession]}") == [])
        #expect(try trust("{Effect: Allow, Action: sts:AssumeRole}") == ["\(base): A trust policy statement needs a Principal or NotPrincipal."])
        #expect(try trust("{Effect: Allow, Principal: \"*\", Action: sts:AssumeRole, Resource: \"*\"}") == [
            "\(base): A trust policy statement cannot have a Resource or NotResource.",
        ])
        #expect(try trust("{Effect: Allow, Principal: \"*\"}") == ["\(base): A statement needs exactly one of Action and NotAction."])
        #expect(try trust("{Effect: Allow, Principal: \"*\", Action: a, NotAction: b}") == ["\(base): A statement needs exactly one of Action and NotAction."])
        #expect(try trust("{Effect: Allow, Principal: \"*\", NotPrincipal: \"*\", Action: a}") == [
            "\(base): A statement cannot have both Principal and NotPrincipal.",
        ])
        #expect(try trust("{Effect: Maybe, Principal: \"*\", Action: a}") == ["\(base).Effect: Must be one of: Allow, Deny."])
        #expect(try trust("{Principal: \"*\", Action: a}") == ["\(base).Effect: Missing data for required field."])
        #expect(try trust("{Effect: Allow, Principal: {Robots: x}, Action: a}") == ["\(base).Principal: \(IamRoleMessages.principalShape)"])
        #expect(try trust("{Effect: Allow, Principal: {AWS: 111111111111}, Action: a}") == ["\(base).Principal: \(IamRoleMessages.principalShape)"])
        #expect(try trust("{Effect: Allow, Principal: \"*\", Action: [1, 2]}") == ["\(base).Action: Must be a string or a list of strings."])
        #expect(try trust("{Effect: Allow, Principal: \"*\", Action: a, Condition: [x]}") == ["\(base).Condition: \(IamRoleMessages.conditionShape)"])
        #expect(try trust("{Effect: Allow, Principal: \"*\", Action: a, Condition: {Bool: {aws:SecureTransport: true}}}") == [])
        #expect(try trust("{Effect: Allow, Principal: \"*\", Action: a, Extra: 1}") == ["\(base).Extra: Unknown field."])
        #expect(try trust("[]") == ["\(base): Shorter than minimum length 1."])
        #expect(try trust("just-a-string") == ["\(base): Must be a statement mapping or a list of statement mappings."])
        let second = try trust("[{Effect: Allow, Principal: \"*\", Action: a}, 5]")
        #expect(second == ["\(base).1: Must be a statement mapping or a list of statement mappings."])
        #expect(try errors(role: "RoleName: R\nAssumeRolePolicyDocument: {Version: '2013-01-01', Statement: {Effect: Allow, Principal: \"*\", Action: a}}") == [
            "Role.AssumeRolePolicyDocument.Version: Must be one of: 2008-10-17, 2012-10-17.",
        ])
        #expect(try errors(role: "RoleName: R\nAssumeRolePolicyDocument: {Statment: []}") == [
            "Role.AssumeRolePolicyDocument.Statement: Missing data for required field.",
            "Role.AssumeRolePolicyDocument.Statment: Unknown field.",
        ])
        let inlineBase = "Role.InlinePolicies.0.PolicyDocument.Statement"
        #expect(try inline("{Effect: Allow, Action: s3:*}") == ["\(inlineBase): A permissions policy statement needs a Resource or NotResource."])
        #expect(try inline("{Effect: Allow, Action: s3:*, Resource: \"*\", Principal: \"*\"}") == [
            "\(inlineBase): A permissions policy statement cannot have a Principal or NotPrincipal.",
        ])
        #expect(try inline("{Effect: Deny, NotAction: s3:*, NotResource: [arn:aws:s3:::b]}") == [])
        #expect(try inline("{Effect: Deny, Action: s3:*, Resource: a, NotResource: b}") == ["\(inlineBase): A statement cannot have both Resource and NotResource."])
    }

    @Test("Tags: key 1–128 and not aws:, value at most 256, at most 50 apply everywhere")
    func tags() throws {
        #expect(try errors(role: Self.minimalRole + "\nTags: [{Key: team, Value: \"\"}]") == [])
        #expect(try errors(role: Self.minimalRole + "\nTags: [{Key: \"\", Value: v}]") == ["Role.Tags.0.Key: Length must be between 1 and 128."])
        #expect(try errors(role: Self.minimalRole + "\nTags: [{Key: \(String(repeating: "k", count: 129)), Value: v}]") == [
            "Role.Tags.0.Key: Length must be between 1 and 128.",
        ])
        #expect(try errors(role: Self.minimalRole + "\nTags: [{Key: \"aws:cloudformation:stack\", Value: v}]") == [
            "Role.Tags.0.Key: Tag keys starting with `aws:` are reserved for AWS.",
        ])
        #expect(try errors(role: Self.minimalRole + "\nTags: [{Key: k, Value: \(String(repeating: "v", count: 257))}]") == [
            "Role.Tags.0.Value: Longer than maximum length 256.",
        ])
        #expect(try errors(role: Self.minimalRole + "\nTags: [{Key: k}]") == ["Role.Tags.0.Value: Missing data for required field."])
        let fiftyOne = (0..<51).map { "{Key: k\($0), Value: v}" }.joined(separator: ", ")
        #expect(try errors(role: Self.minimalRole + "\nTags: [\(fiftyOne)]") == ["Role.Tags: At most 50 tags can apply to a role; 51 apply to every account."])
        let fiftyPlusScoped = (0..<50).map { "{Key: k\($0), Value: v}" }.joined(separator: ", ")
            + ", {Key: extra, Value: v, IncludeAccounts: {ByIds: ['222222222222']}}"
        #expect(try errors(role: Self.minimalRole + "\nTags: [\(fiftyPlusScoped)]") == [], "scoped tags are counted per account")
        #expect(try errors(role: Self.minimalRole + "\nIgnoreTagKeyPrefixes: [cost-, \"\"]") == ["Role.IgnoreTagKeyPrefixes.1: Shorter than minimum length 1."])
    }

    @Test("element scoping uses the account-spec schemas")
    func elementScoping() throws {
        #expect(try errors(role: Self.minimalRole + "\nTags: [{Key: k, Value: v, IncludeAccounts: {}}]").allSatisfy {
            $0.hasSuffix(PayloadTemplates.missingAccountFieldSet) && $0.hasPrefix("Role.Tags.0.IncludeAccounts.")
        })
        #expect(try errors(role: Self.minimalRole + "\nTags: [{Key: k, Value: v, IncludeAccounts: {AllAccounts: true, ByIds: ['1']}}]") == [
            "Role.Tags.0.IncludeAccounts.ByIds: \(PayloadTemplates.allAccountsExclusive)",
        ])
        #expect(try errors(role: Self.minimalRole + "\nTags: [{Key: k, Value: v, ExcludeAccounts: {AllAccounts: true}}]") == [
            "Role.Tags.0.ExcludeAccounts.AllAccounts: Unknown field.",
        ])
        #expect(try errors(role: Self.minimalRole + "\nManagedPolicies: [{PolicyArn: 'arn:aws:iam::aws:policy/A', StarfleetIncludeAccounts: {AllAccounts: true}}]") == [
            "Role.ManagedPolicies.0.StarfleetIncludeAccounts: Unknown field.",
        ])
        #expect(try errors(role: Self.minimalRole + "\nDeleteInAccounts: {}").count == 5)
        #expect(try errors(role: Self.minimalRole + "\nDeleteInAccounts: {ByNames: [Legacy-Test]}") == [])
    }

    @Test("AccountOverrides: at least one value key, IncludeAccounts required, explicit null boundary kept")
    func accountOverrides() throws {
        #expect(try errors(role: Self.minimalRole + "\nAccountOverrides: [{IncludeAccounts: {ByIds: ['222222222222']}}]") == [
            "Role.AccountOverrides.0: An account override needs at least one of: Description, MaxSessionDuration, PermissionsBoundaryArn.",
        ])
        #expect(try errors(role: Self.minimalRole + "\nAccountOverrides: [{MaxSessionDuration: 7200}]") == [
            "Role.AccountOverrides.0.IncludeAccounts: Missing data for required field.",
        ])
        #expect(try errors(role: Self.minimalRole + "\nAccountOverrides: [{IncludeAccounts: {ByIds: ['2']}, MaxSessionDuration: 99999}]") == [
            "Role.AccountOverrides.0.MaxSessionDuration: Must be greater than or equal to 3600 and less than or equal to 43200.",
        ])
        let role = try loadedRole(Self.minimalRole + """

        AccountOverrides:
          - {IncludeAccounts: {ByIds: ['2']}, PermissionsBoundaryArn: null}
          - {IncludeAccounts: {ByIds: ['3']}, Description: other}
        """)
        let overrides = try #require(role["account_overrides"]?.list)
        #expect(overrides[0]["permissions_boundary_arn"] == .null, "an explicit null means no boundary in those accounts")
        #expect(overrides[1].map?.keys.contains("permissions_boundary_arn") == false, "absent means not overridden")
    }

    @Test("Variables: key pattern, unique, reserved names, non-empty values")
    func variables() throws {
        let role = Self.minimalRole + "\nDescription: \"for {{ var.team }}\""
        #expect(try errors(role: role, extra: "Variables: [{Key: team, Value: platform}]") == [])
        #expect(try errors(role: role, extra: "Variables: [{Key: team, Value: a}, {Key: team, Value: b}]") == [
            "Variables.1.Key: Duplicate variable key: team.",
        ])
        #expect(try errors(role: role, extra: "Variables: [{Key: team, Value: a}, {Key: account_id, Value: b}]") == [
            "Variables.1.Key: `account_id` is reserved: account_id and account_name are set for each account.",
        ])
        #expect(try errors(role: role, extra: "Variables: [{Key: team, Value: a}, {Key: account_name, Value: b}]") == [
            "Variables.1.Key: `account_name` is reserved: account_id and account_name are set for each account.",
        ])
        for bad in ["team-name", "\"\"", String(repeating: "k", count: 65), "\"a b\""] {
            #expect(try errors(role: Self.minimalRole, extra: "Variables: [{Key: \(bad), Value: a}]") == ["Variables.0.Key: Must match ^[A-Za-z0-9_]{1,64}$."], "\(bad)")
        }
        #expect(try errors(role: role, extra: "Variables: [{Key: team, Value: \"\"}]") == ["Variables.0.Value: Shorter than minimum length 1."])
        #expect(try errors(role: role, extra: "Variables: [{Key: team, Value: a, Note: x}]") == ["Variables.0.Note: Unknown field."])
    }

    @Test("an unknown variable is an error naming its place under Role")
    func unknownVariables() throws {
        let role = """
        RoleName: Auditor
        Description: "{{ var.account_name }} / {{var.team}}"
        AssumeRolePolicyDocument:
          Statement:
            - Effect: Allow
              Principal: {AWS: "arn:aws:iam::{{ var.security_account }}:root"}
              Action: sts:AssumeRole
        Tags:
          - {Key: owner, Value: "{{ var.owner }}"}
        """
        // team is declared and account_name is reserved: only the other two are unknown.
        #expect(try errors(role: role, extra: "Variables: [{Key: team, Value: t}]") == [
            "Role.AssumeRolePolicyDocument.Statement.0.Principal.AWS: Unknown variable security_account in Role.AssumeRolePolicyDocument.Statement.0.Principal.AWS",
            "Role.Tags.0.Value: Unknown variable owner in Role.Tags.0.Value",
        ])
        #expect(try errors(role: role, extra: "Variables: [{Key: team, Value: t}, {Key: security_account, Value: '1'}, {Key: owner, Value: o}]") == [])
    }

    @Test("a reserved variable and an unknown reference are both reported: every object rule runs")
    func everyObjectRuleRuns() throws {
        let role = Self.minimalRole + "\nDescription: \"for {{ var.team }}\""
        #expect(try errors(role: role, extra: "Variables: [{Key: account_id, Value: b}]") == [
            "Variables.0.Key: `account_id` is reserved: account_id and account_name are set for each account.",
            "Role.Description: Unknown variable team in Role.Description",
        ])
    }

    @Test("the example payloads validate")
    func examples() throws {
        for name in ["security_audit_role.yaml", "delete_legacy_role.yaml"] {
            let text = try String(contentsOf: ShipFixtures.repository.appendingPathComponent("examples/payloads/IamRoleWorkerShip/\(name)"), encoding: .utf8)
            #expect(try errors(text) == [], "\(name)")
        }
    }

    @Test("configuration template: WorkerRoleToAssume required, session name defaulted")
    func configurationTemplate() throws {
        let base = """
        Enabled: true
        TemplatePrefix: IamRoleWorkerShip/
        InvocationQueueUrl: https://sqs.us-east-1.amazonaws.com/000000000000/q
        InvocationSources: [S3]
        """
        #expect(try ShipFixtures.errors(IamRoleWorkerShip.configurationTemplate, base) == ["WorkerRoleToAssume: Missing data for required field."])
        let loaded = try IamRoleWorkerShip.configurationTemplate.load(YAMLReader().read(base + "\nWorkerRoleToAssume: r"))
        #expect(loaded["worker_role_session_name"] == .string("StarfleetIamRoleWorkerShip"))
        #expect(IamRoleWorkerShip.fanOutStrategy == .account)
        #expect(IamRoleWorkerShip.payloadTemplate.extends(PayloadTemplates.baseAccount))
    }
}
