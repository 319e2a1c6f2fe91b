import Foundation
import Logging
import Starfleet

/// `worker:<Ship>`: records of the ship's queue, each run by ``WorkerMessageHandler`` (as
/// `starfleet worker` does), with partial batch failures.
struct WorkerInvocationHandler: InvocationHandler {
    let handler: WorkerMessageHandler

    func handle(_ invocation: Invocation, logger: Logger) async throws(InvocationError) -> Data {
        let handler = self.handler
        return try await SQSEventBatch.handle(invocation.event, logger: logger) { body, messageId, log in
            await handler.handle(body: body, messageId: messageId, logger: log)
        }
    }
}
