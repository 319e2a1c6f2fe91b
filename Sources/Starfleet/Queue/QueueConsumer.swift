import Logging

/// Takes messages off one queue and hands each to a handler, `concurrency` at a time.
///
/// Success (or a skip) deletes the message; a failure leaves it, so the queue's visibility
/// timeout and redrive policy decide what happens next (as with Lambda). While a handler runs
/// longer than half the visibility timeout, the message's visibility is extended (heartbeat).
/// A ``StopRequest`` stops receiving; messages already taken are finished.
public struct QueueConsumer: Sendable {
    public struct Summary: Sendable, Equatable {
        public var succeeded = 0
        public var skipped = 0
        public var failed = 0

        public init() {}

        public var handled: Int { succeeded + skipped + failed }
    }

    public typealias Handler = @Sendable (_ message: QueuedMessage, _ logger: Logger) async -> MessageOutcome

    public let queue: any MessageQueue
    public let queueURL: String
    public let concurrency: Int
    /// Stop when a receive (1-second wait) finds nothing and nothing is in flight.
    public let once: Bool
    public let waitSeconds: Int
    /// The queue's visibility timeout (heartbeat period is half of it; 0 disables the heartbeat).
    public let visibilityTimeout: Int
    public let stop: StopRequest
    public let logger: Logger

    public init(queue: any MessageQueue, queueURL: String, concurrency: Int, once: Bool, waitSeconds: Int = 20,
                visibilityTimeout: Int, stop: StopRequest, logger: Logger) {
        self.queue = queue
        self.queueURL = queueURL
        self.concurrency = max(1, concurrency)
        self.once = once
        self.waitSeconds = waitSeconds
        self.visibilityTimeout = visibilityTimeout
        self.stop = stop
        self.logger = logger
    }

    public func run(_ handle: @escaping Handler) async -> Summary {
        var summary = Summary()
        func record(_ outcome: MessageOutcome) {
            switch outcome {
            case .succeeded: summary.succeeded += 1
            case .skipped, .retained: summary.skipped += 1
            case .failed: summary.failed += 1
            }
        }
        await withTaskGroup(of: MessageOutcome.self) { group in
            var inFlight = 0
            var receiveFailures = 0
            while !stop.isRequested {
                if inFlight >= concurrency {
                    if let outcome = await group.next() { record(outcome); inFlight -= 1 }
                    continue
                }
                let received: [QueuedMessage]
                switch await receiveUnlessStopped(maxMessages: min(10, concurrency - inFlight)) {
                case .stopped:
                    break
                case .failed(let error):
                    receiveFailures += 1
                    logger.error("[❌] Receiving from \(queueURL) failed: \(error)")
                    if once {
                        summary.failed += 1
                        stop.request()
                    } else {
                        await pause(seconds: min(30, 1 << min(receiveFailures, 5)))
                    }
                    continue
                case .received(let messages):
                    receiveFailures = 0
                    received = messages
                    if received.isEmpty {
                        if once {
                            // The queue looks empty; finish what runs before deciding.
                            guard inFlight > 0 else { break }
                            if let outcome = await group.next() { record(outcome); inFlight -= 1 }
                        }
                        continue
                    }
                    for message in received {
                        inFlight += 1
                        group.addTask { await process(message, handle) }
                    }
                    continue
                }
                // Reached only from a `break` above (a `break` in a case leaves the switch): stop receiving.
                break
            }
            for await outcome in group { record(outcome) }
        }
        return summary
    }

    private enum Receive {
        case received([QueuedMessage])
        case failed(any Error)
        case stopped
    }

    /// A long poll that a stop request cuts short.
    private func receiveUnlessStopped(maxMessages: Int) async -> Receive {
        let wait = once ? 1 : waitSeconds
        return await withTaskGroup(of: Receive.self) { group in
            group.addTask {
                do {
                    return .received(try await queue.receive(from: queueURL, maxMessages: maxMessages, waitSeconds: wait))
                } catch {
                    return Task.isCancelled ? .stopped : .failed(error)
                }
            }
            group.addTask {
                await stop.wait()
                return .stopped
            }
            let first = await group.next() ?? .stopped
            group.cancelAll()
            return first
        }
    }

    private func pause(seconds: Int) async {
        await withTaskGroup(of: Void.self) { group in
            group.addTask { try? await Task.sleep(nanoseconds: UInt64(seconds) * 1_000_000_000) }
            group.addTask { await stop.wait() }
            await group.next()
            group.cancelAll()
        }
    }

    private func process(_ message: QueuedMessage, _ handle: Handler) async -> MessageOutcome {
        var log = logger
        log[metadataKey: "message_id"] = .string(message.messageId)
        log[metadataKey: "receive_count"] = .string(String(message.receiveCount))
        log.info("[📨] Message \(message.messageId) received (receive count \(message.receiveCount)).")
        let heartbeat = startHeartbeat(for: message, logger: log)
        let outcome = await handle(message, log)
        heartbeat?.cancel()
        switch outcome {
        case .succeeded, .skipped:
            do {
                try await queue.delete(message, from: queueURL)
                log.info("[🗑️] Message \(message.messageId) done and deleted.")
            } catch {
                // Not deleted: it comes back after the visibility timeout; the handlers are idempotent.
                log.error("[❌] Message \(message.messageId) was handled but could not be deleted: \(error)")
            }
        case .retained(let reason):
            log.info("[📌] Message \(message.messageId) left on the queue: \(reason).")
        case .failed(let reason):
            log.error("[💥] Message \(message.messageId) failed (receive count \(message.receiveCount)): \(reason). Left on the queue for its redrive policy.")
        }
        return outcome
    }

    private func startHeartbeat(for message: QueuedMessage, logger: Logger) -> Task<Void, Never>? {
        guard visibilityTimeout >= 2 else { return nil }
        let period = UInt64(visibilityTimeout / 2) * 1_000_000_000
        return Task { [queue, queueURL, visibilityTimeout] in
            while !Task.isCancelled {
                do {
                    try await Task.sleep(nanoseconds: period)
                    try await queue.extendVisibility(of: message, in: queueURL, seconds: visibilityTimeout)
                    logger.debug("[💓] Extended the visibility of \(message.messageId) by \(visibilityTimeout) s.")
                } catch is CancellationError {
                    return
                } catch {
                    logger.warning("[⚠️] Could not extend the visibility of \(message.messageId): \(error)")
                }
            }
        }
    }
}
