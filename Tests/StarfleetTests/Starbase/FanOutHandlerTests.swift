import Foundation
import Logging
import Starfleet
import StarfleetTestSupport
import Testing

/// The fan-out step for one message: find ship and template, validate, resolve, send.
@Suite struct FanOutHandlerTests {
    static let text = minimalStarfleet + """
        RegionalShip:
          Enabled: true
          TemplatePrefix: Regional/
          InvocationQueueUrl: https://sqs.us-east-1.amazonaws.com/000000000000/regional
          InvocationSources: [S3]

        """
    static let valid = """
        TemplateName: R
        TemplateDescription: D
        Role: admin
        IncludeAccounts:
          AllAccounts: true
        IncludeRegions: [us-east-1, us-east-2]

        """
    static let queueURL = "https://sqs.us-east-1.amazonaws.com/000000000000/regional"

    static func handler(objects: [String: String]) -> FanOutHandler {
        let registry = ShipRegistry(fleet: [RegionalShip.self], configuration: configuration(text))
        return FanOutHandler(
            registry: registry, templateBucket: "template-bucket", scopeToRegions: [],
            store: InMemoryTemplateStore(objects: objects),
            accountIndex: { () async throws(AccountIndexError) -> any AccountIndex in
                try DefaultAccountIndex(data: (try? Data(contentsOf: RepositoryPaths.fixture("index/two_accounts.json"))) ?? Data())
            },
            logger: Logger(label: "test") { _ in SwiftLogNoOpLogHandler() })
    }

    static func s3Event(_ key: String, bucket: String = "template-bucket", event: String = "ObjectCreated:Put") -> String {
        #"{"Records": [{"eventName": "\#(event)", "s3": {"bucket": {"name": "\#(bucket)"}, "object": {"key": "\#(key)"}}}]}"#
    }

    @Test func anUploadedTemplateIsSentOncePerAccountAndRegion() async {
        let queue = InMemoryQueue()
        let outcome = await Self.handler(objects: ["Regional/a.yaml": Self.valid])
            .handle(body: Self.s3Event("Regional/a.yaml"), queue: queue, concurrency: 4)
        #expect(outcome == .succeeded)
        let sent = queue.sent(to: Self.queueURL)
        // Account 1 has both regions enabled; account 20 is the organization root, which AllAccounts leaves out.
        #expect(sent.map(\.id) == ["000000000001us-east-1", "000000000001us-east-2"])
        #expect(sent.first?.body == #"{"TemplateName": "R", "TemplateDescription": "D", "Role": "admin", "IncludeAccounts": {"AllAccounts": true}, "IncludeRegions": ["us-east-1", "us-east-2"], "StarbaseAssignedAccount": "000000000001", "StarbaseAssignedRegion": "us-east-1"}"#)
    }

    @Test func anInvalidTemplateFailsAndSendsNothing() async {
        let queue = InMemoryQueue()
        let outcome = await Self.handler(objects: ["Regional/bad.yaml": "TemplateName: R\n"])
            .handle(body: Self.s3Event("Regional/bad.yaml"), queue: queue, concurrency: 4)
        guard case .failed(let reason) = outcome else { Issue.record("\(outcome)"); return }
        #expect(reason.contains("s3://template-bucket/Regional/bad.yaml"))
        #expect(queue.sent(to: Self.queueURL).isEmpty)
    }

    @Test func aRefusedSendFailsTheFanOutMessage() async {
        let queue = InMemoryQueue(refusedIds: ["000000000001us-east-2"])
        let outcome = await Self.handler(objects: ["Regional/a.yaml": Self.valid])
            .handle(body: Self.s3Event("Regional/a.yaml"), queue: queue, concurrency: 4)
        #expect(outcome == .failed("1 of 2 message(s) for RegionalShip were not sent"))
    }

    @Test func otherBucketsFailMissingTemplatesFailAndTheRestIsSkipped() async {
        let handler = Self.handler(objects: [:])
        let queue = InMemoryQueue()
        #expect(await handler.handle(body: Self.s3Event("Regional/a.yaml", bucket: "other"), queue: queue, concurrency: 1)
                == .failed("event for bucket other, not template-bucket"))
        guard case .failed = await handler.handle(body: Self.s3Event("Regional/missing.yaml"), queue: queue, concurrency: 1) else {
            Issue.record("a missing template must fail"); return
        }
        #expect(await handler.handle(body: Self.s3Event("Regional/a.txt"), queue: queue, concurrency: 1) == .skipped("nothing to task"))
        #expect(await handler.handle(body: Self.s3Event("Nobody/a.yaml"), queue: queue, concurrency: 1) == .skipped("nothing to task"))
        #expect(await handler.handle(body: Self.s3Event("Regional/a.yaml", event: "ObjectRemoved:Delete"), queue: queue, concurrency: 1)
                == .skipped("nothing to task"))
        #expect(await handler.handle(body: #"{"Service": "Amazon S3", "Event": "s3:TestEvent"}"#, queue: queue, concurrency: 1)
                == .skipped("unsupported event"))
        #expect(queue.sent(to: Self.queueURL).isEmpty)
    }

    @Test func timedTaskingsFanOutTheNamedTemplate() async {
        let queue = InMemoryQueue()
        let outcome = await Self.handler(objects: ["Regional/a.yaml": Self.valid])
            .handle(body: #"{"worker_ship": "RegionalShip", "template_prefix": "Regional/a.yaml"}"#, queue: queue, concurrency: 1)
        #expect(outcome == .succeeded)
        #expect(queue.sent(to: Self.queueURL).count == 2)
        #expect(await Self.handler(objects: [:]).handle(body: #"{"worker_ship": "Nope", "template_prefix": "x.yaml"}"#, queue: queue, concurrency: 1)
                == .failed("no enabled worker ship named Nope"))
    }
}
