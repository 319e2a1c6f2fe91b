import Foundation
import Starfleet
import StarfleetAWS
import StarfleetSchema
import Testing

@testable import WorkerShips

/// IamRoleWorkerShip against an in-memory IAM registered in `context.services`: the plan, the
/// diff table of SPEC-SHIPS §3.5 in order, normalisation, deletion (§3.6), scoping, overrides,
/// variables, and AccessDenied/throttling.
@Suite("IamRoleWorkerShip with an IAM double")
struct IamRoleShipTests {
    static let payload = """
    TemplateName: AuditRole
    TemplateDescription: The audit role
    IncludeAccounts:
      AllAccounts: true
    Variables:
      - {Key: security_account, Value: "555555555555"}
    Role:
      RoleName: Auditor
      Description: Audit access for {{ var.account_name }}
      AssumeRolePolicyDocument:
        Statement:
          - Effect: Allow
            Principal: {AWS: "arn:aws:iam::{{ var.security_account }}:root"}
            Action: sts:AssumeRole
      ManagedPolicies:
        - PolicyArn: arn:aws:iam::aws:policy/SecurityAudit
        - PolicyArn: arn:aws:iam::aws:policy/ReadOnlyAccess
          ExcludeAccounts: {ByOrgUnits: [Sandbox]}
        - PolicyArn: arn:aws:iam::aws:policy/SecurityAudit
      InlinePolicies:
        - PolicyName: deny-secrets
          PolicyDocument:
            Statement:
              - {Effect: Deny, Action: [secretsmanager:GetSecretValue, kms:Decrypt], Resource: "*"}
      Tags:
        - {Key: owner, Value: security}
        - {Key: account, Value: "{{ var.account_id }}"}
        - {Key: tier, Value: production, IncludeAccounts: {ByTags: [{Name: Environment, Value: prod}]}}
      IgnoreTagKeyPrefixes: [cost-]
      AccountOverrides:
        - IncludeAccounts: {ByTags: [{Name: Environment, Value: prod}]}
          MaxSessionDuration: 7200
    """

    struct Run {
        let iam: FakeIAM
        let recorder: ShipRecorder
        let error: (any Error)?
    }

    func run(_ yaml: String = payload, account: String = ShipFixtures.paymentsProd, commit: Bool, iam: FakeIAM = FakeIAM()) async throws -> Run {
        let ship = try ShipFixtures.load(IamRoleWorkerShip.self, yaml, account: account)
        var services = ServiceRegistry()
        services.register(iam as any IAMAPI, as: (any IAMAPI).self)
        let recorder = ShipRecorder()
        do {
            try await ship.execute(commit: commit, context: recorder.context(services: services))
            return Run(iam: iam, recorder: recorder, error: nil)
        } catch {
            return Run(iam: iam, recorder: recorder, error: error)
        }
    }

    static let trust = #"{"Statement": [{"Action": "sts:AssumeRole", "Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::555555555555:root"}}], "Version": "2012-10-17"}"#
    static let inline = #"{"Statement": [{"Action": ["secretsmanager:GetSecretValue", "kms:Decrypt"], "Effect": "Deny", "Resource": "*"}], "Version": "2012-10-17"}"#

    @Test("missing role: the dry run plans the whole role and writes nothing")
    func createPlan() async throws {
        let result = try await run(commit: false)
        #expect(result.error == nil)
        #expect(result.iam.writes.isEmpty)
        #expect(result.recorder.text.contains("""
        [📝] The following changes would have been made if the commit flag was set:
        [📋] Plan for IAM role Auditor in 222222222222 (Payments-Prod):
        + create role Auditor
              path: "/"
              description: "Audit access for Payments-Prod"
              max_session_duration: 7200
              tag owner = "security"
              tag account = "222222222222"
              tag tier = "production"
              trust policy: \(Self.trust)
        + create policy attachment arn:aws:iam::aws:policy/ReadOnlyAccess
        + create policy attachment arn:aws:iam::aws:policy/SecurityAudit
        + create inline policy deny-secrets
              \(Self.inline)
        Plan: 4 to add, 0 to change, 0 to destroy.
        """))
        #expect(result.recorder.plans == [PlanSummary(toAdd: 4)], "one record carries the plan as data")
    }

    @Test("commit creates the role, attaches and puts in order, alerts, and converges")
    func createCommit() async throws {
        let iam = FakeIAM()
        let result = try await run(commit: true, iam: iam)
        #expect(result.error == nil)
        #expect(iam.writes == ["CreateRole Auditor", "AttachRolePolicy arn:aws:iam::aws:policy/ReadOnlyAccess",
                               "AttachRolePolicy arn:aws:iam::aws:policy/SecurityAudit", "PutRolePolicy deny-secrets"])
        let role = try #require(iam.role("Auditor"))
        #expect(role.role.description == "Audit access for Payments-Prod")
        #expect(role.role.maxSessionDuration == 7200)
        #expect(role.tags == [IAMTag(key: "owner", value: "security"), IAMTag(key: "account", value: "222222222222"),
                              IAMTag(key: "tier", value: "production")])
        #expect(result.recorder.text.contains("[📝] The following changes have been made:\n[📋] IAM role Auditor in 222222222222 (Payments-Prod):\n+ create role Auditor"))
        #expect(result.recorder.text.contains("Applied: 4 added, 0 changed, 0 destroyed."))
        let alert = try #require(result.recorder.alerts.first)
        #expect(alert.priority == .important)
        #expect(alert.title == "IAM Role: Auditor in Payments-Prod was created/updated")
        #expect(alert.body.hasPrefix("The following changes have been made:\n>```\n+ create role Auditor"))
        #expect(alert.body.hasSuffix("Applied: 4 added, 0 changed, 0 destroyed.\n```"))

        let again = try await run(commit: true, iam: iam)
        #expect(iam.writes.count == 4)
        #expect(again.recorder.alerts.isEmpty)
        #expect(again.recorder.text.contains("[⏭️] No changes detected. Nothing to do."))
        #expect(again.recorder.text.contains("Plan: 0 to add, 0 to change, 0 to destroy."))
        #expect(again.recorder.plans == [.noChanges])
    }

    @Test("element scoping and overrides per account: Sandbox-Dev gets no ReadOnlyAccess, no tier tag, 3600 s")
    func scopingPerAccount() async throws {
        let result = try await run(account: ShipFixtures.sandboxDev, commit: true)
        #expect(result.error == nil)
        let role = try #require(result.iam.role("Auditor"))
        #expect(role.attached == ["arn:aws:iam::aws:policy/SecurityAudit"], "the duplicate SecurityAudit entry is merged")
        #expect(role.tags.map(\.key) == ["owner", "account"])
        #expect(role.tags.last?.value == "444444444444")
        #expect(role.role.maxSessionDuration == 3600)
        #expect(role.role.description == "Audit access for Sandbox-Dev")
    }

    @Test("the diff table in order, additions before removals, ignored tags untouched")
    func diffTableOrder() async throws {
        let iam = FakeIAM()
        iam.seed(IAMRole(roleName: "Auditor", arn: "arn:aws:iam::222222222222:role/Auditor", path: "/", description: "old",
                         maxSessionDuration: 3600,
                         assumeRolePolicyDocument: #"{"Version":"2012-10-17","Statement":{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}}"#,
                         permissionsBoundaryArn: "arn:aws:iam::aws:policy/PowerUserAccess"),
                 attached: ["arn:aws:iam::aws:policy/SecurityAudit", "arn:aws:iam::aws:policy/AdministratorAccess"],
                 inline: ["deny-secrets": #"{"Statement":[{"Effect":"Deny","Action":"kms:Decrypt","Resource":"*"}]}"#,
                          "old-inline": #"{"Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"*"}]}"#],
                 tags: [IAMTag(key: "owner", value: "platform"), IAMTag(key: "legacy", value: "yes"),
                        IAMTag(key: "cost-center", value: "CC-1"), IAMTag(key: "aws:cloudformation:stack-name", value: "s"),
                        IAMTag(key: "account", value: "222222222222"), IAMTag(key: "tier", value: "production")])
        let dry = try await run(commit: false, iam: iam)
        #expect(dry.iam.writes.isEmpty)
        let text = dry.recorder.text
        #expect(text.contains("""
        ~ update trust policy of role Auditor
        """))
        #expect(text.contains("""
        ~ update role Auditor
              description: "old" → "Audit access for Payments-Prod"
              max_session_duration: 3600 → 7200
        - delete permissions boundary arn:aws:iam::aws:policy/PowerUserAccess
        ~ update tag owner
              value: "platform" → "security"
        - delete tag legacy (was "yes")
        + create policy attachment arn:aws:iam::aws:policy/ReadOnlyAccess
        - delete policy attachment arn:aws:iam::aws:policy/AdministratorAccess
        ~ update inline policy deny-secrets
        """))
        #expect(text.contains("- delete inline policy old-inline\nPlan: 1 to add, 4 to change, 4 to destroy."))
        // The trust diff is compact: principal lines only, with a little context.
        let trustDiff = try #require(text.components(separatedBy: "~ update trust policy of role Auditor\n").last?
            .components(separatedBy: "~ update role Auditor").first)
        let diffLines = trustDiff.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        #expect(diffLines.contains("-           \"ec2.amazonaws.com\""))
        #expect(diffLines.contains("+           \"arn:aws:iam::555555555555:root\""))
        #expect(diffLines.contains("-         \"Service\": ["))
        #expect(diffLines.contains("+         \"AWS\": ["))
        #expect(!trustDiff.contains("Version"))

        let result = try await run(commit: true, iam: iam)
        #expect(result.error == nil)
        #expect(iam.writes == [
            "UpdateAssumeRolePolicy", "UpdateRole 7200", "DeleteRolePermissionsBoundary", "TagRole owner", "UntagRole legacy",
            "AttachRolePolicy arn:aws:iam::aws:policy/ReadOnlyAccess", "DetachRolePolicy arn:aws:iam::aws:policy/AdministratorAccess",
            "PutRolePolicy deny-secrets", "DeleteRolePolicy old-inline",
        ])
        let role = try #require(iam.role("Auditor"))
        #expect(Set(role.tags.map(\.key)) == ["owner", "cost-center", "aws:cloudformation:stack-name", "account", "tier"])
        #expect(role.role.permissionsBoundaryArn == nil)
        #expect(result.recorder.text.contains("Applied: 1 added, 4 changed, 4 destroyed."))
        let again = try await run(commit: false, iam: iam)
        #expect(again.recorder.text.contains("[⏭️] No changes detected. Nothing to do."))
    }

    @Test("documents equal after normalisation are not a difference")
    func normalisation() async throws {
        let iam = FakeIAM()
        // Single statement instead of a list, lists instead of strings, keys in another order,
        // duplicate and reordered actions, extra whitespace, Version left out.
        iam.seed(IAMRole(roleName: "Auditor", arn: "a", path: "/", description: "Audit access for Payments-Prod", maxSessionDuration: 7200,
                         assumeRolePolicyDocument: """
                         {"Statement": {"Principal": {"AWS": ["arn:aws:iam::555555555555:root"]}, "Action": ["sts:AssumeRole"],
                            "Effect": "Allow"}}
                         """, permissionsBoundaryArn: nil),
                 attached: ["arn:aws:iam::aws:policy/ReadOnlyAccess", "arn:aws:iam::aws:policy/SecurityAudit"],
                 inline: ["deny-secrets": #"{"Version": "2012-10-17", "Statement": [{"Resource": ["*"], "Effect": "Deny", "Action": ["kms:Decrypt", "secretsmanager:GetSecretValue", "kms:Decrypt"]}]}"#],
                 tags: [IAMTag(key: "tier", value: "production"), IAMTag(key: "owner", value: "security"),
                        IAMTag(key: "account", value: "222222222222")])
        let result = try await run(commit: true, iam: iam)
        #expect(result.error == nil)
        #expect(iam.writes.isEmpty)
        #expect(result.recorder.text.contains("[📋] No changes: role Auditor in 222222222222 (Payments-Prod) matches the template."))
    }

    @Test("the normaliser: condition scalars, principal lists, statement multisets")
    func normaliser() throws {
        let a = try JSONText.parse(#"{"Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*","Condition":{"Bool":{"aws:SecureTransport":true}}},{"Effect":"Deny","Action":["s3:DeleteObject"],"Resource":["*"]}]}"#)
        let b = try JSONText.parse(#"{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"s3:DeleteObject","Resource":"*"},{"Resource":["*"],"Condition":{"Bool":{"aws:SecureTransport":["true"]}},"Action":["s3:GetObject","s3:GetObject"],"Effect":"Allow"}]}"#)
        #expect(PolicyNormalizer.equivalent(a, b))
        let c = try JSONText.parse(#"{"Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]}"#)
        #expect(!PolicyNormalizer.equivalent(a, c))
        let star = try JSONText.parse(#"{"Statement":{"Effect":"Allow","Principal":"*","Action":"sts:AssumeRole"}}"#)
        let normalized = PolicyNormalizer.normalize(star)
        #expect(normalized["Statement"]?.list?.first?["Principal"] == .string("*"))
    }

    @Test("a role at another path is a warning, never a change")
    func pathWarning() async throws {
        let iam = FakeIAM()
        iam.seed(IAMRole(roleName: "Auditor", arn: "a", path: "/legacy/", description: "Audit access for Payments-Prod",
                         maxSessionDuration: 7200, assumeRolePolicyDocument: Self.trust, permissionsBoundaryArn: nil),
                 attached: ["arn:aws:iam::aws:policy/ReadOnlyAccess", "arn:aws:iam::aws:policy/SecurityAudit"],
                 inline: ["deny-secrets": Self.inline],
                 tags: [IAMTag(key: "owner", value: "security"), IAMTag(key: "account", value: "222222222222"),
                        IAMTag(key: "tier", value: "production")])
        let result = try await run(commit: true, iam: iam)
        #expect(iam.writes.isEmpty)
        #expect(result.recorder.messages(at: .warning).contains(
            "[⚠️] Path differs (current /legacy/, desired /); IAM cannot move a role — recreate manually"))
        #expect(result.recorder.text.contains("[⏭️] No changes detected. Nothing to do."))
    }

    @Test("a service-linked role under /aws-service-role/ is never touched")
    func serviceLinked() async throws {
        let iam = FakeIAM()
        iam.seed(IAMRole(roleName: "Auditor", arn: "a", path: "/aws-service-role/config.amazonaws.com/", description: "",
                         maxSessionDuration: 3600, assumeRolePolicyDocument: Self.trust, permissionsBoundaryArn: nil))
        let result = try await run(commit: true, iam: iam)
        let failure = try #require(result.error as? ShipFailure)
        #expect(failure.description.contains("never touches roles under /aws-service-role/"))
        #expect(iam.writes.isEmpty)
        #expect(iam.calls == ["GetRole Auditor"], "nothing else is read")
        let deletion = Self.payload + "\n  DeleteInAccounts: {AllAccounts: true}"
        let deleted = try await run(deletion, commit: true, iam: iam)
        #expect(deleted.error is ShipFailure)
        #expect(iam.role("Auditor") != nil)
    }

    static let deletion = Self.payload + "\n  DeleteInAccounts: {ByIds: ['222222222222']}"

    @Test("DeleteInAccounts: profiles, detach, inline, boundary, then the role; other accounts converge as usual")
    func deletion() async throws {
        let iam = FakeIAM()
        iam.seed(IAMRole(roleName: "Auditor", arn: "a", path: "/", description: "x", maxSessionDuration: 3600,
                         assumeRolePolicyDocument: Self.trust, permissionsBoundaryArn: "arn:aws:iam::aws:policy/PowerUserAccess"),
                 attached: ["arn:aws:iam::aws:policy/SecurityAudit"], inline: ["a": Self.inline, "b": Self.inline],
                 profiles: ["auditor-profile"])
        let dry = try await run(Self.deletion, commit: false, iam: iam)
        #expect(iam.writes.isEmpty)
        #expect(dry.recorder.text.contains("""
        - delete instance profile membership auditor-profile (the profile is kept)
        - delete policy attachment arn:aws:iam::aws:policy/SecurityAudit
        - delete inline policy a
        - delete inline policy b
        - delete permissions boundary arn:aws:iam::aws:policy/PowerUserAccess
        - delete role Auditor
        Plan: 0 to add, 0 to change, 6 to destroy.
        """))
        let result = try await run(Self.deletion, commit: true, iam: iam)
        #expect(result.error == nil)
        #expect(iam.writes == ["RemoveRoleFromInstanceProfile auditor-profile", "DetachRolePolicy arn:aws:iam::aws:policy/SecurityAudit",
                               "DeleteRolePolicy a", "DeleteRolePolicy b", "DeleteRolePermissionsBoundary", "DeleteRole Auditor"])
        #expect(iam.role("Auditor") == nil)
        #expect(iam.profiles.keys.contains("auditor-profile"), "the profile itself is kept")
        let again = try await run(Self.deletion, commit: true, iam: iam)
        #expect(again.recorder.text.contains("[⏭️] No changes detected. Nothing to do."))
        #expect(iam.writes.count == 6)

        let elsewhere = try await run(Self.deletion, account: ShipFixtures.dataStaging, commit: true)
        #expect(elsewhere.iam.role("Auditor") != nil, "accounts not in DeleteInAccounts still get the role")
    }

    @Test("AccessDenied half-way: what succeeded is logged, a PROBLEM alert goes out, the error is re-raised")
    func accessDeniedMidway() async throws {
        let iam = FakeIAM()
        iam.fail("AttachRolePolicy", with: FakeIAM.serviceError("AccessDenied", "AttachRolePolicy", status: 403))
        let result = try await run(commit: true, iam: iam)
        #expect((result.error as? AWSError)?.code == "AccessDenied")
        #expect(iam.writes == ["CreateRole Auditor", "AttachRolePolicy arn:aws:iam::aws:policy/ReadOnlyAccess"])
        let failure = try #require(result.recorder.messages(at: .error).first { $0.hasPrefix("[💥] Changed in 222222222222 before the failure:") })
        #expect(failure.contains("+ create role Auditor"))
        #expect(failure.contains("Applied: 1 added, 0 changed, 0 destroyed."))
        let alert = try #require(result.recorder.alerts.first)
        #expect(alert.priority == .problem)
        #expect(alert.title == "Problem updating IAM Role: Auditor in Payments-Prod")
        #expect(alert.body.contains("AccessDenied"))
    }

    @Test("throttling on the first read: re-raised with a PROBLEM alert, nothing written")
    func throttledRead() async throws {
        let iam = FakeIAM()
        iam.fail("GetRole", with: FakeIAM.serviceError("Throttling", "GetRole"))
        let result = try await run(commit: true, iam: iam)
        #expect((result.error as? AWSError)?.isThrottling == true)
        #expect(iam.writes.isEmpty)
        #expect(result.recorder.alerts.map(\.priority) == [.problem])
    }

    @Test("boundaries: an override sets one, an explicit null override removes it")
    func boundaryOverrides() async throws {
        let yaml = Self.payload.replacingOccurrences(of: "  AccountOverrides:\n", with: """
          PermissionsBoundaryArn: arn:aws:iam::aws:policy/PowerUserAccess
          AccountOverrides:
            - IncludeAccounts: {ByNames: [Sandbox-Dev]}
              PermissionsBoundaryArn: null

        """)
        let prod = try await run(yaml, commit: true)
        #expect(prod.iam.role("Auditor")?.role.permissionsBoundaryArn == "arn:aws:iam::aws:policy/PowerUserAccess")
        let sandbox = try await run(yaml, account: ShipFixtures.sandboxDev, commit: true)
        #expect(sandbox.iam.role("Auditor")?.role.permissionsBoundaryArn == nil)
        // Adding a boundary to an existing role is an addition.
        let iam = sandbox.iam
        let sandboxYaml = yaml.replacingOccurrences(of: "PermissionsBoundaryArn: null", with: "Description: sandbox")
        let added = try await run(sandboxYaml, account: ShipFixtures.sandboxDev, commit: true, iam: iam)
        #expect(added.recorder.text.contains("+ create permissions boundary arn:aws:iam::aws:policy/PowerUserAccess"))
        #expect(iam.writes.contains("PutRolePermissionsBoundary arn:aws:iam::aws:policy/PowerUserAccess"))
    }

    @Test("the org root and excluded accounts are refused")
    func notApplicable() async throws {
        let result = try await run(account: ShipFixtures.management, commit: true)
        #expect((result.error as? ShipFailure)?.description == "[🙅‍♂️] The account provided is not applicable for this template. Not doing anything.")
        #expect(result.iam.calls.isEmpty)
    }
}
