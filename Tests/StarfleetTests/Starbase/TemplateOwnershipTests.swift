import Starfleet
import Testing

/// Which ship owns an uploaded template: the longest matching prefix among S3-invoked ships.
@Suite struct TemplateOwnershipTests {
    static let text = minimalStarfleet + """
        TestingStarfleetWorkerPlugin:
          Enabled: true
          TemplatePrefix: Roles/
          InvocationQueueUrl: https://sqs.amazonaws.com/q1
          InvocationSources: [S3]
        TestingStarfleetWorkerPluginTwo:
          Enabled: true
          TemplatePrefix: Roles/Special/
          InvocationQueueUrl: https://sqs.amazonaws.com/q2
          InvocationSources: [S3]
        TestingStarfleetWorkerPluginThree:
          Enabled: true
          TemplatePrefix: Roles/Special/Timed/
          InvocationQueueUrl: https://sqs.amazonaws.com/q3
          InvocationSources: [EVENTBRIDGE_TIMED_EVENT]
          EventBridgeTimedFrequency: DAILY

        """

    @Test func theLongestMatchingPrefixWins() {
        let registry = ShipRegistry(fleet: testFleet, configuration: configuration(Self.text))
        #expect(TemplateOwnership.owner(of: "Roles/a.yaml", in: registry)?.name == "TestingStarfleetWorkerPlugin")
        #expect(TemplateOwnership.owner(of: "Roles/Special/a.yaml", in: registry)?.name == "TestingStarfleetWorkerPluginTwo")
        // The third ship is not invoked by S3.
        #expect(TemplateOwnership.owner(of: "Roles/Special/Timed/a.yaml", in: registry)?.name == "TestingStarfleetWorkerPluginTwo")
        #expect(TemplateOwnership.owner(of: "Other/a.yaml", in: registry) == nil)
    }
}
