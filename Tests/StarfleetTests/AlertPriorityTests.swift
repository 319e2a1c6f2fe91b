import Logging
import Starfleet
import StarfleetSchema
import Testing

/// SPEC §8 case 20: a ship configured at priority p sends a message of priority m iff p ≥ m (and neither is NONE).
@Suite struct AlertPriorityTests {
    /// Configured priority → the message priorities that are sent.
    static let matrix: [AlertPriority: Set<AlertPriority>] = [
        .none: [],
        .problem: [.problem],
        .important: [.problem, .important],
        .success: [.problem, .important, .success],
        .informational: [.problem, .important, .success, .informational],
    ]

    static let pairs: [(AlertPriority, AlertPriority)] = AlertPriority.allCases.flatMap { configured in
        AlertPriority.allCases.map { (configured, $0) }
    }

    @Test(arguments: pairs)
    func shouldSendFollowsTheMatrix(configured: AlertPriority, message: AlertPriority) {
        let expected = Self.matrix[configured]?.contains(message) ?? false
        #expect(AlertPriority.shouldSend(message, configured: configured) == expected)
    }

    @Test func namesAndOrder() {
        #expect(AlertPriority.allCases.map(\.name) == ["NONE", "PROBLEM", "IMPORTANT", "SUCCESS", "INFORMATIONAL"])
        #expect(AlertPriority.allCases.map(\.rawValue) == [0, 1, 2, 3, 4])
        #expect(AlertPriority(name: "SUCCESS") == .success)
        #expect(AlertPriority(name: "success") == nil)
        #expect(AlertPriority.problem < .informational)
    }

    actor Recorder: AlertSender {
        var sent: [Alert] = []
        func send(_ alert: Alert) async { sent.append(alert) }
    }

    static func context(priority: String?, recorder: Recorder) -> ShipContext {
        var ship: PayloadMap = ["enabled": .bool(true)]
        if let priority {
            ship["alert_configuration"] = .map(["channel_id": .string("pewpewpew"), "alert_priority": .string(priority)])
        }
        return ShipContext(configuration: configuration(minimalStarfleet), shipConfiguration: ship,
                           logger: Logger(label: "test") { _ in SwiftLogNoOpLogHandler() }, alerts: recorder,
                           accountIndex: { SyntheticIndex.index }, environment: [:])
    }

    @Test func noAlertConfigurationMeansNoneAndNoChannel() async {
        let recorder = Recorder()
        let context = Self.context(priority: nil, recorder: recorder)
        #expect(context.alertPriority == .none)
        #expect(context.alertChannel == nil)
        for message in AlertPriority.allCases { await context.sendAlert(message, title: "t", body: "b") }
        #expect(await recorder.sent.isEmpty)
    }

    @Test(arguments: AlertPriority.allCases.filter { $0 != .none })
    func contextSendsToTheConfiguredChannelWithTheMessageEmoji(configured: AlertPriority) async {
        let recorder = Recorder()
        let context = Self.context(priority: configured.name, recorder: recorder)
        #expect(context.alertPriority == configured)
        #expect(context.alertChannel == "pewpewpew")
        for message in AlertPriority.allCases { await context.sendAlert(message, title: "Title \(message.name)", body: "body") }
        let sent = await recorder.sent
        #expect(Set(sent.map(\.priority)) == Self.matrix[configured])
        for alert in sent {
            #expect(alert.channel == "pewpewpew")
            #expect(alert.header.hasPrefix(alert.priority.emoji))
            #expect(alert.header == "\(alert.priority.emoji)  Title \(alert.priority.name)")
        }
    }
}
