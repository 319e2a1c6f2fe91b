import Starfleet
import StarfleetSchema
import StarfleetTestSupport
import Testing

/// `ConfigurationReport`: every problem of a configuration at once, keyed by section.
@Suite struct ConfigurationReportTests {
    static let brokenConfig = """
    STARFLEET:
      DeploymentRegion: us-east-2
      TemplateBucket: template-bucket
      FanOutQueueUrl: https://sqs.amazonaws.com/fanout-queue
      LogLevel: TRACE

    TestingStarfleetWorkerPlugin:
      TemplatePrefix: TestingStarfleetWorkerPlugin/
      InvocationQueueUrl: https://sqs.amazonaws.com/WorkerQueue1
      InvocationSources: [S3]

    StarfleetDefaultAccountIndex:
      BucketRegion: us-east-1
      Surplus: 1

    """

    @Test func collectsStarfleetShipAndIndexErrorsTogether() throws {
        let directory = try TemporaryDirectory()
        let file = try directory.write(Self.brokenConfig, to: "config.yaml")
        let config = try ConfigurationLoader(regions: .builtIn).load(directory: directory.path)
        let report = ConfigurationReport(configuration: config, fleet: testFleet)
        #expect(!report.isValid)
        expectErrors(report.errors, """
        {"STARFLEET": {"LogLevel": ["Must be one of: CRITICAL, DEBUG, ERROR, INFO, NOTSET, WARNING."]},
         "TestingStarfleetWorkerPlugin": {"Enabled": ["Missing data for required field."]},
         "StarfleetDefaultAccountIndex": {"IndexBucket": ["Missing data for required field."], "Surplus": ["Unknown field."]}}
        """)
        let lines = report.lines(defaultFile: "unused")
        #expect(lines.count == 4)
        #expect(lines.first == "\(file.path):5: STARFLEET.LogLevel: Must be one of: CRITICAL, DEBUG, ERROR, INFO, NOTSET, WARNING.")
        #expect(lines.contains { $0.hasPrefix(file.path + ":") && $0.hasSuffix(": TestingStarfleetWorkerPlugin.Enabled: Missing data for required field.") })
        #expect(lines.contains("\(file.path):14: StarfleetDefaultAccountIndex.Surplus: Unknown field."))
    }

    @Test func defaultIndexSectionIsRequiredWhenItIsTheConfiguredIndex() {
        let report = ConfigurationReport(configuration: configuration(minimalStarfleet), fleet: testFleet)
        expectErrors(report.errors, #"{"StarfleetDefaultAccountIndex": ["Missing data for required field."]}"#)
    }

    @Test func defaultIndexSectionIsNotRequiredForAnotherIndex() throws {
        let report = ConfigurationReport(configuration: try ConfigFixtures.load("valid"), fleet: testFleet)
        #expect(report.isValid, "\(report.errors.json())")
    }

    @Test func completeConfigurationIsValid() {
        let text = minimalStarfleet + "StarfleetDefaultAccountIndex: {IndexBucket: b, BucketRegion: us-east-1}\n"
        let report = ConfigurationReport(configuration: configuration(text), fleet: testFleet)
        #expect(report.isValid)
        expectErrors(report.errors, "{}")
    }

    @Test func unconfiguredAndDisabledShipsAreNotErrors() {
        let text = minimalStarfleet + """
        StarfleetDefaultAccountIndex: {IndexBucket: b, BucketRegion: us-east-1}
        TestingStarfleetWorkerPluginTwo:
          Enabled: false
          TemplatePrefix: x/
          InvocationQueueUrl: https://sqs.amazonaws.com/q
          InvocationSources: [S3]
        """
        #expect(ConfigurationReport(configuration: configuration(text), fleet: testFleet).isValid)
    }

    @Test func duplicateSectionWarningsAreCarried() throws {
        let report = ConfigurationReport(configuration: try ConfigFixtures.load("duplicate_section"), fleet: testFleet)
        #expect(report.warnings.count == 1)
        #expect(report.warnings.first?.contains("a_first.yaml") == true)
        #expect(report.warnings.first?.contains("b_second.yaml") == true)
    }

    @Test func missingStarfleetIsReportedWithoutDemandingTheIndexSection() throws {
        let report = ConfigurationReport(configuration: try ConfigFixtures.load("missing_starfleet"), fleet: testFleet)
        expectErrors(report.errors, #"{"STARFLEET": ["Missing data for required field."]}"#)
    }
}
