import Foundation
import Starfleet
import Testing

/// The EventBridge schedule's tasking (SPEC §7.1).
@Suite struct TimedTaskingTests {
    @Test func onlyEnabledShipsTimedAtTheFrequencyAreSelected() throws {
        let registry = ShipRegistry(fleet: testFleet, configuration: try ConfigFixtures.load("valid"))
        #expect(TimedTasking.ships(for: .hourly, in: registry).map(\.name) == ["TestingStarfleetWorkerPlugin", "TestingStarfleetWorkerPluginTwo"])
        #expect(TimedTasking.ships(for: .daily, in: registry).map(\.name) == ["TestingStarfleetWorkerPluginThree"])
        #expect(TimedTasking.ships(for: .fiveMinutes, in: registry).isEmpty)
    }

    @Test func messagesAreNumberedFromOneInPythonJSONStyle() {
        let messages = TimedTasking.messages((1...27).map { TimedTasking(ship: "testing", templateKey: "template\($0)") })
        #expect(messages.map(\.id) == (1...27).map(String.init))
        #expect(messages.first?.body == #"{"worker_ship": "testing", "template_prefix": "template1"}"#)
    }

    @Test func aYamlPrefixIsItsOwnTemplateAndOtherwiseOnlyYamlKeysCount() async throws {
        let store = InMemoryTemplateStore(objects: ["p/a.yaml": "", "p/b.yml": "", "p/nested/c.yaml": "", "q/d.yaml": ""])
        #expect(try await TimedTasking.templateKeys(prefix: "p/", bucket: "b", store: store) == ["p/a.yaml", "p/nested/c.yaml"])
        #expect(try await TimedTasking.templateKeys(prefix: "x/one.yaml", bucket: "b", store: store) == ["x/one.yaml"])
    }
}

/// A ``TemplateStore`` double over a dictionary (keys listed in sorted order, like S3).
struct InMemoryTemplateStore: TemplateStore {
    let objects: [String: String]

    func keys(bucket: String, prefix: String) async throws(TemplateStoreError) -> [String] {
        objects.keys.filter { $0.hasPrefix(prefix) }.sorted()
    }

    func object(bucket: String, key: String) async throws(TemplateStoreError) -> Data {
        guard let text = objects[key] else { throw .missing(key: key) }
        return Data(text.utf8)
    }
}
