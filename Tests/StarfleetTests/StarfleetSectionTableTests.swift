import Starfleet
import StarfleetSchema
import StarfleetTestSupport
import Testing

/// SPEC §2.5 rows 17–26: the top-level configuration schema, `STARFLEET` and the default index section.
@Suite struct StarfleetSectionTableTests {
    static let schema = StarfleetSectionTemplate.configuration(regions: .builtIn)

    static func starfleet(_ extra: String) -> YAMLNode {
        yaml(minimalStarfleet.trimmingSuffixNewlines + "\n" + extra.split(separator: "\n").map { "  " + $0 }.joined(separator: "\n") + "\n")
    }

    @Test func minimalStarfleetIsValid() {
        #expect(Self.schema.validate(yaml(minimalStarfleet)).isEmpty)
    }

    @Test func otherTopLevelSectionsAreAllowed() {
        #expect(Self.schema.validate(yaml(minimalStarfleet + "TESTING: {ThisIs: A Test}\nAnything: 5\n")).isEmpty)
    }

    @Test func row17_starfleetIsRequired() {
        expectErrors(Self.schema.validate(yaml("TESTING: {ThisIs: A Test}")), #"{"STARFLEET": ["Missing data for required field."]}"#)
    }

    @Test func row18_emptyStarfleetReportsTheThreeRequiredKeys() {
        expectErrors(Self.schema.validate(yaml("STARFLEET: {}")), """
        {"STARFLEET": {"DeploymentRegion": ["Missing data for required field."],
                       "TemplateBucket": ["Missing data for required field."],
                       "FanOutQueueUrl": ["Missing data for required field."]}}
        """)
    }

    @Test func starfleetMustBeAMapping() {
        expectErrors(Self.schema.validate(yaml("STARFLEET: [a]")), #"{"STARFLEET": {"_schema": ["Invalid input type."]}}"#)
        expectErrors(Self.schema.validate(yaml("STARFLEET:")), #"{"STARFLEET": ["Field may not be null."]}"#)
    }

    @Test func row19_unknownStarfleetKeyIsRejected() {
        expectErrors(Self.schema.validate(Self.starfleet("Bogus: 1")), #"{"STARFLEET": {"Bogus": ["Unknown field."]}}"#)
    }

    @Test func row20_logLevelListsTheSixLevelsSorted() {
        expectErrors(Self.schema.validate(Self.starfleet("LogLevel: TRACE")),
                     #"{"STARFLEET": {"LogLevel": ["Must be one of: CRITICAL, DEBUG, ERROR, INFO, NOTSET, WARNING."]}}"#)
        expectErrors(Self.schema.validate(Self.starfleet("LogLevel: debug")),
                     #"{"STARFLEET": {"LogLevel": ["Must be one of: CRITICAL, DEBUG, ERROR, INFO, NOTSET, WARNING."]}}"#)
    }

    @Test func row21_scopeToRegionsErrorsAreKeyedByIndexAndListAllRegionsSorted() {
        expectErrors(Self.schema.validate(Self.starfleet("ScopeToRegions: [us-east-1, nope]")),
                     #"{"STARFLEET": {"ScopeToRegions": {"1": ["Must be one of: \#(Regions.allText)."]}}}"#)
    }

    @Test func deploymentRegionAndSecretRegionMustBeKnownRegions() {
        let text = """
        STARFLEET:
          DeploymentRegion: moon-base-1
          TemplateBucket: template-bucket
          FanOutQueueUrl: https://sqs.amazonaws.com/fanout-queue
          SecretsManager: {SecretId: s, SecretRegion: cn-north-1, Extra: 1}
        """
        expectErrors(Self.schema.validate(yaml(text)), """
        {"STARFLEET": {"DeploymentRegion": ["Must be one of: \(Regions.allText)."],
                       "SecretsManager": {"SecretRegion": ["Must be one of: \(Regions.allText)."], "Extra": ["Unknown field."]}}}
        """)
    }

    @Test func fanOutQueueUrlMustBeHttps() {
        let text = "STARFLEET: {DeploymentRegion: us-east-2, TemplateBucket: b, FanOutQueueUrl: 'http://sqs.amazonaws.com/q'}"
        expectErrors(Self.schema.validate(yaml(text)), #"{"STARFLEET": {"FanOutQueueUrl": ["Not a valid URL."]}}"#)
    }

    static let slackMessage = "Slack can only be enabled if you are using Secrets Manager -- you need to configure the `SecretsManager` field."

    @Test(arguments: ["SlackEnabled: \"yes\"", "SlackEnabled: true", "SlackEnabled: on"])
    func row22_slackNeedsSecretsManager(extra: String) {
        expectErrors(Self.schema.validate(Self.starfleet(extra)), #"{"STARFLEET": {"SlackEnabled": ["\#(Self.slackMessage)"]}}"#)
    }

    @Test func slackWithSecretsManagerIsValid() {
        #expect(Self.schema.validate(Self.starfleet("SlackEnabled: true\nSecretsManager: {SecretId: s, SecretRegion: us-east-2}")).isEmpty)
        #expect(Self.schema.validate(Self.starfleet("SlackEnabled: \"false\"")).isEmpty)
    }

    @Test func row23_slackRuleIsSkippedWhenAFieldHasAnError() {
        expectErrors(Self.schema.validate(Self.starfleet("SlackEnabled: true\nLogLevel: TRACE")),
                     #"{"STARFLEET": {"LogLevel": ["Must be one of: CRITICAL, DEBUG, ERROR, INFO, NOTSET, WARNING."]}}"#)
    }

    @Test func row24_thirdPartyLoggerLevelsMustBeAMapping() {
        expectErrors(Self.schema.validate(Self.starfleet("ThirdPartyLoggerLevels: [botocore]")),
                     #"{"STARFLEET": {"ThirdPartyLoggerLevels": ["Not a valid mapping type."]}}"#)
        #expect(Self.schema.validate(Self.starfleet("ThirdPartyLoggerLevels: {botocore: WHATEVER}")).isEmpty)
    }

    @Test func row25_loadAddsTheDefaults() {
        let data = loaded(Self.schema, yaml(minimalStarfleet))
        expectPayload(data["starfleet"] ?? .null, """
        {"deployment_region": "us-east-2", "template_bucket": "template-bucket",
         "fan_out_queue_url": "https://sqs.amazonaws.com/fanout-queue",
         "account_index": "StarfleetDefaultAccountIndex", "scope_to_regions": [], "slack_enabled": false, "log_level": "INFO"}
        """)
        #expect(data["starfleet"]?["slack_enabled"] == .bool(false))
    }

    @Test func row26_defaultIndexSectionRejectsUnknownKeys() {
        let schema = DefaultAccountIndexConfigurationTemplate.schema
        expectErrors(loadErrors(schema, yaml("IndexBucket: b\nBucketRegion: us-east-1\nExtra: 1")), #"{"Extra": ["Unknown field."]}"#)
    }

    @Test func defaultIndexSectionDefaultsTheObjectPath() {
        let schema = DefaultAccountIndexConfigurationTemplate.schema
        let data = loaded(schema, yaml("IndexBucket: b\nBucketRegion: not-checked"))
        #expect(data["index_object_path"] == .string("accountIndex.json"))
        expectErrors(schema.validate(yaml("BucketRegion: us-east-1")), #"{"IndexBucket": ["Missing data for required field."]}"#)
    }
}

extension String {
    var trimmingSuffixNewlines: String {
        var text = self
        while text.hasSuffix("\n") { text.removeLast() }
        return text
    }
}
