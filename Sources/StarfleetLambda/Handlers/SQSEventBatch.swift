import Foundation
import Logging
import Starfleet

/// An SQS event (`{"Records": [{"messageId", "body", "attributes": {…}}, …]}`) handled record by
/// record: every record runs, whatever happened to the others, and the answer lists the failed
/// ones as partial batch failures (`{"batchItemFailures": [{"itemIdentifier": messageId}]}`), so
/// the event source mapping (with `ReportBatchItemFailures`) deletes the rest. The original
/// failed the whole batch on one bad record.
enum SQSEventBatch {
    struct Event: Decodable {
        struct Record: Decodable {
            let messageId: String
            let body: String?
            let attributes: [String: String]?
        }
        let Records: [Record]
    }

    private struct Response: Encodable {
        struct Failure: Encodable { let itemIdentifier: String }
        let batchItemFailures: [Failure]
    }

    typealias RecordHandler = @Sendable (_ body: String, _ messageId: String, _ logger: Logger) async -> MessageOutcome

    static func handle(_ event: Data, logger: Logger, _ handleRecord: RecordHandler) async throws(InvocationError) -> Data {
        let decoded: Event
        do {
            decoded = try JSONDecoder().decode(Event.self, from: event)
        } catch {
            throw .invalidEvent("not an SQS event (expected Records with messageId and body): \(String(decoding: event.prefix(200), as: UTF8.self))")
        }
        var failures: [String] = []
        for record in decoded.Records {
            var log = logger
            log[metadataKey: "message_id"] = .string(record.messageId)
            let receiveCount = record.attributes?["ApproximateReceiveCount"] ?? "?"
            log[metadataKey: "receive_count"] = .string(receiveCount)
            log.info("[📨] Message \(record.messageId) received (receive count \(receiveCount)).")
            guard let body = record.body else {
                log.error("[💥] Message \(record.messageId) has no body.")
                failures.append(record.messageId)
                continue
            }
            let outcome = await handleRecord(body, record.messageId, log)
            switch outcome {
            case .succeeded, .skipped:
                log.info("[✅] Message \(record.messageId) done.")
            case .retained(let reason), .failed(let reason):
                log.error("[💥] Message \(record.messageId) failed (receive count \(receiveCount)): \(reason). Left on the queue for its redrive policy.")
                failures.append(record.messageId)
            }
        }
        logger.info("[📦] Batch of \(decoded.Records.count) message(s): \(decoded.Records.count - failures.count) done, \(failures.count) failed.")
        let response = Response(batchItemFailures: failures.map { Response.Failure(itemIdentifier: $0) })
        return (try? JSONEncoder().encode(response)) ?? Data(#"{"batchItemFailures":[]}"#.utf8)
    }
}
