import Foundation
#if canImport(Glibc)
import Glibc
#endif
import Starfleet
import StarfleetAWS
import StarfleetTestSupport
import Testing

/// The fleet-runs issue's acceptance scenario on the bundled demo's size (60 accounts): the
/// IAM role payload dry-run on every account, committed behind one typed phrase, read back with
/// the IAM API; a second dry run finds nothing to do; a paused AWS makes dry runs fail and `C`
/// refuses; a changed payload revokes the gate.
extension ConsoleTmuxTests {
    /// The example audit role (examples/payloads/IamRoleWorkerShip/security_audit_role.yaml)
    /// without its AWS-managed policies, which moto has only with MOTO_IAM_LOAD_MANAGED_POLICIES.
    static func auditRolePayload(description: String) -> String {
        """
        TemplateName: SecurityAuditRole
        TemplateDescription: A read-only audit role in every member account.
        IncludeAccounts:
          AllAccounts: true
        Variables:
          - Key: security_account
            Value: "000000000001"
        Role:
          RoleName: StarfleetSecurityAudit
          Path: /starfleet/
          Description: \(description) {{ var.account_name }} ({{ var.account_id }})
          MaxSessionDuration: 3600
          AssumeRolePolicyDocument:
            Statement:
              - Sid: SecurityToolingWithMfa
                Effect: Allow
                Principal:
                  AWS: arn:aws:iam::{{ var.security_account }}:root
                Action: sts:AssumeRole
                Condition:
                  Bool:
                    aws:MultiFactorAuthPresent: true
          InlinePolicies:
            - PolicyName: DenySecretValues
              PolicyDocument:
                Statement:
                  - Sid: NoSecretValues
                    Effect: Deny
                    Action:
                      - secretsmanager:GetSecretValue
                      - kms:Decrypt
                    Resource: "*"
          Tags:
            - Key: owner
              Value: security
            - Key: account
              Value: "{{ var.account_id }}"
        """
    }

    @Test("Acceptance on the 60-account demo: fleet dry run, one typed commit, roles read back, no changes after, paused AWS refused, changed payload revokes")
    func acceptanceOnTheDemoFleet() async throws {
        let fixture = try await ConsoleTmuxWorld.demo.get()
        let count = fixture.seed.accounts.count
        let name = "payloads-acceptance-\(UUID().uuidString.prefix(6))"
        let payloadFile = "\(name)/IamRoleWorkerShip/audit.yaml"
        try fixture.directory.write(Self.auditRolePayload(description: "Security team read-only audit access to"), to: payloadFile)
        // A stopped AWS answers nothing: one attempt of 3 s instead of three of 30 s.
        let launch = try ConsoleLaunch(fixture: fixture, arguments: ["--config", fixture.configuration, "--payloads",
                                                                     fixture.directory.path + "/" + name, "--fleet-concurrency", "8"],
                                       extraEnvironment: ["AWS_MAX_ATTEMPTS": "1", "STARFLEET_AWS_TIMEOUT": "3"])
        let console = try await TmuxConsole(width: 120, height: 40, script: launch.script)
        defer { console.kill() }
        try await console.wait(for: "IamRoleWorkerShip")
        try await select("IamRoleWorkerShip", in: console)
        try await open("audit.yaml", in: console)
        try await console.wait(for: "role_name: StarfleetSecurityAudit")

        // Every account marked, dry-run 8 at a time; the plan is aggregated.
        try await markEveryTarget(count, in: console)
        try await console.keys("d")
        var screen = try await console.wait(for: "Fleet dry run · \(count)/\(count) done", timeout: 240)
        let plan = try #require(screen.firstMatch(of: /Fleet dry run · \d+\/\d+ done · \+(\d+) ~(\d+) -(\d+)/), "\(screen)")
        #expect(Int(plan.1) ?? 0 >= count && plan.2 == "0" && plan.3 == "0", "every account gets the role: \(plan.0)")
        #expect(!screen.contains("failed"), "\(screen)")

        // One commit of every account behind the typed phrase.
        try await console.keys("C")
        screen = try await console.wait(for: "Commit IamRoleWorkerShip to \(count) targets?")
        try await console.type("IamRoleWorkerShip \(count)")
        try await console.keys("Tab", "Enter")
        screen = try await console.wait(for: "Fleet commit · \(count)/\(count) done", timeout: 400)
        #expect(!screen.contains("failed"), "\(screen)")

        // Every account's role, read back through the IAM API in that account.
        let roles = try await withThrowingTaskGroup(of: (String, IAMRole?).self) { group in
            for account in fixture.seed.accounts.map(\.id) {
                group.addTask {
                    let iam = try fixture.session.assumingRole(roleArn: "arn:aws:iam::\(account):role/test-inspector",
                                                               sessionName: "starfleet-acceptance").iam()
                    return (account, try await iam.getRole(roleName: "StarfleetSecurityAudit"))
                }
            }
            return try await group.reduce(into: [String: IAMRole]()) { $0[$1.0] = $1.1 }
        }
        #expect(roles.count == count, "every account has the role")
        #expect(roles.allSatisfy { $0.value.path == "/starfleet/" && $0.value.description.hasSuffix("(\($0.key))") })

        // A second fleet dry run: nothing to do anywhere.
        try await console.keys("d")
        screen = try await console.wait(for: "Fleet dry run · \(count)/\(count) done", timeout: 240)
        #expect(screen.contains("· +0 ~0 -0") && !screen.contains("failed"), "\(screen)")
        let rows = screen.split(separator: "\n").filter { $0.contains("│") && $0.contains("no changes") }
        #expect(rows.count >= 10, "every row on screen says no changes: \(screen)")
        #expect(!screen.contains("✔ succeeded") || screen.contains("no changes"))

        // AWS paused: the dry runs of three accounts fail, and C is refused with the reason.
        let moto = try #require(fixture.server.serverProcessID)
        try await console.keys("u")
        try await console.wait("the marks cleared") { !$0.contains(" marked") }
        try await console.keys("Space", "Space", "Space")
        try await console.wait(for: "3 marked")
        #expect(kill(moto, SIGSTOP) == 0)
        do {
            try await console.keys("d")
            screen = try await console.wait(for: "Fleet dry run · 3/3 done", timeout: 120)
        } catch {
            kill(moto, SIGCONT)
            throw error
        }
        kill(moto, SIGCONT)
        #expect(screen.contains("3 failed"), "\(screen)")
        // C is disabled; pressing it flashes why.
        try await console.keys("C")
        screen = try await console.wait(for: "3 of 3 marked targets cannot be committed")
        #expect(screen.contains("The latest dry run of this target failed"), "\(screen)")

        // A changed payload revokes the gate of targets whose latest dry run succeeded.
        try fixture.directory.write(Self.auditRolePayload(description: "Audit access (changed) to"), to: payloadFile)
        // Esc leaves the fan-out tab for the payload tab, Esc again goes back to the picker.
        try await console.keys("Escape")
        try await console.wait("the payload tab") { $0.contains("Source · audit.yaml") && !$0.contains("Fan-out ·") }
        try await console.keys("Escape")
        try await console.wait(for: "Payloads for")
        try await console.keys("Enter")
        try await console.wait(for: "Audit access (changed) to")
        try await console.keys("f")
        try await console.wait(for: "\(count) invocations")
        try await console.keys("u")
        try await console.wait("the marks cleared") { !$0.contains(" marked") }
        try await console.keys("Down", "Down", "Down", "Space", "Space")
        try await console.wait(for: "2 marked")
        try await console.keys("C")
        screen = try await console.wait(for: "2 of 2 marked targets cannot be committed")
        #expect(screen.contains("The payload changed since the last successful dry run"), "\(screen)")
        #expect(!screen.contains("Type IamRoleWorkerShip"))
        try await console.quitAndExpectRestoredTerminal()
    }
}
