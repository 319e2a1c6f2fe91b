import Foundation
import Logging
import Starfleet
import Testing

@testable import StarfleetLambda

@Suite struct SQSEventBatchTests {
    static let logger = Logger(label: "test") { _ in SwiftLogNoOpLogHandler() }

    static func event(_ ids: [String]) -> Data {
        let records = ids.map { #"{"messageId": "\#($0)", "receiptHandle": "h", "body": "body-\#($0)", "attributes": {"ApproximateReceiveCount": "2"}}"# }
        return Data(#"{"Records": [\#(records.joined(separator: ","))]}"#.utf8)
    }

    @Test func everyRecordRunsAndOnlyTheFailedOnesAreReported() async throws {
        let seen = SeenBodies()
        let response = try await SQSEventBatch.handle(Self.event(["a", "b", "c", "d", "e"]), logger: Self.logger) { body, id, _ in
            await seen.add(body)
            switch id {
            case "b": return .failed("bad")
            case "d": return .failed("worse")
            case "e": return .skipped("not applicable")
            default: return .succeeded
            }
        }
        #expect(await seen.bodies == ["body-a", "body-b", "body-c", "body-d", "body-e"])
        #expect(String(decoding: response, as: UTF8.self)
                == #"{"batchItemFailures":[{"itemIdentifier":"b"},{"itemIdentifier":"d"}]}"#)
    }

    @Test func aCleanBatchAnswersAnEmptyFailureList() async throws {
        let response = try await SQSEventBatch.handle(Self.event(["a"]), logger: Self.logger) { _, _, _ in .succeeded }
        #expect(String(decoding: response, as: UTF8.self) == #"{"batchItemFailures":[]}"#)
    }

    @Test func somethingThatIsNotAnSQSEventFailsTheInvocation() async {
        await #expect(throws: InvocationError.self) {
            try await SQSEventBatch.handle(Data(#"{"name": "DAILY"}"#.utf8), logger: Self.logger) { _, _, _ in .succeeded }
        }
    }
}

private actor SeenBodies {
    var bodies: [String] = []
    func add(_ body: String) { bodies.append(body) }
}
