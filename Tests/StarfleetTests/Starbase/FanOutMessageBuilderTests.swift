@testable import Starfleet
import StarfleetSchema
import StarfleetTestSupport
import Testing

/// Bodies exactly as the original's workers read them (SPEC §7.4).
@Suite struct FanOutMessageBuilderTests {
    static let template = yaml("""
        TemplateName: Role
        TemplateDescription: "Caf\u{e9} role"
        IncludeAccounts:
          AllAccounts: true
        IncludeRegions: [ALL]
        Count: 3
        Ratio: 1.5
        Flag: yes
        Nothing: ~
        """)

    @Test func singleInvocationIsTheTemplateUntouchedInPythonJSONStyle() {
        let builder = FanOutMessageBuilder(template: Self.template)
        #expect(builder.singleInvocation() == #"{"TemplateName": "Role", "TemplateDescription": "Caf\u00e9 role", "IncludeAccounts": {"AllAccounts": true}, "IncludeRegions": ["ALL"], "Count": 3, "Ratio": 1.5, "Flag": true, "Nothing": null}"#)
    }

    @Test func assignmentsAreAppendedAtTheEnd() {
        let body = FanOutMessageBuilder(template: yaml("TemplateName: A\nTemplateDescription: B\n"))
            .body(account: "000000000001", region: "eu-west-1")
        #expect(body == #"{"TemplateName": "A", "TemplateDescription": "B", "StarbaseAssignedAccount": "000000000001", "StarbaseAssignedRegion": "eu-west-1"}"#)
    }

    @Test func existingAssignmentsAreOverwrittenInPlace() {
        let builder = FanOutMessageBuilder(template: yaml("StarbaseAssignedAccount: '999'\nTemplateName: A\n"))
        #expect(builder.body(account: "000000000001") == #"{"StarbaseAssignedAccount": "000000000001", "TemplateName": "A"}"#)
        #expect(builder.body(account: "1", region: "us-east-1")
                == #"{"StarbaseAssignedAccount": "1", "TemplateName": "A", "StarbaseAssignedRegion": "us-east-1"}"#)
    }

    @Test func messagesFollowThePlanWithTheOriginalsIds() {
        let builder = FanOutMessageBuilder(template: yaml("TemplateName: A\n"))
        let plan = FanOutPlan(strategy: .accountRegion, targets: [
            .init(accountId: "000000000001", accountName: "one", regions: ["eu-west-1", "us-east-1"]),
            .init(accountId: "000000000002", accountName: nil, regions: ["us-east-1"]),
        ])
        let messages = builder.messages(for: plan)
        #expect(messages.map(\.id) == ["000000000001eu-west-1", "000000000001us-east-1", "000000000002us-east-1"])
        #expect(messages.last?.body == #"{"TemplateName": "A", "StarbaseAssignedAccount": "000000000002", "StarbaseAssignedRegion": "us-east-1"}"#)
        let accounts = builder.messages(for: FanOutPlan(strategy: .account, targets: [.init(accountId: "000000000003", accountName: nil, regions: [])]))
        #expect(accounts == [OutgoingMessage(id: "000000000003", body: #"{"TemplateName": "A", "StarbaseAssignedAccount": "000000000003"}"#)])
    }
}
