import Foundation
import Starfleet
import StarfleetSchema
import Testing

@testable import WorkerShips

/// Rendering the role for one account (SPEC-SHIPS §3.3): element filter, overrides, variables
/// and the checks that only make sense per account.
@Suite("IamRoleWorkerShip rendering per account")
struct IamRoleRenderTests {
    static func render(_ role: String, variables: String = "", account: String = ShipFixtures.paymentsProd)
        throws -> (role: RenderedRole?, error: IamRoleRenderError?, warnings: [String]) {
        let yaml = """
        TemplateName: R
        TemplateDescription: d
        IncludeAccounts: {AllAccounts: true}
        \(variables)
        Role:
        \(role.split(separator: "\n", omittingEmptySubsequences: false).map { "  " + $0 }.joined(separator: "\n"))
        """
        let payload = Payload(try IamRoleWorkerShip.payloadTemplate.load(YAMLReader().read(yaml)))
        var renderer = IamRoleRenderer(payload: payload, index: try ShipFixtures.index(), account: account)
        do {
            let rendered = try renderer.render()
            return (rendered, nil, renderer.warnings)
        } catch {
            return (nil, error, renderer.warnings)
        }
    }

    static let base = """
    RoleName: Auditor
    AssumeRolePolicyDocument: {Statement: {Effect: Allow, Principal: {Service: ec2.amazonaws.com}, Action: sts:AssumeRole}}
    """

    @Test("variables: payload values, account_id and account_name, everywhere but RoleName and Path")
    func variables() throws {
        let result = try Self.render(Self.base + """

        Description: "{{ var.team }} audit role in {{var.account_name}}"
        PermissionsBoundaryArn: "arn:aws:iam::{{ var.account_id }}:policy/Boundary"
        ManagedPolicies: [{PolicyArn: "arn:aws:iam::{{ var.account_id }}:policy/{{ var.team }}-read"}]
        InlinePolicies:
          - PolicyName: "{{ var.team }}-s3"
            PolicyDocument: {Statement: [{Effect: Allow, Action: s3:GetObject, Resource: "arn:aws:s3:::{{ var.team }}-{{ var.account_id }}/*"}]}
        Tags: [{Key: "{{ var.team }}", Value: "{{ var.account_name }}"}]
        """, variables: "Variables: [{Key: team, Value: platform}]")
        let role = try #require(result.role)
        #expect(role.description == "platform audit role in Payments-Prod")
        #expect(role.permissionsBoundaryArn == "arn:aws:iam::222222222222:policy/Boundary")
        #expect(role.managedPolicyArns == ["arn:aws:iam::222222222222:policy/platform-read"])
        #expect(role.inlinePolicies.map(\.name) == ["platform-s3"])
        #expect(JSONText.compact(role.inlinePolicies[0].document).contains("arn:aws:s3:::platform-222222222222/*"))
        #expect(role.tags.map(\.key) == ["platform"])
        #expect(role.tags.map(\.value) == ["Payments-Prod"])
    }

    @Test("more than one matching account override is an error")
    func duplicateOverrides() throws {
        let result = try Self.render(Self.base + """

        AccountOverrides:
          - {IncludeAccounts: {ByTags: [{Name: Environment, Value: prod}]}, MaxSessionDuration: 7200}
          - {IncludeAccounts: {ByIds: ['333333333333']}, Description: staging}
          - {IncludeAccounts: {ByNames: [Payments-Prod]}, Description: payments}
        """)
        #expect(result.error?.messages == [
            "[🔥] This account: 222222222222 has more than 1 account override defined: Role.AccountOverrides.0, Role.AccountOverrides.2. Can't continue!",
        ])
        let staging = try Self.render(Self.base + """

        AccountOverrides:
          - {IncludeAccounts: {ByTags: [{Name: Environment, Value: prod}]}, MaxSessionDuration: 7200}
          - {IncludeAccounts: {ByIds: ['333333333333']}, Description: staging}
        """, account: ShipFixtures.dataStaging)
        #expect(staging.role?.description == "staging")
        #expect(staging.role?.maxSessionDuration == 3600)
    }

    @Test("post-render checks: duplicate inline names, duplicate tag keys, too many tags")
    func postRenderChecks() throws {
        let inline = try Self.render(Self.base + """

        InlinePolicies:
          - {PolicyName: s3, PolicyDocument: {Statement: {Effect: Allow, Action: s3:*, Resource: "*"}}}
          - {PolicyName: s3, PolicyDocument: {Statement: {Effect: Deny, Action: s3:*, Resource: "*"}}, IncludeAccounts: {ByIds: ['222222222222']}}
        """)
        #expect(inline.error?.messages == ["Two InlinePolicies named s3 apply to account 222222222222."])
        // Upstream's pattern: one s3 policy per account, scoped apart, is fine.
        let scoped = try Self.render(Self.base + """

        InlinePolicies:
          - {PolicyName: s3, PolicyDocument: {Statement: {Effect: Allow, Action: s3:*, Resource: "*"}}, ExcludeAccounts: {ByIds: ['222222222222']}}
          - {PolicyName: s3, PolicyDocument: {Statement: {Effect: Deny, Action: s3:*, Resource: "*"}}, IncludeAccounts: {ByIds: ['222222222222']}}
        """)
        #expect(scoped.error == nil)
        let document = scoped.role?.inlinePolicies.first?.document ?? .null
        #expect(JSONText.compact(document).contains("Deny"))

        let tags = try Self.render(Self.base + "\nTags: [{Key: team, Value: a}, {Key: team, Value: b, IncludeAccounts: {AllAccounts: true}}]")
        #expect(tags.error?.messages == ["Two Tags with the key team apply to account 222222222222."])

        let many = (0..<50).map { "{Key: k\($0), Value: v}" }.joined(separator: ", ")
            + ", {Key: extra, Value: v, IncludeAccounts: {ByIds: ['222222222222']}}"
        #expect(try Self.render(Self.base + "\nTags: [\(many)]").error?.messages == [
            "At most 50 tags can apply to a role; 51 apply to account 222222222222.",
        ])
        #expect(try Self.render(Self.base + "\nTags: [\(many)]", account: ShipFixtures.dataStaging).error == nil)
    }

    @Test("length and format limits are checked again after rendering")
    func limitsAfterRendering() throws {
        let long = String(repeating: "x", count: 990)
        let description = try Self.render(Self.base + "\nDescription: \"\(long) {{ var.account_name }}\"")
        #expect(description.error?.messages == [
            "Role.Description for account 222222222222, after rendering variables: Longer than maximum length 1000.",
        ])
        let tag = try Self.render(Self.base + "\nTags: [{Key: \"{{ var.prefix }}:team\", Value: v}]", variables: "Variables: [{Key: prefix, Value: aws}]")
        #expect(tag.error?.messages == [
            "Role.Tags.0.Key for account 222222222222, after rendering variables: Tag keys starting with `aws:` are reserved for AWS.",
        ])
        let arn = try Self.render(Self.base + "\nManagedPolicies: [{PolicyArn: \"{{ var.team }}\"}]", variables: "Variables: [{Key: team, Value: t}]")
        #expect(arn.error?.messages == [
            "Role.ManagedPolicies.0.PolicyArn for account 222222222222, after rendering variables: \(IamRoleMessages.policyArn)",
        ])
        let name = try Self.render(Self.base + """

        InlinePolicies: [{PolicyName: "{{ var.team }}", PolicyDocument: {Statement: {Effect: Allow, Action: a, Resource: "*"}}}]
        """, variables: "Variables: [{Key: team, Value: 'has space'}]")
        #expect(name.error?.messages == [
            "Role.InlinePolicies.0.PolicyName for account 222222222222, after rendering variables: \(IamRoleMessages.inlinePolicyName)",
        ])
    }

    @Test("an include that resolves to no account makes the element apply nowhere, with a warning")
    func emptyInclude() throws {
        let result = try Self.render(Self.base + "\nTags: [{Key: k, Value: v, IncludeAccounts: {ByNames: [No-Such-Account]}}, {Key: o, Value: v, ExcludeAccounts: {ByNames: [Data-Staging]}}]")
        #expect(result.role?.tags.map(\.key) == ["o"], "exclude-only elements apply everywhere else")
        #expect(result.warnings == ["[❓] IncludeAccounts did not resolve to any accounts in this element: Role.Tags.0"])
        let staging = try Self.render(Self.base + "\nTags: [{Key: o, Value: v, ExcludeAccounts: {ByNames: [Data-Staging]}}]",
                                      account: ShipFixtures.dataStaging)
        #expect(staging.role?.tags.isEmpty == true)
    }

    @Test("DeleteInAccounts matches by the account specification")
    func deleteScope() throws {
        let spec = Self.base + "\nDeleteInAccounts: {ByOrgUnits: [Sandbox]}"
        #expect(try Self.render(spec, account: ShipFixtures.sandboxDev).role?.deleteHere == true)
        #expect(try Self.render(spec, account: ShipFixtures.paymentsProd).role?.deleteHere == false)
    }
}
