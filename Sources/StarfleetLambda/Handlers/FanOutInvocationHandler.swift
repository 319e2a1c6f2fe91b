import Foundation
import Logging
import Starfleet

/// `starbase-fanout`: records of the fan-out queue, each handed to the Starbase's
/// ``FanOutHandler`` (as `starfleet starbase fanout` does), with partial batch failures.
struct FanOutInvocationHandler: InvocationHandler {
    let handler: FanOutHandler
    let queue: any MessageQueue
    /// SendMessageBatch calls in flight per fan-out message.
    let sendConcurrency: Int

    func handle(_ invocation: Invocation, logger: Logger) async throws(InvocationError) -> Data {
        let handler = self.handler
        let queue = self.queue
        let sendConcurrency = self.sendConcurrency
        return try await SQSEventBatch.handle(invocation.event, logger: logger) { body, _, log in
            await handler.with(logger: log).handle(body: body, queue: queue, concurrency: sendConcurrency)
        }
    }
}
