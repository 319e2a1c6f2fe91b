import Starfleet
import StarfleetSchema
import StarfleetTestSupport
import Testing

/// SPEC §8 cases 7–15: schemas and templates.
@Suite struct TemplateAcceptanceTests {
    static let workerConfig = """
    Enabled: true
    TemplatePrefix: TestingStarfleetWorkerPlugin/
    InvocationQueueUrl: https://sqs.amazonaws.com/WorkerQueue1
    InvocationSources:
      - S3
      - EVENTBRIDGE_TIMED_EVENT
    EventBridgeTimedFrequency: HOURLY
    AlertConfiguration:
      ChannelId: pewpewpew
      AlertPriority: PROBLEM
    """

    static let header = "TemplateName: TestWorkerTemplate\nTemplateDescription: A test template\n"
    static let regionTemplate = PayloadTemplates.baseAccountRegion(regions: .builtIn)

    // MARK: 7–9 worker configuration

    @Test func case07_goodWorkerConfigLoadsAndDumpsBackToTheInput() {
        let schema = WorkerShipConfigurationTemplate.base
        let input = yaml(Self.workerConfig)
        let data = loaded(schema, input)
        expectPayload(.map(schema.dump(data)), JSONWriter().string(PayloadValue(raw: input)))
        #expect(schema.dump(data) == PayloadValue(raw: input).map)
    }

    @Test func case07_missingTemplatePrefixIsRequired() {
        let text = Self.workerConfig.replacingOccurrences(of: "TemplatePrefix: TestingStarfleetWorkerPlugin/\n", with: "")
        expectErrors(WorkerShipConfigurationTemplate.base.validate(yaml(text)), #"{"TemplatePrefix": ["Missing data for required field."]}"#)
    }

    @Test func case08_eventBridgeWithoutFrequencyFailsToLoad() {
        let text = Self.workerConfig.replacingOccurrences(of: "EventBridgeTimedFrequency: HOURLY\n", with: "")
        let errors = loadErrors(WorkerShipConfigurationTemplate.base, yaml(text))
        #expect(errors[ValidationErrors.schemaKey]?.messages == [WorkerShipConfigurationTemplate.eventBridgeFrequencyRequired])
    }

    @Test func case09_extraKeysAreKeptInConfigsAndTemplates() {
        let config = loaded(WorkerShipConfigurationTemplate.base, yaml(Self.workerConfig + "\nSomeField: SomeValue"))
        #expect(config["SomeField"] == .string("SomeValue"))
        let payload = loaded(PayloadTemplates.workerShipPayloadBase, yaml(Self.header + "SomeField: SomeValue"))
        #expect(payload["SomeField"] == .string("SomeValue"))
    }

    // MARK: 10 base payload

    @Test func case10_basePayloadRoundTrips() {
        let schema = PayloadTemplates.workerShipPayloadBase
        let input = yaml(Self.header)
        let data = loaded(schema, input)
        #expect(data == ["template_name": .string("TestWorkerTemplate"), "template_description": .string("A test template")])
        #expect(schema.dump(data) == PayloadValue(raw: input).map)
    }

    @Test func case10_missingTemplateNameIsRequired() {
        expectErrors(PayloadTemplates.workerShipPayloadBase.validate(yaml("TemplateDescription: d")),
                     #"{"TemplateName": ["Missing data for required field."]}"#)
        expectErrors(PayloadTemplates.workerShipPayloadBase.validate(yaml("{}")),
                     #"{"TemplateName": ["Missing data for required field."], "TemplateDescription": ["Missing data for required field."]}"#)
    }

    // MARK: 11–12 tags and account specifications

    @Test func case11_emptyTagNameIsTooShortButAnEmptyValueIsFine() {
        expectErrors(PayloadTemplates.accountTag.validate(yaml(#"{Name: "", Value: ""}"#)), #"{"Name": ["Length must be between 1 and 128."]}"#)
    }

    @Test func case12_accountNameLengths() {
        let text = #"ByNames: ["Account One", "", "\#(String(repeating: "bad", count: 100))"]"#
        expectErrors(PayloadTemplates.accountsSpecification.validate(yaml(text)),
                     #"{"ByNames": {"1": ["Length must be between 1 and 128."], "2": ["Length must be between 1 and 128."]}}"#)
    }

    @Test func case12_accountIdLengths() {
        let text = #"ByIds: ["", "000000000001", "\#(String(repeating: "0", count: 13))"]"#
        expectErrors(PayloadTemplates.accountsSpecification.validate(yaml(text)),
                     #"{"ByIds": {"0": ["Length must be between 1 and 12."], "2": ["Length must be between 1 and 12."]}}"#)
    }

    @Test func case12_organizationalUnitRules() {
        let text = #"ByOrgUnits: ["ProperOU", "", "ou-\#(String(repeating: "a", count: 68))", "\#(String(repeating: "a", count: 200))"]"#
        expectErrors(PayloadTemplates.accountsSpecification.validate(yaml(text)), """
        {"ByOrgUnits": {"1": ["Length must be greater than 0."], "2": ["Length must be less than 68 for OU IDs."],
                        "3": ["Length must be less than 128 for OU Names."]}}
        """)
    }

    @Test func organizationalUnitBoundariesOf68And128AreAccepted() {
        // Q19: the messages say "less than" but the limits themselves pass.
        let id68 = "ou-" + String(repeating: "a", count: 65)
        let name128 = String(repeating: "n", count: 128)
        #expect(PayloadTemplates.accountsSpecification.validate(yaml("ByOrgUnits: [\(id68), \(name128)]")).isEmpty)
        let id69 = "ou-" + String(repeating: "a", count: 66)
        let name129 = String(repeating: "n", count: 129)
        expectErrors(PayloadTemplates.accountsSpecification.validate(yaml("ByOrgUnits: [\(id69), \(name129)]")), """
        {"ByOrgUnits": {"0": ["Length must be less than 68 for OU IDs."], "1": ["Length must be less than 128 for OU Names."]}}
        """)
    }

    // MARK: 13–14 IncludeAccounts

    static let exclusive = "Can't specify other parameters when `AllAccounts` is set to `True`."
    static let missingSet = "Missing an account field set. Either set `AllAccounts: True`, or specify an account `ByNames`, `ByIds`, `ByTags`, and/or `ByOrgUnits`."

    @Test func case13_allAccountsIsExclusive() {
        expectErrors(PayloadTemplates.includeAccountsSpecification.validate(yaml(#"{AllAccounts: true, ByNames: ["WRONG"]}"#)),
                     #"{"ByNames": ["\#(Self.exclusive)"]}"#)
    }

    @Test func case13_exclusivityErrorNestsUnderIncludeAccountsInATemplate() {
        let text = Self.header + "IncludeAccounts:\n  AllAccounts: true\n  ByOrgUnits: [SomeOU]\n"
        expectErrors(PayloadTemplates.baseAccount.validate(yaml(text)), #"{"IncludeAccounts": {"ByOrgUnits": ["\#(Self.exclusive)"]}}"#)
    }

    @Test func case13_allAccountsFalseWithOtherKeysIsFine() {
        #expect(PayloadTemplates.includeAccountsSpecification.validate(yaml("{AllAccounts: false, ByNames: [a]}")).isEmpty)
    }

    @Test func case14_emptyIncludeAccountsNamesAllFiveKeys() {
        let message = #"["\#(Self.missingSet)"]"#
        let expected = #"{"AllAccounts": \#(message), "ByNames": \#(message), "ByIds": \#(message), "ByOrgUnits": \#(message), "ByTags": \#(message)}"#
        expectErrors(PayloadTemplates.includeAccountsSpecification.validate(yaml("{}")), expected)
        expectErrors(PayloadTemplates.includeAccountsSpecification.validate(yaml("{AllAccounts: false, ByNames: []}")), expected)
    }

    @Test func case14_missingIncludeAccountsIsRequired() {
        expectErrors(PayloadTemplates.baseAccount.validate(yaml(Self.header)), #"{"IncludeAccounts": ["Missing data for required field."]}"#)
    }

    // MARK: 15 region template

    static func regions(_ include: String, exclude: String? = nil) -> YAMLNode {
        yaml(Self.header + "IncludeAccounts: {AllAccounts: true}\nIncludeRegions: \(include)\n" + (exclude.map { "ExcludeRegions: \($0)\n" } ?? ""))
    }

    @Test func case15_allExpandsToTheWholeRegionSet() {
        let data = loaded(Self.regionTemplate, Self.regions("[ALL]"))
        let set = data["include_regions"]?.stringSet ?? []
        #expect(data["include_regions"] == .stringSet(Regions.all))
        #expect(set.count == 34)
        #expect(!set.contains("ALL"))
        #expect(set == Set(RegionCatalog.builtInNames))
    }

    @Test func case15_regionListsBecomeSets() {
        let data = loaded(Self.regionTemplate, Self.regions("[us-east-1, us-east-2]", exclude: "[us-west-1, us-west-1]"))
        #expect(data["include_regions"] == .stringSet(["us-east-1", "us-east-2"]))
        #expect(data["exclude_regions"] == .stringSet(["us-west-1"]))
    }

    @Test func case15_allWithOtherRegionsIsAnError() {
        expectErrors(Self.regionTemplate.validate(Self.regions("[us-west-1, ALL, us-east-1]")),
                     #"{"IncludeRegions": ["Can't specify any other regions when `ALL` is specified in the list."]}"#)
    }

    @Test func case15_includeRegionsIsRequiredAndNonEmpty() {
        expectErrors(Self.regionTemplate.validate(yaml(Self.header + "IncludeAccounts: {AllAccounts: true}")),
                     #"{"IncludeRegions": ["Missing data for required field."]}"#)
        expectErrors(Self.regionTemplate.validate(Self.regions("[]")), #"{"IncludeRegions": ["Shorter than minimum length 1."]}"#)
    }

    @Test func case15_fakeRegionsAreNamedInBothMessages() {
        let errors = Self.regionTemplate.validate(Self.regions("[us-east-1, fake-region, another-fake]", exclude: "[ALL, us-west-1, fake-exclude]"))
        expectErrors(errors, """
        {"IncludeRegions": ["Invalid regions are specified: another-fake, fake-region. Regions must be from this list: \(Regions.allText)"],
         "ExcludeRegions": ["Invalid regions are specified: ALL, fake-exclude. Regions must be from this list: \(Regions.allText)"]}
        """)
    }

    /// The original reports a set difference: each unknown region once, sorted.
    @Test func anUnknownRegionGivenTwiceIsNamedOnce() {
        let errors = Self.regionTemplate.validate(Self.regions("[nope-1, us-east-1, nope-1, aa-fake-9]", exclude: "[nope-1, nope-1]"))
        expectErrors(errors, """
        {"IncludeRegions": ["Invalid regions are specified: aa-fake-9, nope-1. Regions must be from this list: \(Regions.allText)"],
         "ExcludeRegions": ["Invalid regions are specified: nope-1. Regions must be from this list: \(Regions.allText)"]}
        """)
    }

    @Test func regionRuleWaitsForFieldErrors() {
        expectErrors(Self.regionTemplate.validate(yaml(Self.header + "IncludeAccounts: {AllAccounts: true}\nIncludeRegions: [fake, 5]")),
                     #"{"IncludeRegions": {"1": ["Not a valid string."]}}"#)
    }

    @Test func regionTemplateUsesTheCatalogItIsGiven() {
        let catalog = RegionCatalog(names: ["us-east-1", "eu-west-1"], source: "test")
        let schema = PayloadTemplates.baseAccountRegion(regions: catalog)
        let data = loaded(schema, Self.regions("[ALL]"))
        #expect(data["include_regions"] == .stringSet(["us-east-1", "eu-west-1"]))
        expectErrors(schema.validate(Self.regions("[us-east-2]")),
                     #"{"IncludeRegions": ["Invalid regions are specified: us-east-2. Regions must be from this list: eu-west-1, us-east-1"]}"#)
    }

    @Test func templateLineageNamesTheBases() {
        #expect(Self.regionTemplate.lineage == ["BaseAccountRegionPayloadTemplate", "BaseAccountPayloadTemplate", "WorkerShipPayloadBaseTemplate"])
        #expect(PayloadTemplates.byName.keys.sorted() == ["BaseAccountPayloadTemplate", "BaseAccountRegionPayloadTemplate", "WorkerShipPayloadBaseTemplate"])
    }
}
