import Starfleet
import Testing

/// What arrives on the fan-out queue: timed taskings, S3 notifications, everything else.
@Suite struct FanOutEventTests {
    @Test func timedTaskingsNameTheShipAndTemplate() {
        #expect(FanOutEvent.parse(#"{"worker_ship": "IamRoleWorkerShip", "template_prefix": "IamRoleWorkerShip/a.yaml"}"#)
                == .timed(ship: "IamRoleWorkerShip", templateKey: "IamRoleWorkerShip/a.yaml"))
    }

    @Test func s3RecordsAreDecodedKeysIncluded() {
        let body = #"""
            {"Records": [{"eventName": "ObjectCreated:Put", "s3": {"bucket": {"name": "templates"}, "object": {"key": "Iam/a+b%2Bc.yaml"}}},
                         {"eventName": "ObjectRemoved:Delete", "s3": {"bucket": {"name": "templates"}, "object": {"key": "Iam/x.yaml"}}},
                         {"eventSource": "aws:sns"}]}
            """#
        guard case .s3(let records) = FanOutEvent.parse(body) else { Issue.record("not an S3 event"); return }
        #expect(records == [
            .init(eventName: "ObjectCreated:Put", bucket: "templates", key: "Iam/a b+c.yaml"),
            .init(eventName: "ObjectRemoved:Delete", bucket: "templates", key: "Iam/x.yaml"),
        ])
        #expect(records.map(\.isObjectCreated) == [true, false])
    }

    @Test(arguments: [#"{"Service": "Amazon S3", "Event": "s3:TestEvent", "Bucket": "templates"}"#, "not json", "[1, 2]",
                      #"{"worker_ship": ""}"#])
    func anythingElseIsUnsupported(body: String) {
        guard case .unsupported = FanOutEvent.parse(body) else { Issue.record("parsed \(body)"); return }
    }
}
