import Foundation
import Logging
import Starfleet
import StarfleetSchema
import StarfleetTestSupport
import Synchronization
import Testing

/// An ACCOUNT ship that records its runs and throws when the payload says `Fail: true`.
struct RecordingAccountShip: WorkerShip {
    static let fanOutStrategy = FanOutStrategy.account
    static let payloadTemplate = PayloadTemplates.baseAccount.extending("RecordingAccountShipPayloadTemplate", fields: [
        .boolean("fail", key: "Fail", default: false),
    ])
    static let runs = Mutex<[(account: String, commit: Bool)]>([])

    struct Failure: Error, CustomStringConvertible { var description: String { "planned failure" } }

    let payload: Payload
    init(payload: Payload) { self.payload = payload }

    func execute(commit: Bool, context: ShipContext) async throws {
        if payload["fail"]?.bool == true { throw Failure() }
        Self.runs.withLock { $0.append((payload.assignedAccount ?? "?", commit)) }
    }
}

/// Collects alerts.
final class RecordingAlerts: AlertSender {
    let alerts = Mutex<[Alert]>([])
    func send(_ alert: Alert) async { alerts.withLock { $0.append(alert) } }
}

/// One worker message run through the same preparation as `starfleet run`.
@Suite(.serialized) struct WorkerMessageHandlerTests {
    static let text = minimalStarfleet + """
        RecordingAccountShip:
          Enabled: true
          TemplatePrefix: Recording/
          InvocationQueueUrl: https://sqs.us-east-1.amazonaws.com/000000000000/recording
          InvocationSources: [S3]
          AlertConfiguration:
            ChannelId: C1
            AlertPriority: PROBLEM

        """

    static func handler(alerts: RecordingAlerts, commit: Bool = true) -> WorkerMessageHandler {
        let configuration = configuration(text)
        return WorkerMessageHandler(
            shipName: "RecordingAccountShip", registry: ShipRegistry(fleet: [RecordingAccountShip.self], configuration: configuration),
            scopeToRegions: [], commit: commit,
            accountIndex: { () async throws(AccountIndexError) -> any AccountIndex in
                try DefaultAccountIndex(data: (try? Data(contentsOf: RepositoryPaths.fixture("index/two_accounts.json"))) ?? Data())
            },
            makeContext: { shipConfiguration, logger in
                ShipContext(configuration: configuration, shipConfiguration: shipConfiguration, logger: logger, alerts: alerts,
                            accountIndex: { throw AccountIndexError.empty }, environment: [:])
            })
    }

    static let logger = Logger(label: "test") { _ in SwiftLogNoOpLogHandler() }

    static func body(account: String?, fail: Bool = false) -> String {
        let assigned = account.map { #", "StarbaseAssignedAccount": "\#($0)""# } ?? ""
        return #"{"TemplateName": "T", "TemplateDescription": "D", "IncludeAccounts": {"AllAccounts": true}, "Fail": \#(fail)\#(assigned)}"#
    }

    @Test func aMessageRunsTheShipInItsAssignedAccount() async {
        RecordingAccountShip.runs.withLock { $0 = [] }
        let alerts = RecordingAlerts()
        let outcome = await Self.handler(alerts: alerts).handle(body: Self.body(account: "000000000001"), messageId: "m1", logger: Self.logger)
        #expect(outcome == .succeeded)
        #expect(RecordingAccountShip.runs.withLock { $0.map(\.account) } == ["000000000001"])
        // PROBLEM priority configured: a success is not alerted.
        #expect(alerts.alerts.withLock { $0 }.isEmpty)
    }

    @Test func aThrowingShipFailsOnlyItsMessageAndAlertsAProblem() async {
        let alerts = RecordingAlerts()
        let outcome = await Self.handler(alerts: alerts).handle(body: Self.body(account: "000000000001", fail: true), messageId: "m2",
                                                                 logger: Self.logger)
        #expect(outcome == .failed("RecordingAccountShip failed: planned failure"))
        let sent = alerts.alerts.withLock { $0 }
        #expect(sent.map(\.priority) == [.problem])
        #expect(sent.first?.channel == "C1")
        #expect(sent.first?.body.contains("m2") == true)
    }

    @Test func invalidPayloadsAndMissingAssignmentsFail() async {
        let handler = Self.handler(alerts: RecordingAlerts())
        guard case .failed(let reason) = await handler.handle(body: #"{"TemplateName": 3, "StarbaseAssignedAccount": "000000000001"}"#, messageId: "m3", logger: Self.logger) else {
            Issue.record("an invalid payload must fail"); return
        }
        #expect(reason.contains("does not validate"))
        #expect(await handler.handle(body: Self.body(account: nil), messageId: "m4", logger: Self.logger)
                == .failed("the message has no StarbaseAssignedAccount"))
        guard case .failed = await handler.handle(body: "{not json", messageId: "m5", logger: Self.logger) else {
            Issue.record("a broken body must fail"); return
        }
    }

    /// Account 20 is the organization root, which AllAccounts leaves out.
    @Test func anAccountThePayloadDoesNotTargetIsConsumedWithoutRunning() async {
        RecordingAccountShip.runs.withLock { $0 = [] }
        let outcome = await Self.handler(alerts: RecordingAlerts()).handle(body: Self.body(account: "000000000020"), messageId: "m6",
                                                                            logger: Self.logger)
        #expect(outcome == .skipped(RunRefusal.accountNotApplicableMessage))
        #expect(RecordingAccountShip.runs.withLock { $0 }.isEmpty)
    }
}
