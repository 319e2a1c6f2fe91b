import Foundation
import Starfleet
import StarfleetAWS
import StarfleetTestSupport
import Testing

@testable import WorkerShips

/// IamRoleWorkerShip through the built `starfleet` binary against a moto_server of its own:
/// multi-account through STS AssumeRole, state read back with our IAM client, the server reset
/// before every test.
@Suite("IamRoleWorkerShip end to end", .serialized)
struct IamRoleEndToEndTests {
    static let harness = ShipEndToEnd()
    static let ship = "IamRoleWorkerShip"

    static let payload = """
    TemplateName: AuditRoleE2E
    TemplateDescription: End-to-end audit role
    IncludeAccounts:
      AllAccounts: true
    Variables:
      - {Key: security_account, Value: "555555555555"}
    Role:
      RoleName: StarfleetAuditor
      Path: /starfleet/
      Description: Audit access for {{ var.account_name }}
      AssumeRolePolicyDocument:
        Statement:
          - Effect: Allow
            Principal: {AWS: "arn:aws:iam::{{ var.security_account }}:root"}
            Action: sts:AssumeRole
            Condition: {Bool: {aws:MultiFactorAuthPresent: true}}
      ManagedPolicies:
        - PolicyArn: "arn:aws:iam::{{ var.account_id }}:policy/AuditRead"
        - PolicyArn: "arn:aws:iam::{{ var.account_id }}:policy/AuditWrite"
          ExcludeAccounts: {ByOrgUnits: [Sandbox]}
      InlinePolicies:
        - PolicyName: deny-secrets
          PolicyDocument:
            Statement:
              - {Effect: Deny, Action: [secretsmanager:GetSecretValue, kms:Decrypt], Resource: "*"}
      Tags:
        - {Key: owner, Value: security}
        - {Key: account, Value: "{{ var.account_id }}"}
        - {Key: tier, Value: production, IncludeAccounts: {ByTags: [{Name: Environment, Value: prod}]}}
      AccountOverrides:
        - IncludeAccounts: {ByTags: [{Name: Environment, Value: prod}]}
          MaxSessionDuration: 7200
    """

    static let policyDocument = #"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:ListAllMyBuckets", "Resource": "*"}]}"#

    /// The customer-managed policies the payload attaches (moto has AWS-managed ones only with
    /// MOTO_IAM_LOAD_MANAGED_POLICIES).
    func createPolicies(_ world: ShipEndToEnd.World, in accounts: [String]) async throws {
        for account in accounts {
            let iam = try world.iam(account)
            for name in ["AuditRead", "AuditWrite"] {
                try await iam.createPolicy(policyName: name, policyDocument: Self.policyDocument)
            }
        }
    }

    /// Headlines of the plan block (entries and the count line, details left out).
    func headlines(_ result: ProcessResult) -> [String] {
        (result.planBlock ?? "").components(separatedBy: "\n").filter { !$0.hasPrefix(" ") }
    }

    @Test("a dry run on a clean account plans the creation and changes nothing")
    func dryRunPlansCreation() async throws {
        let world = try await Self.harness.reset()
        try await createPolicies(world, in: [ShipFixtures.paymentsProd])
        let payload = try world.payload(Self.payload)
        let result = try await world.run(Self.ship, payload: payload, account: ShipFixtures.paymentsProd)
        #expect(result.exitCode == 0, "\(result.summary)")
        #expect(headlines(result) == [
            "+ create role StarfleetAuditor",
            "+ create policy attachment arn:aws:iam::222222222222:policy/AuditRead",
            "+ create policy attachment arn:aws:iam::222222222222:policy/AuditWrite",
            "+ create inline policy deny-secrets",
            "Plan: 4 to add, 0 to change, 0 to destroy.",
        ])
        let block = try #require(result.planBlock)
        #expect(block.contains("      description: \"Audit access for Payments-Prod\""))
        #expect(block.contains("      max_session_duration: 7200"))
        #expect(block.contains("      tag tier = \"production\""))
        #expect(result.stderrText.contains("[📝] The following changes would have been made if the commit flag was set:"))
        #expect(try await world.iam(ShipFixtures.paymentsProd).getRole(roleName: "StarfleetAuditor") == nil, "the dry run created nothing")
    }

    @Test("commit converges, an immediate dry run reports no changes, a changed payload plans exactly its changes")
    func commitConvergesAndChanges() async throws {
        let world = try await Self.harness.reset()
        let account = ShipFixtures.paymentsProd
        try await createPolicies(world, in: [account])
        let payload = try world.payload(Self.payload)
        let commit = try await world.run(Self.ship, payload: payload, account: account, commit: true)
        #expect(commit.exitCode == 0, "\(commit.summary)")
        #expect(commit.stderrText.contains("Applied: 4 added, 0 changed, 0 destroyed."))

        let iam = try world.iam(account)
        let role = try #require(try await iam.getRole(roleName: "StarfleetAuditor"))
        #expect(role.path == "/starfleet/")
        #expect(role.description == "Audit access for Payments-Prod")
        #expect(role.maxSessionDuration == 7200)
        let trust = try JSONText.parse(role.assumeRolePolicyDocument)
        #expect(JSONText.compact(PolicyNormalizer.normalize(trust)).contains("arn:aws:iam::555555555555:root"))
        #expect(try await iam.listAttachedRolePolicies(roleName: "StarfleetAuditor").map(\.policyArn).sorted() == [
            "arn:aws:iam::222222222222:policy/AuditRead", "arn:aws:iam::222222222222:policy/AuditWrite",
        ])
        #expect(try await iam.listRolePolicies(roleName: "StarfleetAuditor") == ["deny-secrets"])
        #expect(Set(try await iam.listRoleTags(roleName: "StarfleetAuditor")) == [
            IAMTag(key: "owner", value: "security"), IAMTag(key: "account", value: "222222222222"), IAMTag(key: "tier", value: "production"),
        ])

        let again = try await world.run(Self.ship, payload: payload, account: account)
        #expect(again.exitCode == 0, "\(again.summary)")
        #expect(again.stderrText.contains("[⏭️] No changes detected. Nothing to do."))
        #expect(again.stderrText.contains("Plan: 0 to add, 0 to change, 0 to destroy."))

        let changedText = Self.payload
            .replacingOccurrences(of: "Description: Audit access for", with: "Description: Read-only audit access for")
            .replacingOccurrences(of: "Action: sts:AssumeRole", with: "Action: [sts:AssumeRole, sts:TagSession]")
            .replacingOccurrences(of: "    - PolicyArn: \"arn:aws:iam::{{ var.account_id }}:policy/AuditWrite\"\n      ExcludeAccounts: {ByOrgUnits: [Sandbox]}\n", with: "")
            .replacingOccurrences(of: "{Key: owner, Value: security}", with: "{Key: owner, Value: secops}")
            .replacingOccurrences(of: "    - {Key: tier, Value: production, IncludeAccounts: {ByTags: [{Name: Environment, Value: prod}]}}\n", with: "")
            .replacingOccurrences(of: "  Tags:\n", with: "    - PolicyName: deny-delete\n"
                + "      PolicyDocument: {Statement: {Effect: Deny, Action: s3:DeleteBucket, Resource: \"*\"}}\n  Tags:\n")
        #expect(changedText.contains("deny-delete") && !changedText.contains("AuditWrite") && !changedText.contains("tier"))
        let changed = try world.payload(changedText)
        let plan = try await world.run(Self.ship, payload: changed, account: account)
        #expect(plan.exitCode == 0, "\(plan.summary)")
        #expect(headlines(plan) == [
            "~ update trust policy of role StarfleetAuditor",
            "~ update role StarfleetAuditor",
            "~ update tag owner",
            "- delete tag tier (was \"production\")",
            "- delete policy attachment arn:aws:iam::222222222222:policy/AuditWrite",
            "+ create inline policy deny-delete",
            "Plan: 1 to add, 3 to change, 2 to destroy.",
        ])
        let block = try #require(plan.planBlock)
        #expect(block.contains("      description: \"Audit access for Payments-Prod\" → \"Read-only audit access for Payments-Prod\""))
        #expect(block.contains("      value: \"security\" → \"secops\""))
        let trimmed = block.components(separatedBy: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        #expect(trimmed.contains("-         \"sts:AssumeRole\""), "the compact trust diff")
        #expect(trimmed.contains("+         \"sts:TagSession\""), "the compact trust diff")
        #expect(!block.contains("555555555555"), "unchanged document lines stay out of the compact diff")
        #expect(!block.contains("max_session_duration"), "unchanged fields are not shown")

        let apply = try await world.run(Self.ship, payload: changed, account: account, commit: true)
        #expect(apply.exitCode == 0, "\(apply.summary)")
        #expect(apply.stderrText.contains("Applied: 1 added, 3 changed, 2 destroyed."))
        #expect(try await iam.listAttachedRolePolicies(roleName: "StarfleetAuditor").map(\.policyArn) == ["arn:aws:iam::222222222222:policy/AuditRead"])
        #expect(try await iam.listRolePolicies(roleName: "StarfleetAuditor").sorted() == ["deny-delete", "deny-secrets"])
        #expect(try await iam.getRole(roleName: "StarfleetAuditor")?.description == "Read-only audit access for Payments-Prod")
        let converged = try await world.run(Self.ship, payload: changed, account: account)
        #expect(converged.stderrText.contains("[⏭️] No changes detected. Nothing to do."), "\(converged.summary)")
    }

    @Test("account overrides and per-element scoping apply to the right accounts only")
    func scopingAcrossAccounts() async throws {
        let world = try await Self.harness.reset()
        let accounts = [ShipFixtures.paymentsProd, ShipFixtures.dataStaging, ShipFixtures.sandboxDev]
        try await createPolicies(world, in: accounts)
        let payload = try world.payload(Self.payload)
        for account in accounts {
            let result = try await world.run(Self.ship, payload: payload, account: account, commit: true)
            #expect(result.exitCode == 0, "\(account): \(result.summary)")
        }
        for account in accounts {
            let iam = try world.iam(account)
            let role = try #require(try await iam.getRole(roleName: "StarfleetAuditor"), "\(account)")
            let attached = try await iam.listAttachedRolePolicies(roleName: "StarfleetAuditor").map(\.policyArn).sorted()
            let tags = Dictionary(uniqueKeysWithValues: try await iam.listRoleTags(roleName: "StarfleetAuditor").map { ($0.key, $0.value) })
            let isProd = account == ShipFixtures.paymentsProd
            let isSandbox = account == ShipFixtures.sandboxDev
            #expect(role.maxSessionDuration == (isProd ? 7200 : 3600), "\(account): the override is for prod only")
            #expect(tags["tier"] == (isProd ? "production" : nil), "\(account): the tier tag is for prod only")
            #expect(tags["account"] == account)
            let expected = ["arn:aws:iam::\(account):policy/AuditRead"] + (isSandbox ? [] : ["arn:aws:iam::\(account):policy/AuditWrite"])
            #expect(attached == expected, "\(account): AuditWrite excludes the Sandbox OU")
        }
        // Accounts the run was not given are untouched.
        #expect(try await world.iam(ShipFixtures.securityTooling).getRole(roleName: "StarfleetAuditor") == nil)
        // The management account is not tasked without OperateInOrgRoot: refused with exit 1.
        let refused = try await world.run(Self.ship, payload: payload, account: ShipFixtures.management, commit: true)
        #expect(refused.exitCode == 1)
        #expect(refused.stderrText.contains(RunRefusal.accountNotApplicableMessage))
        #expect(try await world.iam(ShipFixtures.management).getRole(roleName: "StarfleetAuditor") == nil)
    }

    @Test("DeleteInAccounts removes a role with attached and inline policies and an instance profile")
    func deletion() async throws {
        let world = try await Self.harness.reset()
        let account = ShipFixtures.dataStaging
        let iam = try world.iam(account)
        try await iam.createRole(IAMCreateRoleRequest(
            roleName: "LegacyAuditRole", assumeRolePolicyDocument: #"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Service": "ec2.amazonaws.com"}, "Action": "sts:AssumeRole"}]}"#))
        let arn = try await iam.createPolicy(policyName: "LegacyRead", policyDocument: Self.policyDocument)
        try await iam.attachRolePolicy(roleName: "LegacyAuditRole", policyArn: arn)
        try await iam.putRolePolicy(roleName: "LegacyAuditRole", policyName: "legacy-inline", policyDocument: Self.policyDocument)
        try await iam.createInstanceProfile(instanceProfileName: "legacy-profile")
        try await iam.addRoleToInstanceProfile(instanceProfileName: "legacy-profile", roleName: "LegacyAuditRole")

        let example = RepositoryPaths.root.appendingPathComponent("examples/payloads/IamRoleWorkerShip/delete_legacy_role.yaml").path
        let dry = try await world.run(Self.ship, payload: example, account: account)
        #expect(dry.exitCode == 0, "\(dry.summary)")
        #expect(headlines(dry) == [
            "- delete instance profile membership legacy-profile (the profile is kept)",
            "- delete policy attachment arn:aws:iam::333333333333:policy/LegacyRead",
            "- delete inline policy legacy-inline",
            "- delete role LegacyAuditRole",
            "Plan: 0 to add, 0 to change, 4 to destroy.",
        ])
        #expect(try await iam.getRole(roleName: "LegacyAuditRole") != nil, "the dry run deleted nothing")

        let commit = try await world.run(Self.ship, payload: example, account: account, commit: true)
        #expect(commit.exitCode == 0, "\(commit.summary)")
        #expect(commit.stderrText.contains("Applied: 0 added, 0 changed, 4 destroyed."))
        #expect(try await iam.getRole(roleName: "LegacyAuditRole") == nil)
        #expect(try await iam.instanceProfileExists(instanceProfileName: "legacy-profile"), "the profile is kept")

        let again = try await world.run(Self.ship, payload: example, account: account)
        #expect(again.stderrText.contains("[⏭️] No changes detected. Nothing to do."), "\(again.summary)")
        let elsewhere = try await world.run(Self.ship, payload: example, account: ShipFixtures.paymentsProd, commit: true)
        #expect(elsewhere.exitCode == 0)
        #expect(elsewhere.stderrText.contains("matches DeleteInAccounts and role LegacyAuditRole is absent"))
    }

    @Test("fanout lists the accounts of both example payloads")
    func fanoutExamples() async throws {
        let world = try await Self.harness.get()
        let members = ShipFixtures.members.sorted()
        for example in ["security_audit_role.yaml", "delete_legacy_role.yaml"] {
            let path = RepositoryPaths.root.appendingPathComponent("examples/payloads/IamRoleWorkerShip/\(example)").path
            let result = try await world.starfleet(["fanout", "--config", ShipEndToEnd.configuration, "--ship", Self.ship, "--payload", path,
                                                    "--format", "json", "--account-index", ShipFixtures.indexPath])
            #expect(result.exitCode == 0, "\(result.summary)")
            let object = try #require(try JSONSerialization.jsonObject(with: result.stdout) as? [String: Any])
            #expect(object["fan_out_strategy"] as? String == "ACCOUNT")
            #expect(object["invocations"] as? Int == members.count)
            let targets = try #require(object["targets"] as? [[String: Any]])
            #expect(targets.compactMap { $0["account_id"] as? String } == members, "every member, not the org root")
            #expect(targets.allSatisfy { $0["regions"] == nil })
        }
    }
}
