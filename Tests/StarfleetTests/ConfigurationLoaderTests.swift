import Foundation
import Starfleet
import StarfleetSchema
import StarfleetTestSupport
import Testing

/// SPEC §1.1 and §8 cases 1–3: reading and merging a configuration directory (with the Q8 fixes).
@Suite struct ConfigurationLoaderTests {
    static let slackMessage = "Slack can only be enabled if you are using Secrets Manager -- you need to configure the `SecretsManager` field."

    @Test func case01_mergedConfigKeepsTheStarfleetValuesVerbatim() throws {
        let config = try ConfigFixtures.load("valid")
        let raw = PayloadValue(raw: try #require(config.section("STARFLEET")))
        expectPayload(raw, """
        {"DeploymentRegion": "us-east-2", "TemplateBucket": "template-bucket",
         "FanOutQueueUrl": "https://sqs.amazonaws.com/fanout-queue", "AccountIndex": "TestingAccountIndexPlugin",
         "LogLevel": "DEBUG", "SecretsManager": {"SecretId": "starfleet-secrets", "SecretRegion": "us-east-2"},
         "SlackEnabled": true, "ThirdPartyLoggerLevels": {"botocore": "CRITICAL", "urllib3.connectionpool": "CRITICAL"}}
        """)
        #expect(raw["SlackEnabled"] == .bool(true))
    }

    @Test func case01_sectionsComeFromBothFiles() throws {
        let config = try ConfigFixtures.load("valid")
        let directory = ConfigFixtures.path("valid")
        #expect(config.files == [directory + "/someother.yaml", directory + "/starfleet.yaml"])
        #expect(PayloadValue(raw: try #require(config.section("TESTING"))) == .map(["ThisIs": .string("A Test")]))
        #expect(PayloadValue(raw: try #require(config.section("SOMEOTHER"))) == .map(["TestFile": .string("has been loaded properly")]))
        #expect(config.sectionFiles["TESTING"] == directory + "/starfleet.yaml")
        #expect(config.sectionFiles["SOMEOTHER"] == directory + "/someother.yaml")
        #expect(config.warnings.isEmpty)
    }

    @Test func onlyYamlFilesAtTheTopLevelAreRead() throws {
        let config = try ConfigFixtures.load("valid")
        #expect(config.section("IGNORED") == nil)     // ignored.yml
        #expect(config.section("NESTED") == nil)      // nested.d/ignored.yaml
        #expect(config.files.count == 2)
    }

    @Test func case02_missingDirectoryIsNotFound() {
        let path = ConfigFixtures.path("does-not-exist")
        let error = #expect(throws: ConfigurationError.self) { try ConfigurationLoader().load(directory: path) }
        guard case .directoryMissing(let missing)? = error else { Issue.record("\(String(describing: error))"); return }
        #expect(missing == path)
        #expect(error?.description == "\(path): configuration directory not found")
    }

    @Test func fileInsteadOfDirectoryIsRejected() {
        let path = ConfigFixtures.path("valid/starfleet.yaml")
        let error = #expect(throws: ConfigurationError.self) { try ConfigurationLoader().load(directory: path) }
        guard case .notADirectory(let reported)? = error else { Issue.record("\(String(describing: error))"); return }
        #expect(reported == path)
    }

    @Test func case02_directoryWithoutStarfleetIsInvalid() throws {
        let config = try ConfigFixtures.load("missing_starfleet")
        #expect(!config.isValid)
        expectErrors(config.starfleetErrors, #"{"STARFLEET": ["Missing data for required field."]}"#)
        #expect(config.starfleet.isEmpty)
    }

    @Test func emptyDirectoryHasNoStarfleet() throws {
        let directory = try TemporaryDirectory()
        let config = try ConfigurationLoader(regions: .builtIn).load(directory: directory.path)
        #expect(config.files.isEmpty)
        expectErrors(config.starfleetErrors, #"{"STARFLEET": ["Missing data for required field."]}"#)
    }

    @Test func case03_loadedStarfleetIsTyped() throws {
        let config = try ConfigFixtures.load("valid")
        #expect(config.isValid)
        #expect(config.starfleet["slack_enabled"] == .bool(true))
        #expect(config.starfleet["secrets_manager"] == .map(["secret_id": .string("starfleet-secrets"), "secret_region": .string("us-east-2")]))
        #expect(config.slackEnabled)
        #expect(config.logLevel == "DEBUG")
        #expect(config.deploymentRegion == "us-east-2")
        #expect(config.templateBucket == "template-bucket")
        #expect(config.accountIndexName == "TestingAccountIndexPlugin")
        #expect(config.scopeToRegions.isEmpty)
    }

    @Test func case03_slackWithoutSecretsManagerIsInvalid() throws {
        let directory = try TemporaryDirectory()
        let original = try String(contentsOfFile: ConfigFixtures.path("valid/starfleet.yaml"), encoding: .utf8)
        let edited = original
            .replacingOccurrences(of: "  SecretsManager:\n    SecretId: starfleet-secrets\n    SecretRegion: us-east-2\n", with: "")
        #expect(edited != original)
        try directory.write(edited, to: "starfleet.yaml")
        let config = try ConfigurationLoader(regions: .builtIn).load(directory: directory.path)
        expectErrors(config.starfleetErrors, #"{"STARFLEET": {"SlackEnabled": ["\#(Self.slackMessage)"]}}"#)
    }

    @Test func typedDefaultsApplyWhenKeysAreAbsent() throws {
        let config = try ConfigFixtures.load("empty_file")
        #expect(config.accountIndexName == "StarfleetDefaultAccountIndex")   // Q2: the schema default is used
        #expect(config.logLevel == "INFO")
        #expect(config.slackEnabled == false)
    }

    @Test func emptyFileCountsAsAnEmptyMapping() throws {
        // Q8: the original crashed on an empty file.
        let config = try ConfigFixtures.load("empty_file")
        #expect(config.files.map { ($0 as NSString).lastPathComponent } == ["config.yaml", "empty.yaml"])
        #expect(config.isValid)
        #expect(config.warnings.isEmpty)
    }

    @Test func laterFileWinsWithAWarningNamingBothFiles() throws {
        // Q8: files merge in name order and a redefined section is reported.
        let config = try ConfigFixtures.load("duplicate_section")
        let first = ConfigFixtures.path("duplicate_section") + "/a_first.yaml"
        let second = ConfigFixtures.path("duplicate_section") + "/b_second.yaml"
        #expect(config.section("TESTING")?["From"]?.value == .string("second"))
        #expect(config.sectionFiles["TESTING"] == second)
        #expect(config.sectionFiles["STARFLEET"] == first)
        #expect(config.warnings == ["section TESTING of \(first) is replaced by \(second):3"])
    }

    @Test func nonMappingFileIsRejected() {
        let file = ConfigFixtures.path("not_a_mapping") + "/list.yaml"
        let error = #expect(throws: ConfigurationError.self) {
            try ConfigurationLoader().load(directory: ConfigFixtures.path("not_a_mapping"))
        }
        guard case .notAMapping(let reported, let line)? = error else { Issue.record("\(String(describing: error))"); return }
        #expect(reported == file)
        #expect(line == 2)
        #expect(error?.description == "\(file):2: the top level of a configuration file must be a mapping of sections")
    }

    @Test func unparsableFileIsReportedWithItsPosition() throws {
        let directory = try TemporaryDirectory()
        let file = try directory.write("STARFLEET:\n  DeploymentRegion: [us-east-2\n", to: "broken.yaml")
        let error = #expect(throws: ConfigurationError.self) { try ConfigurationLoader().load(directory: directory.path) }
        guard case .unreadable(let readError)? = error else { Issue.record("\(String(describing: error))"); return }
        #expect(readError.kind == .syntax)
        #expect(readError.file == file.path)
        let mark = try #require(readError.mark)
        #expect(error?.description.hasPrefix("\(file.path):\(mark.line):\(mark.column): ") == true)
    }

    @Test func duplicateKeyInAFileIsReported() throws {
        let directory = try TemporaryDirectory()
        try directory.write("TESTING: 1\nOTHER: 2\nTESTING: 3\n", to: "dup.yaml")
        let error = #expect(throws: ConfigurationError.self) { try ConfigurationLoader().load(directory: directory.path) }
        guard case .unreadable(let readError)? = error else { Issue.record("\(String(describing: error))"); return }
        #expect(readError.kind == .duplicateKey("TESTING"))
        #expect(readError.mark?.line == 3)
    }

    @Test func directoryResolutionPrefersTheOptionThenTheEnvironment() {
        #expect(ConfigurationLoader.resolveDirectory(option: "/opt", environment: ["STARFLEET_CONFIG_DIR": "/env"]) == "/opt")
        #expect(ConfigurationLoader.resolveDirectory(option: nil, environment: ["STARFLEET_CONFIG_DIR": "/env"]) == "/env")
        #expect(ConfigurationLoader.resolveDirectory(option: "", environment: [:]) == "./configuration_files")
    }
}
