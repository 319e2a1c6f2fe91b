import Foundation
import StarfleetTestSupport
import Testing

@testable import StarfleetAWS

/// Our clients against a real moto_server seeded with an organization (shared, read-only).
@Suite("moto end to end")
struct MotoEndToEndTests {
    static func fixture() async throws -> (session: AWSSession, seed: MotoOrganizationSeed) {
        let (server, seed) = try await SeededMotoServer.shared.get()
        return (TestClients.session(endpoint: server.endpoint), seed)
    }

    @Test func listAccountsFollowsNextToken() async throws {
        let (session, seed) = try await Self.fixture()
        var organizations = try session.organizations()
        organizations.pageSize = 5
        let firstPage = try await organizations.listAccountsPage()
        #expect(firstPage.items.count == 5)
        #expect(firstPage.nextToken != nil)

        let accounts = try await organizations.listAccounts()
        #expect(accounts.count == seed.accountIds.count + 1)
        #expect(Set(accounts.map(\.id)) == Set(seed.accountIds + [seed.managementAccountId]))
        let member = try #require(accounts.first { $0.id == seed.accounts[1].id })
        #expect(member.name == seed.accounts[1].name)
        #expect(member.email == seed.accounts[1].email)
        #expect(member.status == "ACTIVE")
        #expect(member.arn.hasPrefix("arn:aws:organizations::\(seed.managementAccountId):account/\(seed.organizationId)/"))
        #expect(member.joinedMethod == "CREATED")
        let joined = try #require(member.joinedTimestamp)
        #expect(abs(joined.timeIntervalSinceNow) < 3600)
    }

    @Test func organizationalUnitsAndTheirParents() async throws {
        let (session, seed) = try await Self.fixture()
        var organizations = try session.organizations()
        organizations.pageSize = 2
        #expect(try await organizations.listRoots().map(\.id) == [seed.rootId])

        let topLevel = try await organizations.listOrganizationalUnitsForParent(parentId: seed.rootId)
        #expect(topLevel.map(\.name).sorted() == ["Infrastructure", "Sandbox", "Workloads"])
        #expect(Set(topLevel.map(\.id)) == Set(seed.organizationalUnits.filter { $0.depth == 1 }.map(\.id)))

        // An account three OUs deep: walk ListParents up to the root.
        let deepOUs = Dictionary(uniqueKeysWithValues: seed.organizationalUnits.map { ($0.id, $0) })
        let account = try #require(seed.accounts.first { deepOUs[$0.parentId]?.depth == 3 })
        var chain: [OrganizationsParent] = []
        var child = account.id
        while true {
            let parents = try await organizations.listParents(childId: child)
            let parent = try #require(parents.first)
            #expect(parents.count == 1)
            chain.append(parent)
            if parent.type == "ROOT" { break }
            child = parent.id
        }
        #expect(chain.map(\.type) == ["ORGANIZATIONAL_UNIT", "ORGANIZATIONAL_UNIT", "ORGANIZATIONAL_UNIT", "ROOT"])
        #expect(chain.first?.id == account.parentId)
        #expect(chain.last?.id == seed.rootId)
        for parent in chain.dropLast() {
            let ou = try await organizations.describeOrganizationalUnit(organizationalUnitId: parent.id)
            #expect(ou.id == parent.id)
            #expect(ou.name == deepOUs[parent.id]?.name)
        }

        let direct = try #require(seed.accounts.first { $0.parentId == seed.rootId })
        #expect(try await organizations.listParents(childId: direct.id) == [OrganizationsParent(id: seed.rootId, type: "ROOT")])
    }

    @Test func accountsForParentFollowNextToken() async throws {
        let (server, seed) = try await SeededMotoServer.shared.get()
        let logs = LogCapture()
        var organizations = try TestClients.session(endpoint: server.endpoint, logger: logs.logger()).organizations()
        organizations.pageSize = 2
        func requests() -> Int {
            logs.lines.filter { $0.contains("AWS request") && $0.contains("aws.operation=ListAccountsForParent") }.count
        }

        // The root holds the management account and every tenth member: more than one page of two.
        let underRoot = try await organizations.listAccountsForParent(parentId: seed.rootId)
        let expectedUnderRoot = Set(seed.accounts.filter { $0.parentId == seed.rootId }.map(\.id) + [seed.managementAccountId])
        #expect(expectedUnderRoot.count > 2)
        #expect(underRoot.count == expectedUnderRoot.count, "no account twice")
        #expect(Set(underRoot.map(\.id)) == expectedUnderRoot)
        #expect(requests() == (expectedUnderRoot.count + 1) / 2)

        // Every OU lists exactly the accounts seeded into it, as full account records.
        for unit in seed.organizationalUnits {
            let listed = try await organizations.listAccountsForParent(parentId: unit.id)
            #expect(Set(listed.map(\.id)) == Set(seed.accounts.filter { $0.parentId == unit.id }.map(\.id)), "\(unit.id)")
        }
        let member = try #require(seed.accounts.first { $0.parentId != seed.rootId })
        let siblings = try await organizations.listAccountsForParent(parentId: member.parentId)
        let record = try #require(siblings.first { $0.id == member.id })
        #expect(record.name == member.name)
        #expect(record.email == member.email)
        #expect(record.status == "ACTIVE")
        #expect(record.arn.hasPrefix("arn:aws:organizations::\(seed.managementAccountId):account/\(seed.organizationId)/"))
        #expect(record.joinedTimestamp != nil)

        let error = try await #require(throws: AWSError.self) {
            _ = try await organizations.listAccountsForParent(parentId: "ou-zzzz-doesnotexist")
        }
        #expect(error.code == "ParentNotFoundException", "\(error)")
        #expect(error.attempts == 1, "not retried")
        #expect(error.description.contains("AWS Organizations ListAccountsForParent"), "\(error)")
    }

    @Test func tags() async throws {
        let (session, seed) = try await Self.fixture()
        let organizations = try session.organizations()
        for account in seed.accounts.prefix(4) {
            let tags = try await organizations.listTagsForResource(resourceId: account.id)
            #expect(Dictionary(uniqueKeysWithValues: tags.map { ($0.key, $0.value) }) == account.tags)
        }
    }

    @Test func stsAndAssumedRoleSessions() async throws {
        let (session, seed) = try await Self.fixture()
        let identity = try await session.sts().getCallerIdentity()
        #expect(identity.account == seed.managementAccountId)

        let assumed = try await session.sts().assumeRole(roleArn: seed.orgRoleArn, sessionName: "cloudaux")
        #expect(assumed.credentials.accessKeyId.hasPrefix("ASIA"))
        #expect(assumed.credentials.sessionToken?.isEmpty == false)
        #expect(try #require(assumed.credentials.expiration) > Date())
        #expect(assumed.assumedRoleArn == "arn:aws:sts::\(seed.managementAccountId):assumed-role/\(seed.orgRole)/cloudaux")

        let member = seed.accounts[3].id
        let memberSession = try session.assumingRole(
            roleArn: seed.describeRegionsRoleArn(account: member), sessionName: "StarfleetAccountIndexer")
        let memberIdentity = try await memberSession.sts().getCallerIdentity()
        #expect(memberIdentity.account == member)
        #expect(memberIdentity.arn.contains("assumed-role/\(seed.describeRegionsRole)/StarfleetAccountIndexer"))
    }

    @Test func describeRegions() async throws {
        let (session, seed) = try await Self.fixture()
        let regions = try await session.ec2().describeRegions()
        #expect(regions == regions.sorted())
        #expect(Set(regions).count == regions.count)
        #expect(regions.contains("us-east-1"))
        #expect(regions.contains("eu-west-1"))
        #expect(regions.count > 10)
        // moto answers the same list for every account (see PLATFORM-NOTES).
        let member = try session.assumingRole(
            roleArn: seed.describeRegionsRoleArn(account: seed.accounts[0].id), sessionName: "StarfleetAccountIndexer")
        #expect(try await member.ec2(region: "eu-west-1").describeRegions() == regions)
    }

    @Test func s3PutGetList() async throws {
        let (session, seed) = try await Self.fixture()
        let s3 = try session.s3()
        let bucket = try #require(seed.buckets.last)
        #expect(bucket == "starfleet-account-index")
        let document = Data(#"{"accounts": {}, "generated": "2026-01-01T00:00:00Z", "name": "Zoë"}"#.utf8)
        let eTag = try await s3.putObject(
            bucket: bucket, key: "e2e/accountIndex.json", body: document, contentType: "application/json",
            acl: "bucket-owner-full-control")
        #expect(eTag?.isEmpty == false)
        #expect(try await s3.getObject(bucket: bucket, key: "e2e/accountIndex.json") == document)
        let raw = try await s3.client.send(operation: "GetObject", request: s3.request(method: "GET", bucket: bucket, key: "e2e/accountIndex.json"))
        #expect(raw.headers["Content-Type"] == "application/json")

        for index in 1...5 {
            try await s3.putObject(bucket: bucket, key: "list-test/object \(index).txt", body: Data("\(index)".utf8), contentType: "text/plain", acl: nil)
        }
        var paged = s3
        paged.pageSize = 2
        let listed = try await paged.listObjectsV2(bucket: bucket, prefix: "list-test/")
        #expect(listed.map(\.key) == (1...5).map { "list-test/object \($0).txt" })
        #expect(listed.allSatisfy { $0.size == 1 })
        let all = try await s3.listObjectsV2(bucket: bucket, prefix: nil)
        #expect(all.contains { $0.key == "e2e/accountIndex.json" })
    }

    @Test func s3MissingKeyAndBucketAreTypedErrors() async throws {
        let (session, seed) = try await Self.fixture()
        let s3 = try session.s3()
        let missingKey = try await #require(throws: AWSError.self) {
            try await s3.getObject(bucket: seed.buckets[0], key: "no/such/key.json")
        }
        #expect(missingKey.kind == .service)
        #expect(missingKey.code == "NoSuchKey")
        #expect(missingKey.httpStatus == 404)
        #expect(missingKey.attempts == 1)
        let missingBucket = try await #require(throws: AWSError.self) {
            try await s3.getObject(bucket: "starfleet-no-such-bucket", key: "k")
        }
        #expect(missingBucket.code == "NoSuchBucket")
        #expect(missingBucket.description.contains("AWS S3 GetObject failed"))
    }

    @Test func bucketOutsideUSEast1() async throws {
        let (session, _) = try await Self.fixture()
        let s3 = try session.s3(region: "eu-west-1")
        try await s3.createBucket(bucket: "starfleet-e2e-eu-west-1")
        try await s3.putObject(bucket: "starfleet-e2e-eu-west-1", key: "k.json", body: Data("{}".utf8), contentType: "application/json", acl: nil)
        #expect(try await s3.getObject(bucket: "starfleet-e2e-eu-west-1", key: "k.json") == Data("{}".utf8))
    }

    @Test func unimplementedOperationIsNotHidden() async throws {
        let (session, _) = try await Self.fixture()
        let client = try session.client(for: .organizations)
        let error = try await #require(throws: AWSError.self) {
            _ = try await client.json("ListHandshakesForAccount", input: EmptyJSON(), as: EmptyJSON.self)
        }
        #expect(error.kind == .malformedResponse)
        #expect(error.httpStatus == 500)
        #expect(error.attempts == 3)
        #expect(error.description.contains("AWS Organizations ListHandshakesForAccount got a malformed or unexpected response after 3 attempts"))
        #expect(error.description.contains("Internal Server Error"))
    }
}
