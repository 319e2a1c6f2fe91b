import Foundation
import Starfleet
import StarfleetSchema
import StarfleetTestSupport
import Testing

/// SPEC §8 cases 27–30 and Q3: loading and querying the default account index.
@Suite struct AccountIndexTests {
    static let index = SyntheticIndex.index
    static func ids(_ numbers: some Sequence<Int>) -> Set<String> { SyntheticIndex.ids(numbers) }

    // MARK: 27–28 loading

    @Test func case27_indexContainsTheManagementAccount() {
        #expect(Self.index.allAccounts.contains("000000000020"))
        #expect(Self.index.generated == "2024-03-27T18:40:00Z")
    }

    @Test func case27_unknownIndexNameIsRejectedByName() throws {
        let config = configuration(minimalStarfleet.replacingOccurrences(of: "  FanOutQueueUrl", with: "  AccountIndex: FakePlugin\n  FanOutQueueUrl"))
        #expect(config.accountIndexName == "FakePlugin")
        let error = #expect(throws: AccountIndexError.self) { try AccountIndexSource.resolve(configuration: config, overrideFile: nil) }
        #expect(error == .unknownIndex("FakePlugin"))
    }

    @Test func case28_missingSectionIsMissingConfiguration() {
        let error = #expect(throws: AccountIndexError.self) {
            try AccountIndexSource.resolve(configuration: configuration(minimalStarfleet), overrideFile: nil)
        }
        guard case .missingConfiguration? = error else { Issue.record("\(String(describing: error))"); return }
    }

    @Test func case28_missingIndexBucketIsReportedAsRequired() {
        let config = configuration(minimalStarfleet + "StarfleetDefaultAccountIndex: {BucketRegion: us-east-1}\n")
        let error = #expect(throws: AccountIndexError.self) { try AccountIndexSource.resolve(configuration: config, overrideFile: nil) }
        guard case .missingConfiguration(let detail)? = error else { Issue.record("\(String(describing: error))"); return }
        #expect(detail == "StarfleetDefaultAccountIndex: {'IndexBucket': ['Missing data for required field.']}")
    }

    @Test func sourceIsTheConfiguredS3ObjectUnlessAFileIsGiven() throws {
        let config = configuration(minimalStarfleet + "StarfleetDefaultAccountIndex: {IndexBucket: idx, BucketRegion: us-west-2}\n",
                                   directory: "/cfg")
        #expect(try AccountIndexSource.resolve(configuration: config, overrideFile: nil)
                == .s3(bucket: "idx", key: "accountIndex.json", region: "us-west-2"))
        #expect(try AccountIndexSource.resolve(configuration: config, overrideFile: "/tmp/i.json") == .file("/tmp/i.json"))
        let withFile = configuration(minimalStarfleet + "StarfleetDefaultAccountIndex: {IndexBucket: idx, BucketRegion: us-west-2, IndexFile: index.json}\n",
                                     directory: "/cfg")
        #expect(try AccountIndexSource.resolve(configuration: withFile, overrideFile: nil) == .file("/cfg/index.json"))
    }

    struct NoSuchKey: Error, CustomStringConvertible {
        var description: String { "NoSuchKey: The specified key does not exist." }
    }

    @Test func case28_missingObjectIsUnavailable() async {
        let source = AccountIndexSource.s3(bucket: "idx", key: "accountIndex.json", region: "us-east-1")
        do {
            _ = try await AccountIndexLoader.load(from: source) { _, _, _ in throw NoSuchKey() }
            Issue.record("expected a failure")
        } catch {
            #expect(error == .unavailable("s3://idx/accountIndex.json: NoSuchKey: The specified key does not exist."))
        }
    }

    @Test func case28_nonJSONBodyIsMalformed() async {
        let source = AccountIndexSource.s3(bucket: "idx", key: "accountIndex.json", region: "us-east-1")
        do {
            _ = try await AccountIndexLoader.load(from: source) { _, _, _ in Data("a".utf8) }
            Issue.record("expected a failure")
        } catch {
            guard case .malformed(let detail) = error else { Issue.record("\(error)"); return }
            #expect(detail.hasPrefix("not valid JSON"))
        }
    }

    @Test func documentWithoutAccountsIsMalformedAndAnEmptyIndexIsRefused() {
        #expect(throws: AccountIndexError.self) { try DefaultAccountIndex(data: Data(#"{"generated": "x"}"#.utf8)) }
        // Q10: an empty index has no org root; it is refused rather than crashing later.
        #expect(throws: AccountIndexError.empty) { try DefaultAccountIndex(data: Data(#"{"accounts": {}}"#.utf8)) }
    }

    @Test func indexLoadsFromAFile() async throws {
        let path = RepositoryPaths.fixture("index/two_accounts.json").path
        let index = try await AccountIndexLoader.load(from: .file(path)) { _, _, _ in
            Issue.record("S3 must not be used for a file source")
            return Data()
        }
        #expect(index.allAccounts == ["000000000001", "000000000020"])
        #expect(index.orgRoots == ["000000000020"])
        #expect(index.document.accounts["000000000020"]?.joinedMethod == "INVITED")
        #expect(index.organizationalUnits == ["ou-1234-5678910": "SomeOU", "r-123456": "ROOT"])
    }

    @Test func unreadableOrMalformedFilesAreReported() async {
        do {
            _ = try await AccountIndexLoader.load(from: .file("/nonexistent/index.json")) { _, _, _ in Data() }
            Issue.record("expected a failure")
        } catch {
            #expect(error == .unavailable("/nonexistent/index.json: no such file"))
        }
        do {
            _ = try await AccountIndexLoader.load(from: .file(RepositoryPaths.fixture("index/not_json.json").path)) { _, _, _ in Data() }
            Issue.record("expected a failure")
        } catch {
            guard case .malformed = error else { Issue.record("\(error)"); return }
        }
    }

    @Test func documentRoundTripsThroughJSON() throws {
        let document = SyntheticIndex.document()
        let data = try JSONEncoder().encode(document)
        #expect(try AccountIndexDocument.decode(data) == document)
        #expect(try DefaultAccountIndex(data: data).allAccounts == Self.index.allAccounts)
    }

    // MARK: 29 maps

    @Test func case29_everyAccountIsIndexedByIdAndName() {
        #expect(Self.index.allAccounts.count == 20)
        #expect(Self.index.allAccounts == Self.ids(1...20))
        for number in 1...20 {
            #expect(Self.index.accounts(byNames: ["account \(number)"]) == [SyntheticIndex.id(number)])
            #expect(Self.index.name(of: SyntheticIndex.id(number)) == "Account \(number)")
        }
        #expect(Self.index.accounts(byNames: ["account 20"]) == ["000000000020"])
    }

    @Test func case29_everyRegionHoldsEveryAccount() {
        let regions = Self.index.accountsForAllRegions()
        #expect(Set(regions.keys) == Set(Regions.synthetic33))
        #expect(regions.values.allSatisfy { $0.count == 20 })
    }

    @Test func case29_rootAndOrganizationalUnitMembership() {
        #expect(Self.index.accounts(byOrgUnit: "r-123456").count == 20)
        #expect(Self.index.accounts(byOrgUnit: "root").count == 20)
        #expect(Self.index.accounts(byOrgUnit: "ou-1234-5678910").count == 19)
        #expect(Self.index.accounts(byOrgUnit: "someou").count == 19)
        #expect(Self.index.accounts(byOrgUnit: "SomeNestedOU") == Self.ids([10, 11]))
        #expect(Self.index.accounts(byOrgUnit: "ou-1234-5678912") == Self.ids([10]))
    }

    @Test func case29_everyTagValueHoldsEveryAccount() {
        for number in 1...3 {
            #expect(Self.index.accounts(byTag: "Key\(number)", value: "Value\(number)").count == 20)
        }
        #expect(Self.index.tags(of: "000000000005") == ["Key1": "Value1", "Key2": "Value2", "Key3": "Value3"])
    }

    @Test func organizationalPathReadsFromTheRootDown() {
        #expect(Self.index.organizationalPath(of: "000000000010") == ["ROOT", "SomeOU", "SomeNestedOU", "SomeNestedNestedOU"])
        #expect(Self.index.organizationalPath(of: "000000000020") == ["ROOT"])
        #expect(Self.index.organizationalPath(of: "999999999999").isEmpty)
        // The fan-out plan carries it (with the tags) for the console's targets table.
        let resolver = AccountResolver(index: Self.index)
        let plan = FanOutPlan.make(strategy: .account,
                                   payload: AccountResolverTests.accountPayload("IncludeAccounts: {AllAccounts: true}"),
                                   resolver: resolver)
        let target = plan.targets.first { $0.accountId == "000000000011" }
        #expect(target?.orgPath == "ROOT/SomeOU/SomeNestedOU")
        #expect(target?.tags["Key2"] == "Value2")
    }

    // MARK: 30 lookups

    @Test func case30_idLookupKeepsOnlyKnownIds() {
        #expect(Self.index.accounts(byIds: Self.ids([19, 20, 23])) == Self.ids([19, 20]))
    }

    @Test func case30_nameLookupIgnoresCaseAndDropsUnknownNames() {
        #expect(Self.index.accounts(byNames: ["Account 1", "Account 2", "AcCoUNt 3", "not an account"]) == Self.ids([1, 2, 3]))
    }

    @Test func case30_tagLookupIgnoresCase() {
        // Q5: matching ignores case, as the original code does.
        #expect(Self.index.accounts(byTag: "kEy1", value: "VaLuE1") == Self.ids(1...20))
        #expect(Self.index.accounts(byTag: "fake", value: "tag").isEmpty)
        #expect(Self.index.accounts(byTag: "Key1", value: "Value2").isEmpty)
    }

    @Test func case30_organizationalUnitLookupByNameOrIdIgnoresCase() {
        let byName = Self.index.accounts(byOrgUnit: "sOMeOu")
        let byId = Self.index.accounts(byOrgUnit: "oU-1234-5678910")
        #expect(byName == Self.ids(1...19))
        #expect(byId == byName)
        #expect(!byName.contains("000000000020"))
        #expect(Self.index.accounts(byOrgUnit: "ou-nope").isEmpty)
    }

    @Test func case30_regionLookupHasAnEntryForEveryRequestedRegion() {
        let result = Self.index.accounts(byRegions: ["us-east-1", "us-east-2", "fake-region"])
        #expect(result.count == 3)
        #expect(result["us-east-1"] == Self.ids(1...20))
        #expect(result["us-east-2"] == Self.ids(1...20))
        #expect(result["fake-region"] == [])
        #expect(Self.index.accountsForAllRegions().count > 10)
    }

    @Test func case30_orgRootIsTheManagementAccountFromTheArn() {
        #expect(Self.index.orgRoots == ["000000000020"])
    }

    @Test func case30_unknownAccountHasNoNameAndNoTags() {
        #expect(Self.index.name(of: "999999999999") == nil)
        #expect(Self.index.tags(of: "999999999999") == [:])
    }

    @Test func resultsAreIndependentCopies() {
        // Q12: changing a result does not change the index.
        var result = Self.index.accounts(byOrgUnit: "SomeOU")
        result.removeAll()
        #expect(Self.index.accounts(byOrgUnit: "SomeOU").count == 19)
    }

    // MARK: Q3 shared OU names

    @Test func ouNamesSharedByTwoOUsMapToTheUnionAndIdsStaySeparate() throws {
        let root = ParentRecord(id: "r-abcd", name: "ROOT", type: "ROOT")
        let devA = ParentRecord(id: "ou-aaaa", name: "Dev", type: "ORGANIZATIONAL_UNIT")
        let devB = ParentRecord(id: "ou-bbbb", name: "Dev", type: "ORGANIZATIONAL_UNIT")
        func account(_ id: String, _ parent: ParentRecord) -> AccountRecord {
            AccountRecord(id: id, arn: "arn:aws:organizations::999999999999:account/o-x/\(id)", email: nil, name: id, status: "ACTIVE",
                          joinedMethod: nil, joinedTimestamp: nil, tags: [:], parents: [parent, root], regions: ["us-east-1"])
        }
        let document = AccountIndexDocument(accounts: [
            "A": account("A", devA), "B": account("B", devB), "C": account("C", devA),
        ], generated: nil)
        let index = try DefaultAccountIndex(document: document)
        #expect(index.accounts(byOrgUnit: "ou-aaaa") == ["A", "C"])
        #expect(index.accounts(byOrgUnit: "ou-bbbb") == ["B"])
        #expect(index.accounts(byOrgUnit: "dev") == ["A", "B", "C"])
        #expect(index.accounts(byOrgUnit: "DEV") == ["A", "B", "C"])
        #expect(index.orgRoots == ["999999999999"])
    }

    @Test func orgRootIsReadFromAnyPartition() throws {
        let record = AccountRecord(id: "111111111111", arn: "arn:aws-us-gov:organizations::222222222222:account/o-x/111111111111",
                                   email: nil, name: "Gov", status: nil, joinedMethod: nil, joinedTimestamp: nil, tags: [:],
                                   parents: [], regions: [])
        let index = try DefaultAccountIndex(document: AccountIndexDocument(accounts: ["111111111111": record], generated: nil))
        #expect(index.orgRoots == ["222222222222"])
    }
}
