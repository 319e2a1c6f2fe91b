import Foundation
import Starfleet
import StarfleetTestSupport
import Testing

/// `fanout --format json` through the probe-fleet binary, resolving against the index the
/// generator wrote to moto: ACCOUNT and ACCOUNT_REGION payloads, org-root exclusion, ScopeToRegions.
@Suite("fanout end to end")
struct FanoutEndToEndTests {
    func fanout(_ world: EndToEndWorld.Fixture, ship: String, payload: String,
                configuration: String? = nil) async throws -> FanoutTargets {
        let result = try await world.probeFleet(["fanout", "--config", configuration ?? world.configuration, "--ship", ship,
                                                 "--payload", payload, "--format", "json"])
        #expect(result.exitCode == 0, "\(result.summary)")
        return try FanoutTargets(result.jsonObject())
    }

    @Test("ACCOUNT: OUs at any depth and tags, minus the excluded, with names")
    func accountPayload() async throws {
        let world = try await EndToEndWorld.shared.get()
        let payload = try world.payload("""
        TemplateName: ProdButNotDev
        TemplateDescription: Every account under an OU named Prod, and the data team, except dev.
        IncludeAccounts:
          ByOrgUnits: [prod]
          ByTags:
            - Name: Team
              Value: data
        ExcludeAccounts:
          ByTags:
            - Name: Environment
              Value: dev
        MarkerBucket: unused-bucket
        """)
        let plan = try await fanout(world, ship: "ProbeAccountShip", payload: payload)
        let expected = world.members(underUnitNamed: "Prod").union(world.members(taggedWith: "Team", "data"))
            .subtracting(world.members(taggedWith: "Environment", "dev"))
        #expect(!expected.isEmpty)
        #expect(plan.strategy == "ACCOUNT")
        #expect(plan.accounts == expected.sorted())
        #expect(plan.invocations == expected.count)
        #expect(plan.regions.isEmpty, "ACCOUNT targets carry no regions")
        for account in expected { #expect(plan.names[account] == world.name(of: account)) }
    }

    @Test("ACCOUNT: an OU id selects the accounts of its whole subtree")
    func organizationalUnitIdSubtree() async throws {
        let world = try await EndToEndWorld.shared.get()
        let top = try #require(world.seed.organizationalUnits.first { $0.depth == 1 && $0.name == "Workloads" })
        let payload = try world.payload("""
        TemplateName: Workloads
        TemplateDescription: By OU id.
        IncludeAccounts:
          ByOrgUnits: [\(top.id)]
        MarkerBucket: unused-bucket
        """)
        let plan = try await fanout(world, ship: "ProbeAccountShip", payload: payload)
        let expected = world.seed.accounts.filter { world.expectedParents(of: $0).contains { $0.id == top.id } }.map(\.id)
        #expect(plan.accounts == expected.sorted())
        #expect(world.seed.accounts.contains { account in
            expected.contains(account.id) && world.expectedParents(of: account).count == 4
        }, "the subtree reaches accounts three OUs deep")
    }

    @Test("ACCOUNT_REGION: regions are the requested ones the accounts have enabled")
    func accountRegionPayload() async throws {
        let world = try await EndToEndWorld.shared.get()
        let payload = try world.payload("""
        TemplateName: PaymentsSomeRegions
        TemplateDescription: The payments team in three regions (ap-east-1 is not enabled in moto).
        IncludeAccounts:
          ByTags:
            - Name: team
              Value: PAYMENTS
        IncludeRegions: [us-east-1, eu-west-1, ap-east-1]
        MarkerBucket: unused-bucket
        """)
        #expect(!world.enabledRegions.contains("ap-east-1"), "moto's region list changed; pick another disabled region")
        let plan = try await fanout(world, ship: "ProbeAccountRegionShip", payload: payload)
        let expected = world.members(taggedWith: "Team", "payments")
        #expect(plan.strategy == "ACCOUNT_REGION")
        #expect(plan.accounts == expected.sorted())
        for account in expected { #expect(plan.regions[account] == ["eu-west-1", "us-east-1"]) }
        #expect(plan.invocations == expected.count * 2)
    }

    @Test("ACCOUNT_REGION with ALL minus excluded regions")
    func allRegionsMinusExcluded() async throws {
        let world = try await EndToEndWorld.shared.get()
        let account = world.seed.accounts[3]
        let payload = try world.payload("""
        TemplateName: OneAccountEverywhere
        TemplateDescription: All regions but two.
        IncludeAccounts:
          ByNames: [\(account.name.lowercased())]
        IncludeRegions: [ALL]
        ExcludeRegions: [us-west-1, eu-west-2]
        MarkerBucket: unused-bucket
        """)
        let plan = try await fanout(world, ship: "ProbeAccountRegionShip", payload: payload)
        #expect(plan.accounts == [account.id])
        let expected = world.allResolvableRegions.filter { $0 != "us-west-1" && $0 != "eu-west-2" }
        #expect(plan.regions[account.id] == expected)
        #expect(plan.invocations == expected.count)
    }

    @Test("the management account is left out unless OperateInOrgRoot: true")
    func orgRootExclusion() async throws {
        let world = try await EndToEndWorld.shared.get()
        let template = """
        TemplateName: Everyone
        TemplateDescription: All accounts.
        IncludeAccounts:
          AllAccounts: true
        MarkerBucket: unused-bucket
        """
        let without = try await fanout(world, ship: "ProbeAccountShip", payload: try world.payload(template))
        #expect(without.accounts == world.memberIds.sorted())
        #expect(!without.accounts.contains(world.managementAccount))

        let with = try await fanout(world, ship: "ProbeAccountShip",
                                    payload: try world.payload(template + "\nOperateInOrgRoot: true"))
        #expect(with.accounts == world.memberIds.union([world.managementAccount]).sorted())
        #expect(with.invocations == world.seed.accounts.count + 1)
    }

    @Test("STARFLEET.ScopeToRegions narrows ALL to the scoped regions")
    func scopeToRegions() async throws {
        let world = try await EndToEndWorld.shared.get()
        let payload = try world.payload("""
        TemplateName: EverywhereScoped
        TemplateDescription: All accounts, all regions.
        IncludeAccounts:
          AllAccounts: true
        IncludeRegions: [ALL]
        MarkerBucket: unused-bucket
        """)
        let unscoped = try await fanout(world, ship: "ProbeAccountRegionShip", payload: payload)
        #expect(unscoped.regions.values.allSatisfy { $0 == world.allResolvableRegions })
        #expect(unscoped.invocations == world.seed.accounts.count * world.allResolvableRegions.count)

        let scoped = try await fanout(world, ship: "ProbeAccountRegionShip", payload: payload,
                                      configuration: world.scopedConfiguration)
        #expect(scoped.accounts == world.memberIds.sorted())
        #expect(scoped.regions.values.allSatisfy { $0 == EndToEndWorld.scopeToRegions })
        #expect(scoped.invocations == world.seed.accounts.count * EndToEndWorld.scopeToRegions.count)
    }

    @Test("fanout on a missing S3 index object: clear error, exit 2")
    func missingIndexObject() async throws {
        let world = try await EndToEndWorld.shared.get()
        let payload = try world.payload("""
        TemplateName: Everyone
        TemplateDescription: All accounts.
        IncludeAccounts:
          AllAccounts: true
        MarkerBucket: unused-bucket
        """)
        let result = try await world.probeFleet(["fanout", "--config", world.missingIndexConfiguration, "--ship",
                                                 "ProbeAccountShip", "--payload", payload, "--format", "json"])
        #expect(result.exitCode == 2, "\(result.summary)")
        #expect(result.stdout.isEmpty)
        #expect(result.stderrText.contains("the account index could not be loaded: s3://\(EndToEndWorld.indexBucket)/e2e/no-such-index.json"))
        #expect(result.stderrText.contains("NoSuchKey"))
    }
}
