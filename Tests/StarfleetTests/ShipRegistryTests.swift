import Starfleet
import StarfleetSchema
import StarfleetTestSupport
import Testing

/// Ship states against a configuration: enabled, disabled, not configured, invalid.
@Suite struct ShipRegistryTests {
    static let workerBody = """
      TemplatePrefix: TestingStarfleetWorkerPlugin/
      InvocationQueueUrl: https://sqs.amazonaws.com/WorkerQueue1
      InvocationSources: [S3]

    """

    static func section(_ enabled: String) -> String {
        "TestingStarfleetWorkerPlugin:\n  Enabled: \(enabled)\n" + workerBody
    }

    @Test func fixtureShipsAreAllEnabled() throws {
        let registry = ShipRegistry(fleet: testFleet + [UnconfiguredShip.self], configuration: try ConfigFixtures.load("valid"))
        #expect(registry.statuses.map(\.name) == ["TestingStarfleetWorkerPlugin", "TestingStarfleetWorkerPluginTwo",
                                                   "TestingStarfleetWorkerPluginThree", "UnconfiguredShip"])
        #expect(registry.statuses.map(\.state) == [.enabled, .enabled, .enabled, .notConfigured])
        #expect(registry.enabledShips.count == 3)
        let one = try #require(registry.status(named: "TestingStarfleetWorkerPlugin"))
        #expect(one.invocationSources == ["S3", "EVENTBRIDGE_TIMED_EVENT"])
        #expect(one.templatePrefix == "TestingStarfleetWorkerPlugin/")
        #expect(one.file?.hasSuffix("/starfleet.yaml") == true)
        #expect(one.configuration?["eventbridge_timed_frequency"] == .string("HOURLY"))
        #expect(registry.status(named: "TestingStarfleetWorkerPluginThree")?.configuration?["eventbridge_timed_frequency"] == .string("DAILY"))
    }

    @Test(arguments: [("true", ShipState.enabled), ("yes", .enabled), ("\"True\"", .enabled),
                      ("false", .disabled), ("\"false\"", .disabled), ("no", .disabled), ("\"0\"", .disabled)])
    func enabledIsReadTyped(text: String, expected: ShipState) {
        // Q2: the original treated the string "false" as enabled.
        let config = configuration(minimalStarfleet + Self.section(text))
        #expect(ShipRegistry.evaluate(TestingStarfleetWorkerPlugin.self, in: config).state == expected)
    }

    @Test func missingSectionIsNotConfigured() {
        let status = ShipRegistry.evaluate(TestingStarfleetWorkerPlugin.self, in: configuration(minimalStarfleet))
        #expect(status.state == .notConfigured)
        #expect(status.configuration == nil)
    }

    @Test(arguments: ["TestingStarfleetWorkerPlugin:\n", "TestingStarfleetWorkerPlugin: {}\n"])
    func emptySectionIsNotConfigured(text: String) {
        #expect(ShipRegistry.evaluate(TestingStarfleetWorkerPlugin.self, in: configuration(minimalStarfleet + text)).state == .notConfigured)
    }

    @Test func invalidSectionCarriesItsErrorTree() {
        let config = configuration(minimalStarfleet + "TestingStarfleetWorkerPlugin:\n" + Self.workerBody)
        let status = ShipRegistry.evaluate(TestingStarfleetWorkerPlugin.self, in: config)
        guard case .invalidConfiguration(let errors) = status.state else {
            Issue.record("expected an invalid configuration, got \(status.state)")
            return
        }
        expectErrors(errors, #"{"Enabled": ["Missing data for required field."]}"#)
        #expect(errors.pythonRepr == "{'Enabled': ['Missing data for required field.']}")
        #expect(status.state.label == "invalid configuration")
    }

    @Test func eventBridgeWithoutFrequencyIsInvalid() {
        // Q1: caught when the registry validates, not when the timed run starts.
        let text = minimalStarfleet + Self.section("true").replacingOccurrences(of: "[S3]", with: "[EVENTBRIDGE_TIMED_EVENT]")
        let status = ShipRegistry.evaluate(TestingStarfleetWorkerPlugin.self, in: configuration(text))
        guard case .invalidConfiguration(let errors) = status.state else { Issue.record("\(status.state)"); return }
        expectErrors(errors, #"{"_schema": ["\#(WorkerShipConfigurationTemplate.eventBridgeFrequencyRequired)"]}"#)
    }

    @Test func shipSpecificRequiredKeysAreChecked() {
        let text = minimalStarfleet + "ExtendedConfigShip:\n  Enabled: true\n" + Self.workerBody
        let status = ShipRegistry.evaluate(ExtendedConfigShip.self, in: configuration(text))
        guard case .invalidConfiguration(let errors) = status.state else { Issue.record("\(status.state)"); return }
        expectErrors(errors, #"{"OrgAccountId": ["Missing data for required field."]}"#)
        let fixed = ShipRegistry.evaluate(ExtendedConfigShip.self, in: configuration(text + "  OrgAccountId: '000000000020'\n"))
        #expect(fixed.state == .enabled)
        #expect(fixed.configuration?["org_account_id"] == .string("000000000020"))
    }

    @Test func disabledShipKeepsItsLoadedConfiguration() {
        let status = ShipRegistry.evaluate(TestingStarfleetWorkerPlugin.self, in: configuration(minimalStarfleet + Self.section("false")))
        #expect(status.state == .disabled)
        #expect(status.configuration?["enabled"] == .bool(false))
        #expect(ShipState.disabled.label == "disabled")
        #expect(ShipState.notConfigured.label == "not configured")
    }

    @Test func fleetLooksShipsUpByName() {
        #expect(testFleet.names == ["TestingStarfleetWorkerPlugin", "TestingStarfleetWorkerPluginTwo", "TestingStarfleetWorkerPluginThree"])
        #expect(testFleet.ship(named: "TestingStarfleetWorkerPluginTwo").map(ObjectIdentifier.init) == ObjectIdentifier(TestingStarfleetWorkerPluginTwo.self))
        #expect(testFleet.ship(named: "Nope") == nil)
    }
}
