import Starfleet
import StarfleetSchema
import StarfleetTestSupport
import Testing

/// SPEC §8 cases 31–35: resolving loaded account and account-region templates against the synthetic index.
@Suite struct AccountResolverTests {
    static let resolver = AccountResolver(index: SyntheticIndex.index)
    static func ids(_ numbers: some Sequence<Int>) -> Set<String> { SyntheticIndex.ids(numbers) }

    /// Regions every synthetic account has and `ALL` names: the built-in catalog ∩ the 33 enabled regions.
    static let allEnabled: Set<String> = Regions.all.intersection(Regions.synthetic33)

    static let header = "TemplateName: TestWorkerTemplate\nTemplateDescription: A test template\n"

    static func accountPayload(_ body: String, sourceLocation: SourceLocation = #_sourceLocation) -> Payload {
        Payload(loaded(PayloadTemplates.baseAccount, yaml(header + body), sourceLocation: sourceLocation))
    }

    static func regionPayload(_ body: String, sourceLocation: SourceLocation = #_sourceLocation) -> Payload {
        Payload(loaded(PayloadTemplates.baseAccountRegion(regions: .builtIn), yaml(header + body), sourceLocation: sourceLocation))
    }

    static let idsAndNames = """
    IncludeAccounts:
      ByIds: ['000000000018', '000000000017']
      ByNames: [Account 1, Account 2, Account 18]

    """

    // MARK: 31 include

    @Test func case31_idsAndNamesAreUnited() {
        #expect(Self.resolver.includedAccounts(Self.accountPayload(Self.idsAndNames)) == Self.ids([1, 2, 17, 18]))
    }

    @Test(arguments: [
        "ByTags: [{Name: Key1, Value: Value1}]",
        "ByTags: [{Name: Key2, Value: Value2}, {Name: Key3, Value: Value3}]",
        "ByTags: [{Name: Key1, Value: Value1}, {Name: fake, Value: tag}]",
        "ByOrgUnits: [ROOT]",
        "ByOrgUnits: [r-123456]",
        "AllAccounts: true",
    ])
    func case31_selectionsThatCoverEveryAccount(selection: String) {
        #expect(Self.resolver.includedAccounts(Self.accountPayload("IncludeAccounts: {\(selection)}")) == Self.ids(1...20))
    }

    @Test(arguments: ["SomeOU", "ou-1234-5678910", "someou"])
    func case31_someOUCoversAllButTheManagementAccount(unit: String) {
        #expect(Self.resolver.includedAccounts(Self.accountPayload("IncludeAccounts: {ByOrgUnits: [\(unit)]}")) == Self.ids(1...19))
    }

    @Test func tagPairsMatchAsPairs() {
        let payload = Self.accountPayload("IncludeAccounts: {ByTags: [{Name: Key1, Value: Value2}]}")
        #expect(Self.resolver.includedAccounts(payload).isEmpty)
    }

    // MARK: 32 include − exclude

    @Test func case32_exclusionWins() {
        let payload = Self.accountPayload(Self.idsAndNames + "ExcludeAccounts: {ByNames: [Account 1, Account 18]}")
        #expect(Self.resolver.includedMinusExcluded(payload) == Self.ids([2, 17]))
    }

    @Test func case32_allAccountsMinusSomeOULeavesTheManagementAccount() {
        let payload = Self.accountPayload("IncludeAccounts: {AllAccounts: true}\nExcludeAccounts: {ByOrgUnits: [SomeOU]}")
        #expect(Self.resolver.includedMinusExcluded(payload) == Self.ids([20]))
    }

    @Test func emptyExcludeRemovesNothing() {
        let payload = Self.accountPayload("IncludeAccounts: {AllAccounts: true}\nExcludeAccounts: {}")
        #expect(Self.resolver.includedMinusExcluded(payload) == Self.ids(1...20))
    }

    // MARK: 33 org root

    static let namesWithRoot = """
    IncludeAccounts:
      ByNames: [Account 1, Account 2, Account 18, Account 20]
      ByIds: ['000000000017']
    ExcludeAccounts:
      ByNames: [Account 1, Account 18]

    """

    @Test func case33_orgRootIsTaskedOnlyWithTheFlag() {
        #expect(Self.resolver.accounts(for: Self.accountPayload(Self.namesWithRoot + "OperateInOrgRoot: true")) == Self.ids([2, 17, 20]))
        #expect(Self.resolver.accounts(for: Self.accountPayload(Self.namesWithRoot)) == Self.ids([2, 17]))
        #expect(Self.resolver.accounts(for: Self.accountPayload(Self.namesWithRoot + "OperateInOrgRoot: false")) == Self.ids([2, 17]))
    }

    @Test func case33_allAccountsWithAndWithoutTheFlag() {
        #expect(Self.resolver.accounts(for: Self.accountPayload("IncludeAccounts: {AllAccounts: true}")).count == 19)
        #expect(Self.resolver.accounts(for: Self.accountPayload("IncludeAccounts: {AllAccounts: true}")) == Self.ids(1...19))
        #expect(Self.resolver.accounts(for: Self.accountPayload("IncludeAccounts: {AllAccounts: true}\nOperateInOrgRoot: true")) == Self.ids(1...20))
    }

    // MARK: 34 disabled regions

    @Test func case34_accountsOnlyGetTheRegionsTheyHaveEnabled() throws {
        let index = try DefaultAccountIndex(document: SyntheticIndex.document(withoutRegion: "ap-east-1", for: [1, 2]))
        let resolver = AccountResolver(index: index)
        let payload = Self.regionPayload("IncludeAccounts: {ByNames: [Account 1, Account 2, Account 3, Account 4]}\nIncludeRegions: [ALL]")
        let result = resolver.accountRegions(for: payload)
        #expect(Set(result.keys) == Self.ids(1...4))
        var withoutApEast = Self.allEnabled
        withoutApEast.remove("ap-east-1")
        #expect(result[SyntheticIndex.id(1)] == withoutApEast)
        #expect(result[SyntheticIndex.id(2)] == withoutApEast)
        #expect(result[SyntheticIndex.id(3)] == Self.allEnabled)
        #expect(result[SyntheticIndex.id(4)] == Self.allEnabled)
        #expect(Self.allEnabled.count == 29)
    }

    @Test func accountWithoutAnyTargetedRegionMapsToAnEmptySet() throws {
        let index = try DefaultAccountIndex(document: SyntheticIndex.document(withoutRegion: "us-east-1", for: [1]))
        let payload = Self.regionPayload("IncludeAccounts: {ByNames: [Account 1, Account 2]}\nIncludeRegions: [us-east-1]")
        let result = AccountResolver(index: index).accountRegions(for: payload)
        #expect(result == [SyntheticIndex.id(1): [], SyntheticIndex.id(2): ["us-east-1"]])
    }

    // MARK: 35 account/regions

    static let regionNames = """
    IncludeAccounts:
      ByNames: [Account 1, Account 2, Account 18, Account 20]
    ExcludeAccounts:
      ByNames: [Account 1]
    IncludeRegions: [ALL]

    """

    @Test func case35_orgRootWithTheFlagGetsEveryRegion() {
        let result = Self.resolver.accountRegions(for: Self.regionPayload(Self.regionNames + "OperateInOrgRoot: true"))
        #expect(result == [SyntheticIndex.id(2): Self.allEnabled, SyntheticIndex.id(18): Self.allEnabled, SyntheticIndex.id(20): Self.allEnabled])
    }

    @Test func case35_orgRootCheckOffGivesTheSameResultWithoutTheFlag() {
        let payload = Self.regionPayload(Self.regionNames)
        let result = Self.resolver.accountRegions(for: payload, orgRootCheck: false)
        #expect(result == [SyntheticIndex.id(2): Self.allEnabled, SyntheticIndex.id(18): Self.allEnabled, SyntheticIndex.id(20): Self.allEnabled])
        #expect(Set(Self.resolver.accountRegions(for: payload).keys) == Self.ids([2, 18]))
    }

    @Test func case35_excludedRegionsAreRemoved() {
        let payload = Self.regionPayload("""
        IncludeAccounts: {ByNames: [Account 1, Account 2]}
        IncludeRegions: [us-east-1, us-east-2, us-west-1]
        ExcludeRegions: [us-west-1]
        """)
        let result = Self.resolver.accountRegions(for: payload)
        #expect(result == [SyntheticIndex.id(1): ["us-east-1", "us-east-2"], SyntheticIndex.id(2): ["us-east-1", "us-east-2"]])
    }

    @Test func case35_scopeToRegionsLimitsEveryAccount() {
        let resolver = AccountResolver(index: SyntheticIndex.index, scopeToRegions: ["us-east-2", "eu-west-1"])
        let payload = Self.regionPayload("IncludeAccounts: {ByNames: [Account 1, Account 2]}\nIncludeRegions: [ALL]")
        let result = resolver.accountRegions(for: payload)
        #expect(result == [SyntheticIndex.id(1): ["us-east-2", "eu-west-1"], SyntheticIndex.id(2): ["us-east-2", "eu-west-1"]])
    }

    @Test func scopeToRegionsFromTheConfigurationIsTyped() {
        let config = configuration(minimalStarfleet.replacingOccurrences(of: "  FanOutQueueUrl", with: "  ScopeToRegions: [us-east-2, eu-west-1]\n  FanOutQueueUrl"))
        #expect(config.scopeToRegions == ["us-east-2", "eu-west-1"])
        let resolver = AccountResolver(index: SyntheticIndex.index, scopeToRegions: config.scopeToRegions)
        #expect(resolver.scopeToRegions == ["us-east-2", "eu-west-1"])
    }

    @Test func includeEqualToExcludeLeavesNoRegions() {
        let payload = Self.regionPayload("""
        IncludeAccounts: {ByNames: [Account 1]}
        IncludeRegions: [us-east-1]
        ExcludeRegions: [us-east-1]
        """)
        #expect(Self.resolver.accountRegions(for: payload) == [SyntheticIndex.id(1): []])
    }

    // MARK: region targets

    @Test func regionTargetsAreSortedByAccountWithSortedRegions() throws {
        let index = try DefaultAccountIndex(document: SyntheticIndex.document(withoutRegion: "us-east-2", for: [12]))
        let payload = Self.regionPayload("""
        IncludeAccounts: {ByNames: [Account 12, Account 3, Account 11]}
        IncludeRegions: [us-west-2, us-east-2, eu-west-1]
        """)
        let targets = AccountResolver(index: index).regionTargets(for: payload)
        #expect(targets == [
            AccountRegionTarget(account: SyntheticIndex.id(3), regions: ["eu-west-1", "us-east-2", "us-west-2"]),
            AccountRegionTarget(account: SyntheticIndex.id(11), regions: ["eu-west-1", "us-east-2", "us-west-2"]),
            AccountRegionTarget(account: SyntheticIndex.id(12), regions: ["eu-west-1", "us-west-2"]),
        ])
    }

    /// An index that answers only the required questions, so `enabledRegions` comes from the
    /// protocol's default built on `accounts(byRegions:)`.
    struct MinimalIndex: AccountIndex {
        let base: DefaultAccountIndex
        var allAccounts: Set<String> { base.allAccounts }
        var orgRoots: Set<String> { base.orgRoots }
        func accounts(byIds ids: Set<String>) -> Set<String> { base.accounts(byIds: ids) }
        func accounts(byNames names: Set<String>) -> Set<String> { base.accounts(byNames: names) }
        func accounts(byTag name: String, value: String) -> Set<String> { base.accounts(byTag: name, value: value) }
        func accounts(byOrgUnit unit: String) -> Set<String> { base.accounts(byOrgUnit: unit) }
        func accounts(byRegions regions: Set<String>) -> [String: Set<String>] { base.accounts(byRegions: regions) }
        func accountsForAllRegions() -> [String: Set<String>] { base.accountsForAllRegions() }
        func name(of account: String) -> String? { base.name(of: account) }
        func tags(of account: String) -> [String: String] { base.tags(of: account) }
    }

    @Test func protocolDefaultForEnabledRegionsAgreesWithTheIndexTable() throws {
        let index = try DefaultAccountIndex(document: SyntheticIndex.document(withoutRegion: "ap-east-1", for: [1, 5, 20]))
        let accounts = (1...20).map(SyntheticIndex.id) + ["999999999999"]
        for regions: Set<String> in [[], ["ap-east-1"], ["ap-east-1", "us-east-1", "no-such-region"], Set(Regions.synthetic33)] {
            let fromTable = index.enabledRegions(of: accounts, among: regions)
            #expect(fromTable == MinimalIndex(base: index).enabledRegions(of: accounts, among: regions))
            #expect(fromTable.last == [])
            #expect(fromTable.allSatisfy { $0 == $0.sorted() && Set($0).isSubset(of: regions) })
        }
        #expect(index.enabledRegions(of: [SyntheticIndex.id(1)], among: ["ap-east-1", "us-east-1"]) == [["us-east-1"]])
    }
}
