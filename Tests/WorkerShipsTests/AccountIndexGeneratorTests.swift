import Foundation
import Starfleet
import StarfleetAWS
import StarfleetSchema
import Testing

@testable import WorkerShips

/// AccountIndexGeneratorShip with doubles of `InventoryServices` and `S3API` registered in the
/// context's services (SPEC §6): parent chains, Q21, failures, the JSON layout, concurrency.
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

    @Test("parent chains four OUs deep, each OU described and climbed once (memoized)")
    func deepChainsAreMemoized() async throws {
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

        // Deeper OUs are described and climbed exactly once, however many accounts (and
        // concurrent tasks) sit under them; top-level OUs come from ListOrganizationalUnitsForParent.
        for unit in ["ou-deep", "ou-team-a", "ou-prod", "ou-prod2"] {
            #expect(org.calls("DescribeOrganizationalUnit", unit) == 1, "\(unit)")
            #expect(org.calls("ListParents", unit) == 1, "\(unit)")
        }
        for unit in ["ou-infra", "ou-work", org.rootId] {
            #expect(org.calls("DescribeOrganizationalUnit", unit) == 0, "\(unit)")
            #expect(org.calls("ListParents", unit) == 0, "\(unit)")
        }
        #expect(org.calls("DescribeOrganizationalUnit") == 4)
        #expect(org.calls("ListOrganizationalUnitsForParent", org.rootId) == 1)
        #expect(org.calls("ListAccounts") == 1)
        // One ListParents, ListTagsForResource and DescribeRegions per account.
        for account in org.accounts {
            #expect(org.calls("ListParents", account.id) == 1)
            #expect(org.calls("ListTagsForResource", account.id) == 1)
            #expect(org.calls("DescribeRegions", account.id) == 1)
        }
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
    }

    @Test("a failing per-account call surfaces as an error naming the account", arguments: [
        "ListTagsForResource", "ListParents", "DescribeRegions",
    ])
    func failingAccountCall(operation: String) async throws {
        let org = Self.deepOrganization()
        org.fail(operation, "300000000002", "AccessDeniedException: not allowed")
        let harness = GeneratorHarness(org, maxConcurrency: 4)
        let error = try await #require(throws: (any Error).self) { try await harness.run(commit: true) }
        let text = String(describing: error)
        #expect(text.contains("300000000002"), "\(text)")
        #expect(text.contains("TeamA-2"), "\(text)")
        #expect(text.contains("AccessDeniedException: not allowed"), "\(text)")
        #expect(harness.s3.puts.isEmpty, "nothing is written after a failure")
    }

    @Test("a failing OU lookup while climbing a chain also names an account under it")
    func failingUnitLookup() async throws {
        let org = Self.deepOrganization()
        org.fail("DescribeOrganizationalUnit", "ou-deep", "TooManyRequestsException: slow down")
        let harness = GeneratorHarness(org, maxConcurrency: 4)
        let error = try await #require(throws: (any Error).self) { try await harness.run(commit: true) }
        let text = String(describing: error)
        #expect(text.contains("TooManyRequestsException: slow down"), "\(text)")
        #expect(harness.s3.puts.isEmpty)
        #expect(text.contains("20000000000"), "the error names the account whose parents failed: \(text)")
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

    @Test("MaxConcurrency bounds the accounts being inventoried at once", arguments: [1, 3, 8])
    func concurrencyBound(limit: Int) async throws {
        let org = FakeOrganization()
        for n in 0..<30 {
            org.addAccount(String(format: "6000000000%02d", n), name: "Acct-\(n)", parent: org.rootId)
        }
        org.latency = .milliseconds(5)
        let harness = GeneratorHarness(org, maxConcurrency: limit)
        try await harness.run(commit: true)
        #expect(try harness.writtenDocument().document.accounts.count == 30)
        #expect(org.maxAccountsInFlight <= limit, "at most \(limit) accounts in flight, saw \(org.maxAccountsInFlight)")
        if limit > 1 {
            #expect(org.maxAccountsInFlight > 1, "the bound is used, not serialized")
        }
        // Each account's three reads run side by side: never more than 3 × the bound at once.
        #expect(org.maxInFlightCalls <= 3 * limit)
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
