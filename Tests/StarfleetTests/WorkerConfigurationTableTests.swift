import Starfleet
import StarfleetSchema
import StarfleetTestSupport
import Testing

/// SPEC §2.5 rows 1–16: `WorkerShipBaseConfigurationTemplate`.
@Suite struct WorkerConfigurationTableTests {
    static let schema = WorkerShipConfigurationTemplate.base

    /// A valid worker section; each override replaces, adds or (with `nil`) removes one key.
    static func config(_ overrides: [String: String?] = [:]) -> YAMLNode {
        var lines: [(String, String)] = [
            ("Enabled", "true"),
            ("TemplatePrefix", "TestingStarfleetWorkerPlugin/"),
            ("InvocationQueueUrl", "https://sqs.amazonaws.com/WorkerQueue1"),
            ("InvocationSources", "[S3, EVENTBRIDGE_TIMED_EVENT]"),
            ("EventBridgeTimedFrequency", "HOURLY"),
        ]
        for (key, value) in overrides {
            if let index = lines.firstIndex(where: { $0.0 == key }) {
                if let value { lines[index].1 = value } else { lines.remove(at: index) }
            } else if let value {
                lines.append((key, value))
            }
        }
        return yaml(lines.map { "\($0.0): \($0.1)" }.joined(separator: "\n") + "\n")
    }

    @Test func validConfigurationHasNoErrors() {
        #expect(Self.schema.validate(Self.config()).isEmpty)
    }

    @Test func row01_missingEnabledIsRequired() {
        expectErrors(Self.schema.validate(Self.config(["Enabled": nil])), #"{"Enabled": ["Missing data for required field."]}"#)
    }

    @Test(arguments: [("\"yes\"", true), ("\"false\"", false), ("yes", true), ("off", false), ("\"1\"", true), ("0", false)])
    func row02_enabledLoadsAsATypedBoolean(text: String, expected: Bool) {
        let data = loaded(Self.schema, Self.config(["Enabled": text]))
        #expect(data["enabled"] == .bool(expected))
    }

    @Test(arguments: ["maybe", "2", "\"tRuE\"", "\"\""])
    func row03_enabledThatIsNotABooleanIsRejected(text: String) {
        expectErrors(Self.schema.validate(Self.config(["Enabled": text])), #"{"Enabled": ["Not a valid boolean."]}"#)
    }

    @Test func row03_enabledNullIsRejected() {
        expectErrors(Self.schema.validate(Self.config(["Enabled": "null"])), #"{"Enabled": ["Field may not be null."]}"#)
    }

    @Test func row04_templatePrefixMustBeAString() {
        expectErrors(Self.schema.validate(Self.config(["TemplatePrefix": "5"])), #"{"TemplatePrefix": ["Not a valid string."]}"#)
        #expect(Self.schema.validate(Self.config(["TemplatePrefix": "''"])).isEmpty)
    }

    @Test(arguments: ["http://sqs.amazonaws.com/q", "https://foo/q"])
    func row05_invocationQueueUrlMustBeHttpsWithATLD(url: String) {
        expectErrors(Self.schema.validate(Self.config(["InvocationQueueUrl": url])), #"{"InvocationQueueUrl": ["Not a valid URL."]}"#)
    }

    @Test func row06_localhostQueueUrlIsValid() {
        expectErrors(Self.schema.validate(Self.config(["InvocationQueueUrl": "https://localhost:9324/q"])), "{}")
    }

    @Test func row07_invocationSourcesMustBeAList() {
        expectErrors(Self.schema.validate(Self.config(["InvocationSources": "S3"])), #"{"InvocationSources": ["Not a valid list."]}"#)
    }

    @Test func row08_unknownInvocationSourceListsTheSortedMembers() {
        expectErrors(Self.schema.validate(Self.config(["InvocationSources": "[S3, SNS]"])),
                     #"{"InvocationSources": {"1": ["Must be one of: EVENTBRIDGE_TIMED_EVENT, S3, SQS."]}}"#)
    }

    @Test func row09_invocationSourceMustBeAString() {
        expectErrors(Self.schema.validate(Self.config(["InvocationSources": "[1]"])),
                     #"{"InvocationSources": {"0": ["Not a valid string."]}}"#)
    }

    @Test func emptyAndDuplicateInvocationSourcesAreAccepted() {
        #expect(Self.schema.validate(Self.config(["InvocationSources": "[]", "EventBridgeTimedFrequency": nil])).isEmpty)
        #expect(Self.schema.validate(Self.config(["InvocationSources": "[S3, S3, SQS]"])).isEmpty)
    }

    static let eventBridgeError = #"{"_schema": ["A EventBridgeTimedFrequency is required when specifying an invocation event of EVENTBRIDGE_TIMED_EVENT."]}"#

    @Test func row10_loadRequiresAFrequencyForTheEventBridgeSource() {
        expectErrors(loadErrors(Self.schema, Self.config(["EventBridgeTimedFrequency": nil])), Self.eventBridgeError)
    }

    @Test func row11_validateAlsoRequiresTheFrequency() {
        // Q1: the original skipped this rule in validate() and returned {}.
        expectErrors(Self.schema.validate(Self.config(["EventBridgeTimedFrequency": nil])), Self.eventBridgeError)
    }

    @Test func frequencyWithoutTheEventBridgeSourceIsAllowed() {
        #expect(Self.schema.validate(Self.config(["InvocationSources": "[S3]"])).isEmpty)
        #expect(Self.schema.validate(Self.config(["InvocationSources": "[S3]", "EventBridgeTimedFrequency": nil])).isEmpty)
    }

    @Test func row12_frequencyIsMatchedByExactMemberName() {
        expectErrors(Self.schema.validate(Self.config(["EventBridgeTimedFrequency": "hourly"])),
                     #"{"EventBridgeTimedFrequency": ["Must be one of: DAILY, FIFTEEN_MIN, FIVE_MIN, HOURLY, SIX_HOURLY, THIRTY_MIN, TWELVE_HOURLY."]}"#)
    }

    @Test(arguments: EventBridgeFrequency.allCases.map(\.rawValue))
    func everyFrequencyNameIsAccepted(name: String) {
        #expect(Self.schema.validate(Self.config(["EventBridgeTimedFrequency": name])).isEmpty)
    }

    @Test func row13_alertConfigurationChecksPriorityAndUnknownKeys() {
        expectErrors(Self.schema.validate(Self.config(["AlertConfiguration": "{ChannelId: C1, AlertPriority: LOUD, X: 1}"])), """
        {"AlertConfiguration": {"AlertPriority": ["Must be one of: IMPORTANT, INFORMATIONAL, NONE, PROBLEM, SUCCESS."],
                                "X": ["Unknown field."]}}
        """)
    }

    @Test func alertConfigurationLoads() {
        let data = loaded(Self.schema, Self.config(["AlertConfiguration": "{ChannelId: pewpewpew, AlertPriority: SUCCESS}"]))
        #expect(data["alert_configuration"] == .map(["channel_id": .string("pewpewpew"), "alert_priority": .string("SUCCESS")]))
    }

    @Test func row14_alertConfigurationMustBeAMapping() {
        expectErrors(Self.schema.validate(Self.config(["AlertConfiguration": "C1"])),
                     #"{"AlertConfiguration": {"_schema": ["Invalid input type."]}}"#)
    }

    @Test func row15_extraKeysAreKeptAsWritten() {
        let data = loaded(Self.schema, Self.config(["SomeField": "{Nested: 1}"]))
        #expect(data["SomeField"] == .map(["Nested": .int(1)]))
    }

    @Test func row16_nonMappingInputIsInvalidInputType() {
        expectErrors(Self.schema.validate(yaml("[x]")), #"{"_schema": ["Invalid input type."]}"#)
    }

    @Test func snakeCaseKeyEqualToAnAttributeIsUnknown() {
        // Q4
        expectErrors(Self.schema.validate(Self.config(["enabled": "false"])), #"{"enabled": ["Unknown field."]}"#)
    }

    @Test func loadedConfigurationUsesSnakeCaseNames() {
        let data = loaded(Self.schema, Self.config())
        expectPayload(.map(data), """
        {"enabled": true, "template_prefix": "TestingStarfleetWorkerPlugin/",
         "invocation_queue_url": "https://sqs.amazonaws.com/WorkerQueue1",
         "invocation_sources": ["S3", "EVENTBRIDGE_TIMED_EVENT"], "eventbridge_timed_frequency": "HOURLY"}
        """)
    }
}
