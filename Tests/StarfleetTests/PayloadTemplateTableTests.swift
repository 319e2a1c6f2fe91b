import Starfleet
import StarfleetSchema
import StarfleetTestSupport
import Testing

/// SPEC §2.5 rows 27–39: account specifications and the account / account-region payload templates.
@Suite struct PayloadTemplateTableTests {
    static let tag = PayloadTemplates.accountTag
    static let accountSpec = PayloadTemplates.accountsSpecification
    static let includeSpec = PayloadTemplates.includeAccountsSpecification
    static let accountPayload = PayloadTemplates.baseAccount
    static let regionPayload = PayloadTemplates.baseAccountRegion(regions: .builtIn)

    static let header = "TemplateName: TestWorkerTemplate\nTemplateDescription: A test template\n"

    @Test func row27_tagNeedsANameAndRejectsUnknownKeys() {
        expectErrors(Self.tag.validate(yaml(#"{"lol": "no", "Value": "No"}"#)),
                     #"{"Name": ["Missing data for required field."], "lol": ["Unknown field."]}"#)
    }

    @Test func row28_tagLengths() {
        let text = #"{"Name": "\#(String(repeating: "a", count: 129))", "Value": "\#(String(repeating: "b", count: 257))"}"#
        expectErrors(Self.tag.validate(yaml(text)),
                     #"{"Name": ["Length must be between 1 and 128."], "Value": ["Longer than maximum length 256."]}"#)
        let edge = #"{"Name": "\#(String(repeating: "a", count: 128))", "Value": "\#(String(repeating: "b", count: 256))"}"#
        #expect(Self.tag.validate(yaml(edge)).isEmpty)
    }

    @Test func row29_unquotedAccountIdIsNotAString() {
        expectErrors(Self.accountSpec.validate(yaml("ByIds: [123456789012]")), #"{"ByIds": {"0": ["Not a valid string."]}}"#)
        #expect(Self.accountSpec.validate(yaml("ByIds: ['123456789012']")).isEmpty)
    }

    @Test func row30_tagErrorsNestUnderTheirIndex() {
        expectErrors(Self.accountSpec.validate(yaml(#"ByTags: [{Name: ok, Value: ok}, {Value: 1}, "notadict"]"#)), """
        {"ByTags": {"1": {"Name": ["Missing data for required field."], "Value": ["Not a valid string."]},
                    "2": {"_schema": ["Invalid input type."]}}}
        """)
    }

    @Test func row31_excludeSpecificationHasNoAllAccounts() {
        expectErrors(Self.accountSpec.validate(yaml(#"{"AllAccounts": true}"#)), #"{"AllAccounts": ["Unknown field."]}"#)
    }

    @Test func row32_unknownKeySkipsTheExclusivityCheck() {
        expectErrors(Self.includeSpec.validate(yaml(#"{"AllAccounts": true, "Foo": "bar"}"#)), #"{"Foo": ["Unknown field."]}"#)
    }

    @Test func row33_emptyListsDoNotCountAsSetWithAllAccounts() {
        let data = loaded(Self.includeSpec, yaml(#"{"AllAccounts": true, "ByNames": []}"#))
        #expect(data["all_accounts"] == .bool(true))
        #expect(data["by_names"] == .list([]))
    }

    @Test func row34_itemErrorSkipsTheMissingSetCheck() {
        expectErrors(Self.includeSpec.validate(yaml(#"{"ByNames": [""]}"#)), #"{"ByNames": {"0": ["Length must be between 1 and 128."]}}"#)
    }

    @Test func row35_accountPayloadDefaults() {
        let data = loaded(Self.accountPayload, yaml(Self.header + "IncludeAccounts: {AllAccounts: true}"))
        expectPayload(.map(data), """
        {"template_name": "TestWorkerTemplate", "template_description": "A test template",
         "include_accounts": {"by_names": [], "by_ids": [], "by_org_units": [], "by_tags": [], "all_accounts": true},
         "exclude_accounts": {}, "operate_in_org_root": false, "starbase_assigned_account": null}
        """)
        #expect(data["exclude_accounts"] == .map([:]))          // the default, used as-is
        #expect(data["starbase_assigned_account"] == .null)
        #expect(data["operate_in_org_root"] == .bool(false))
    }

    @Test func explicitEmptyExcludeAccountsLoadsFourEmptyLists() {
        let data = loaded(Self.accountPayload, yaml(Self.header + "IncludeAccounts: {AllAccounts: true}\nExcludeAccounts: {}"))
        expectPayload(data["exclude_accounts"] ?? .null, #"{"by_names": [], "by_ids": [], "by_org_units": [], "by_tags": []}"#)
    }

    @Test func row36_snakeCaseAssignedAccountIsUnknown() {
        // Q4: the original let the snake_case key overwrite the loaded value.
        let text = Self.header + """
        IncludeAccounts: {AllAccounts: true}
        StarbaseAssignedAccount: "111111111111"
        starbase_assigned_account: "999999999999"
        """
        expectErrors(loadErrors(Self.accountPayload, yaml(text)), #"{"starbase_assigned_account": ["Unknown field."]}"#)
    }

    @Test func assignedAccountLoadsFromItsDataKey() {
        let data = loaded(Self.accountPayload, yaml(Self.header + "IncludeAccounts: {AllAccounts: true}\nStarbaseAssignedAccount: '111111111111'"))
        #expect(data["starbase_assigned_account"] == .string("111111111111"))
    }

    @Test func row37_includeRegionsBecomeASetAndEmptyExcludesStayAList() {
        let data = loaded(Self.regionPayload, yaml(Self.header + """
        IncludeAccounts: {AllAccounts: true}
        IncludeRegions: [us-east-1, us-east-2, us-east-1]
        """))
        #expect(data["include_regions"] == .stringSet(["us-east-1", "us-east-2"]))
        #expect(data["exclude_regions"] == .list([]))
        #expect(data["starbase_assigned_region"] == .null)
    }

    @Test func row38_lowercaseAllIsAnInvalidRegion() {
        let errors = Self.regionPayload.validate(yaml(Self.header + "IncludeAccounts: {AllAccounts: true}\nIncludeRegions: [all]"))
        expectErrors(errors, #"{"IncludeRegions": ["Invalid regions are specified: all. Regions must be from this list: \#(Regions.allText)"]}"#)
    }

    @Test func row39_excludeRegionsMayNotBeNull() {
        let errors = Self.regionPayload.validate(yaml(Self.header + "IncludeAccounts: {AllAccounts: true}\nIncludeRegions: [ALL]\nExcludeRegions: null"))
        expectErrors(errors, #"{"ExcludeRegions": ["Field may not be null."]}"#)
    }
}
