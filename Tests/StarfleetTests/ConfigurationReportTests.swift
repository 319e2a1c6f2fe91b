import Foundation
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

    /// The original reads the index section only when an index is loaded; a fleet whose
    /// generator has not run yet is a valid configuration.
    @Test func missingIndexSectionIsNotAnError() {
        let report = ConfigurationReport(configuration: configuration(minimalStarfleet), fleet: testFleet)
        #expect(report.isValid, "\(report.errors.json())")
        #expect(report.warnings.isEmpty)
    }

    static let regionalShipSection = """
    RegionalShip:
      Enabled: true
      TemplatePrefix: RegionalShip/
      InvocationQueueUrl: https://sqs.amazonaws.com/q
      InvocationSources: [S3]

    """

    @Test func missingIndexSectionWarnsWhenAnEnabledShipFansOut() {
        let report = ConfigurationReport(configuration: configuration(minimalStarfleet + Self.regionalShipSection),
                                         fleet: testFleet + [RegionalShip.self])
        #expect(report.isValid, "\(report.errors.json())")
        #expect(report.warnings == [
            "no StarfleetDefaultAccountIndex section: fan-out of RegionalShip will need the account index "
                + "(add the section, or pass --account-index FILE where a command takes it)",
        ])
    }

    @Test func missingIndexSectionDoesNotWarnForADisabledFanOutShip() {
        let disabled = Self.regionalShipSection.replacingOccurrences(of: "Enabled: true", with: "Enabled: false")
        let report = ConfigurationReport(configuration: configuration(minimalStarfleet + disabled),
                                         fleet: testFleet + [RegionalShip.self])
        #expect(report.isValid)
        #expect(report.warnings.isEmpty)
    }

    @Test func presentIndexSectionIsStillValidatedInFull() {
        let text = minimalStarfleet + "StarfleetDefaultAccountIndex: {BucketRegion: us-east-1}\n"
        let report = ConfigurationReport(configuration: configuration(text), fleet: testFleet)
        expectErrors(report.errors, #"{"StarfleetDefaultAccountIndex": {"IndexBucket": ["Missing data for required field."]}}"#)
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
