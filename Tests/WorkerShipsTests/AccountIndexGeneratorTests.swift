import Foundation
import Starfleet
import StarfleetAWS
import StarfleetSchema
import StarfleetTestSupport
import Testing

@testable import WorkerShips

/// AccountIndexGeneratorShip with doubles of `InventoryServices` and `S3API` registered in the
/// context's services (SPEC §6): parent chains from the tree walk and the ListParents fallback,
/// Q21, failures, the JSON layout, concurrency.
@Suite("AccountIndexGeneratorShip")
struct AccountIndexGeneratorTests {
    /// root ─ ou-infra (Infrastructure) ─ ou-prod (Prod) ─ ou-team-a (Team-A) ─ ou-deep (Deep)
    ///      └ ou-work (Workloads) ─ ou-prod2 (Prod)
    static func deepOrganization() -> FakeOrganization {
        let org = FakeOrganization()
        org.addUnit("ou-infra", name: "Infrastructure", parent: org.rootId)
        org.addUnit("ou-work", name: "Workloads", parent: org.rootId)
        org.addUnit("ou-prod", name: "Prod", parent: "ou-infra")
        org.addUnit("ou-prod2", name: "Prod", parent: "ou-work")
        org.addUnit("ou-team-a", name: "Team-A", parent: "ou-prod")
        org.addUnit("ou-deep", name: "Deep", parent: "ou-team-a")
        org.addAccount("111111111111", name: "Management", parent: org.rootId)
        for n in 0..<12 { org.addAccount(String(format: "2000000000%02d", n), name: "Deep-\(n)", parent: "ou-deep") }
        for n in 0..<6 { org.addAccount(String(format: "3000000000%02d", n), name: "TeamA-\(n)", parent: "ou-team-a") }
        for n in 0..<4 { org.addAccount(String(format: "4000000000%02d", n), name: "Prod2-\(n)", parent: "ou-prod2") }
        org.addAccount("500000000000", name: "Infra", parent: "ou-infra")
        return org
    }

    static let root = ParentRecord(id: "r-root", name: "ROOT", type: "ROOT")
    static let infra = ParentRecord(id: "ou-infra", name: "Infrastructure", type: "ORGANIZATIONAL_UNIT")
    static let prod = ParentRecord(id: "ou-prod", name: "Prod", type: "ORGANIZATIONAL_UNIT")
    static let teamA = ParentRecord(id: "ou-team-a", name: "Team-A", type: "ORGANIZATIONAL_UNIT")
    static let deep = ParentRecord(id: "ou-deep", name: "Deep", type: "ORGANIZATIONAL_UNIT")

    @Test("chains four OUs deep come from one walk: each parent listed once, per account only tags and regions")
    func deepChainsComeFromTheWalk() async throws {
        let org = Self.deepOrganization()
        org.latency = .milliseconds(2)
        let harness = GeneratorHarness(org, maxConcurrency: 8)
        try await harness.run(commit: true)
        let accounts = try harness.writtenDocument().document.accounts

        #expect(accounts.count == 24)
        #expect(accounts["200000000000"]?.parents == [Self.deep, Self.teamA, Self.prod, Self.infra, Self.root])
        #expect(accounts["200000000011"]?.parents == [Self.deep, Self.teamA, Self.prod, Self.infra, Self.root])
        #expect(accounts["300000000005"]?.parents == [Self.teamA, Self.prod, Self.infra, Self.root])
        #expect(accounts["400000000003"]?.parents == [
            ParentRecord(id: "ou-prod2", name: "Prod", type: "ORGANIZATIONAL_UNIT"),
            ParentRecord(id: "ou-work", name: "Workloads", type: "ORGANIZATIONAL_UNIT"), Self.root,
        ])
        #expect(accounts["500000000000"]?.parents == [Self.infra, Self.root])
        #expect(accounts["111111111111"]?.parents == [Self.root])

        // Every parent (the root and the six OUs) is listed exactly once, for its OUs and for its
        // accounts, however many accounts sit under it; OU names come from those listings.
        let parents = [org.rootId, "ou-infra", "ou-work", "ou-prod", "ou-prod2", "ou-team-a", "ou-deep"]
        for parent in parents {
            #expect(org.calls("ListOrganizationalUnitsForParent", parent) == 1, "\(parent)")
            #expect(org.calls("ListAccountsForParent", parent) == 1, "\(parent)")
        }
        #expect(org.calls("ListOrganizationalUnitsForParent") == parents.count)
        #expect(org.calls("ListAccountsForParent") == parents.count)
        #expect(org.calls("ListParents") == 0, "no ListParents, for accounts or OUs")
        #expect(org.calls("DescribeOrganizationalUnit") == 0)
        #expect(org.calls("ListAccounts") == 1)
        // Per account, only its tags and its enabled regions.
        for account in org.accounts {
            #expect(org.calls("ListTagsForResource", account.id) == 1)
            #expect(org.calls("DescribeRegions", account.id) == 1)
        }
        #expect(harness.logs.messages(at: .info).contains("[🌳] Walked 6 OUs under r-root; 24 accounts placed."))
    }

    @Test("an account the walk did not meet (moved mid-run) falls back to ListParents and the OU chains the walk found")
    func unwalkedAccountFallsBackToListParents() async throws {
        let org = Self.deepOrganization()
        org.hiddenFromWalk = ["300000000002"]
        let harness = GeneratorHarness(org, maxConcurrency: 4)
        try await harness.run(commit: true)
        let accounts = try harness.writtenDocument().document.accounts

        #expect(accounts.count == 24)
        #expect(accounts["300000000002"]?.parents == [Self.teamA, Self.prod, Self.infra, Self.root])
        #expect(accounts["300000000003"]?.parents == [Self.teamA, Self.prod, Self.infra, Self.root])
        #expect(org.calls("ListParents", "300000000002") == 1)
        #expect(org.calls("ListParents") == 1, "only the account the walk missed")
        #expect(org.calls("DescribeOrganizationalUnit") == 0, "its OU's chain is already known from the walk")
    }

    @Test("an account in an OU the walk did not meet (created mid-run) climbs through that OU to a known chain")
    func unwalkedUnitIsClimbedOnce() async throws {
        let org = Self.deepOrganization()
        org.addUnit("ou-new", name: "New", parent: "ou-prod")
        org.addAccount("700000000000", name: "New-0", parent: "ou-new")
        org.addAccount("700000000001", name: "New-1", parent: "ou-new")
        org.hiddenFromWalk = ["ou-new"]
        let harness = GeneratorHarness(org, maxConcurrency: 4)
        try await harness.run(commit: true)
        let accounts = try harness.writtenDocument().document.accounts

        let new = ParentRecord(id: "ou-new", name: "New", type: "ORGANIZATIONAL_UNIT")
        #expect(accounts["700000000000"]?.parents == [new, Self.prod, Self.infra, Self.root])
        #expect(accounts["700000000001"]?.parents == [new, Self.prod, Self.infra, Self.root])
        #expect(org.calls("ListAccountsForParent", "ou-new") == 0, "the walk never saw the OU")
        #expect(org.calls("ListParents", "700000000000") == 1)
        #expect(org.calls("ListParents", "700000000001") == 1)
        // The unknown OU is described and climbed once (memoized); ou-prod's chain is the walk's.
        #expect(org.calls("DescribeOrganizationalUnit", "ou-new") == 1)
        #expect(org.calls("ListParents", "ou-new") == 1)
        #expect(org.calls("ListParents") == 3)
        #expect(org.calls("DescribeOrganizationalUnit") == 1)
    }

    @Test("against moto, the walk follows ListAccountsForParent pages and gives every seeded account its chain")
    func walkAgainstMoto() async throws {
        let (server, seed) = try await SeededMotoServer.shared.get()
        let services = try MotoInventoryServices(server: server, pageSize: 2)
        let inventory = OrganizationInventory(services: services, orgRootId: seed.rootId, maxConcurrency: 4,
                                              logger: GeneratorLogCapture().logger)
        let accounts = try await inventory.collect()

        let root = ParentRecord(id: seed.rootId, name: "ROOT", type: "ROOT")
        let units = Dictionary(uniqueKeysWithValues: seed.organizationalUnits.map { ($0.id, $0) })
        func expectedChain(_ parentId: String) -> [ParentRecord] {
            guard let unit = units[parentId] else { return [root] }
            return [ParentRecord(id: unit.id, name: unit.name, type: "ORGANIZATIONAL_UNIT")] + expectedChain(unit.parentId)
        }
        #expect(accounts.count == seed.accounts.count + 1)
        #expect(accounts[seed.managementAccountId]?.parents == [root])
        for account in seed.accounts {
            #expect(accounts[account.id]?.parents == expectedChain(account.parentId), "\(account.id)")
            #expect(accounts[account.id]?.tags == account.tags, "\(account.id)")
        }
        #expect(seed.accounts.contains { units[$0.parentId]?.depth == 3 }, "the seed has accounts three OUs deep")

        // One request per page of two for each parent's accounts: every page was followed.
        var pages = 0
        for parentId in [seed.rootId] + seed.ouIds {
            let count = seed.accounts.filter { $0.parentId == parentId }.count + (parentId == seed.rootId ? 1 : 0)
            pages += max(1, (count + 1) / 2)
        }
        #expect(pages > seed.ouIds.count + 1, "some parent holds more than one page")
        #expect(services.requests("ListAccountsForParent") == pages)
        #expect(services.requests("ListParents") == 0)
        #expect(services.requests("DescribeOrganizationalUnit") == 0)
    }

    @Test("Q21: an account without parents does not crash the run; it is recorded with Parents []")
    func accountWithoutParents() async throws {
        let org = FakeOrganization()
        org.addAccount("111111111111", name: "Management", parent: org.rootId)
        org.addAccount("222222222222", name: "Detached", parent: nil, tags: ["Team": "web"])
        let harness = GeneratorHarness(org)
        try await harness.run(commit: true)
        let (text, document) = try harness.writtenDocument()
        let detached = try #require(document.accounts["222222222222"])
        #expect(detached.parents == [])
        #expect(detached.tags == ["Team": "web"])
        #expect(text.contains("\"Parents\": [],"))
        #expect(document.accounts["111111111111"]?.parents == [Self.root])
        #expect(harness.logs.messages(at: .warning).contains { $0.contains("222222222222") && $0.contains("Detached") && $0.contains("no parents") })
        #expect(org.calls("ListParents", "222222222222") == 1, "the walk did not meet it, so ListParents was asked")
        #expect(org.calls("ListParents", "111111111111") == 0)
    }

    @Test("a failing call fails the run with an error naming the account or parent it was for", arguments: [
        // Per account.
        ("ListTagsForResource", "300000000002", "Fetching tags and regions for account 300000000002 (TeamA-2)"),
        ("DescribeRegions", "300000000002", "Fetching tags and regions for account 300000000002 (TeamA-2)"),
        // Walking the tree.
        ("ListAccountsForParent", "ou-team-a", "Listing the OUs and accounts under OU ou-team-a (Team-A)"),
        ("ListOrganizationalUnitsForParent", "ou-team-a", "Listing the OUs and accounts under OU ou-team-a (Team-A)"),
        ("ListAccountsForParent", "r-root", "Listing the OUs and accounts under the root r-root"),
        // Accounts the walk missed: the account's ListParents, or the lookup of an OU above it.
        ("ListParents", "300000000002", "Resolving the parents of account 300000000002 (TeamA-2)"),
        ("DescribeOrganizationalUnit", "ou-new", "Resolving the parents of account 700000000000 (New-0)"),
    ])
    func failingCall(operation: String, id: String, what: String) async throws {
        let org = Self.deepOrganization()
        org.addUnit("ou-new", name: "New", parent: "ou-prod")
        org.addAccount("700000000000", name: "New-0", parent: "ou-new")
        org.hiddenFromWalk = ["300000000002", "ou-new"]
        org.fail(operation, id, "AccessDeniedException: not allowed")
        let harness = GeneratorHarness(org, maxConcurrency: 4)
        let error = try await #require(throws: (any Error).self) { try await harness.run(commit: true) }
        let text = String(describing: error)
        #expect(text.hasPrefix("\(what) failed: "), "\(text)")
        #expect(text.contains("AccessDeniedException: not allowed"), "\(text)")
        #expect(harness.s3.puts.isEmpty, "nothing is written after a failure")
    }

    @Test("commit writes the original layout: sorted keys, 4-space indent, generated timestamp, headers")
    func commitLayout() async throws {
        let org = FakeOrganization(rootId: "r-ab12")
        org.addUnit("ou-ab12-dev", name: "Dev", parent: "r-ab12")
        org.addAccount("123456789012", name: "Zoë", parent: "ou-ab12-dev", tags: ["b": "2", "a": "1"],
                       regions: ["us-west-2", "eu-west-1"], joined: Date(timeIntervalSince1970: 1_711_564_707.526430),
                       management: "123456789012")
        var harness = GeneratorHarness(org)
        harness.bucket = "my-index-bucket"
        harness.key = "some/prefix/accountIndex.json"
        let before = Date()
        try await harness.run(commit: true)

        let put = try #require(harness.s3.puts.first)
        #expect(harness.s3.puts.count == 1)
        #expect(put.bucket == "my-index-bucket")
        #expect(put.key == "some/prefix/accountIndex.json")
        #expect(put.contentType == "application/json")
        #expect(put.acl == "bucket-owner-full-control")

        let (text, document) = try harness.writtenDocument()
        let generated = try #require(document.generated)
        #expect(generated.wholeMatch(of: /\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ/) != nil)
        let parsed = try #require(ISO8601DateFormatter().date(from: generated))
        #expect(parsed >= before.addingTimeInterval(-1) && parsed <= Date().addingTimeInterval(1))
        let expected = """
        {
            "accounts": {
                "123456789012": {
                    "Arn": "arn:aws:organizations::123456789012:account/o-test/123456789012",
                    "Email": "zo\\u00eb@example.com",
                    "Id": "123456789012",
                    "JoinedMethod": "CREATED",
                    "JoinedTimestamp": "2024-03-27 18:38:27.526430+00:00",
                    "Name": "Zo\\u00eb",
                    "Parents": [
                        {
                            "Id": "ou-ab12-dev",
                            "Name": "Dev",
                            "Type": "ORGANIZATIONAL_UNIT"
                        },
                        {
                            "Id": "r-ab12",
                            "Name": "ROOT",
                            "Type": "ROOT"
                        }
                    ],
                    "Regions": [
                        "eu-west-1",
                        "us-west-2"
                    ],
                    "Status": "ACTIVE",
                    "Tags": {
                        "a": "1",
                        "b": "2"
                    }
                }
            },
            "generated": "\(generated)"
        }
        """
        #expect(text == expected)
        #expect(harness.logs.messages.contains { $0.hasPrefix("[💾] Wrote the account index to s3://my-index-bucket/some/prefix/accountIndex.json") })
    }

    @Test("dry run: reads everything, logs the accounts map as sorted 4-space JSON, writes nothing")
    func dryRunLogsInventory() async throws {
        let org = Self.deepOrganization()
        let harness = GeneratorHarness(org)
        try await harness.run(commit: false)
        #expect(harness.s3.puts.isEmpty)
        #expect(org.calls("DescribeRegions") == org.accounts.count, "the reads still happen")
        let inventory = try #require(harness.logs.messages(at: .info).first { $0.hasPrefix("[🍣] Raw Inventory:\n") })
        let json = String(inventory.dropFirst("[🍣] Raw Inventory:\n".count))
        #expect(json.hasPrefix("{\n    \"111111111111\": {\n        \"Arn\": "))
        #expect(!json.contains("\"generated\""), "only the accounts map")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(object.count == org.accounts.count)
        #expect(harness.logs.messages(at: .warning).contains { $0.hasPrefix("[⚠️] Commit flag is disabled: not saving report to S3") })
        #expect(harness.logs.plans == [PlanSummary(toChange: 1)], "the index object it would write, as data")
    }

    @Test("JoinedTimestamp uses Python's str(datetime): microseconds, or none when zero (Q13)", arguments: [
        (1_711_564_707.526430, "2024-03-27 18:38:27.526430+00:00"),
        (1_711_564_707.0, "2024-03-27 18:38:27+00:00"),
        (1_711_564_707.000001, "2024-03-27 18:38:27.000001+00:00"),
        (0.5, "1970-01-01 00:00:00.500000+00:00"),
    ])
    func pythonTimestamps(seconds: Double, expected: String) {
        #expect(PythonDateFormat.string(Date(timeIntervalSince1970: seconds)) == expected)
    }

    @Test("the generated timestamp is truncated to seconds with a Z")
    func generatedTimestamp() {
        #expect(AccountIndexJSON.timestamp(Date(timeIntervalSince1970: 1_711_564_707.999)) == "2024-03-27T18:38:27Z")
    }

    @Test("MaxConcurrency bounds the accounts being inventoried and the parents being walked at once", arguments: [1, 3, 8])
    func concurrencyBound(limit: Int) async throws {
        let org = FakeOrganization()
        for unit in 0..<10 { org.addUnit("ou-\(unit)", name: "Unit-\(unit)", parent: org.rootId) }
        for n in 0..<30 {
            org.addAccount(String(format: "6000000000%02d", n), name: "Acct-\(n)", parent: "ou-\(n % 10)")
        }
        org.latency = .milliseconds(5)
        let harness = GeneratorHarness(org, maxConcurrency: limit)
        try await harness.run(commit: true)
        #expect(try harness.writtenDocument().document.accounts.count == 30)
        #expect(org.maxAccountsInFlight <= limit, "at most \(limit) accounts in flight, saw \(org.maxAccountsInFlight)")
        if limit > 1 {
            #expect(org.maxAccountsInFlight > 1, "the bound is used, not serialized")
        }
        // Two reads side by side per account (tags, regions) or per parent (its OUs, its accounts),
        // and ListAccounts alongside the walk: never more than 2 × the bound + 1 at once.
        #expect(org.maxInFlightCalls <= 2 * limit + 1, "saw \(org.maxInFlightCalls)")
        #expect(org.maxInFlightCalls >= 2, "each parent's two listings run side by side")
    }

    @Test("MaxConcurrency defaults to 8 and must be 1…64")
    func maxConcurrencyConfiguration() throws {
        let base = """
        Enabled: true
        TemplatePrefix: p/
        InvocationQueueUrl: https://sqs.us-east-1.amazonaws.com/1/q
        InvocationSources: [S3]
        OrgAccountId: "111111111111"
        OrgAccountAssumeRole: r
        OrgRootId: r-1
        DescribeRegionsAssumeRole: d
        """
        let schema = AccountIndexGeneratorShip.configurationTemplate
        #expect(try schema.load(YAMLReader().read(base))["max_concurrency"] == .int(8))
        #expect(!schema.validate(try YAMLReader().read(base + "\nMaxConcurrency: 0")).isEmpty)
        #expect(!schema.validate(try YAMLReader().read(base + "\nMaxConcurrency: 65")).isEmpty)
        #expect(schema.validate(try YAMLReader().read(base + "\nMaxConcurrency: 64")).isEmpty)
    }
}
