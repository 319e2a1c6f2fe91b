import Foundation
import Logging
import Starfleet
import Synchronization
import Testing

/// The polling loop: deletes on success, leaves failures, stops on request, heartbeats long runs.
@Suite struct QueueConsumerTests {
    static let logger = Logger(label: "test") { _ in SwiftLogNoOpLogHandler() }

    static func consumer(_ queue: InMemoryQueue, concurrency: Int = 2, once: Bool = true, visibility: Int = 30,
                         stop: StopRequest = StopRequest()) -> QueueConsumer {
        QueueConsumer(queue: queue, queueURL: "q", concurrency: concurrency, once: once, waitSeconds: 1,
                      visibilityTimeout: visibility, stop: stop, logger: logger)
    }

    @Test func successAndSkipsAreDeletedFailuresAreLeftForTheRedrivePolicy() async {
        let queue = InMemoryQueue(bodies: ["ok", "fail", "skip", "ok"])
        let summary = await Self.consumer(queue).run { message, _ in
            switch message.body {
            case "fail": return .failed("boom")
            case "skip": return .skipped("nothing")
            default: return .succeeded
            }
        }
        #expect(summary.succeeded == 2)
        #expect(summary.skipped == 1)
        #expect(summary.failed == 1)
        #expect(queue.deleted.sorted() == ["m1", "m3", "m4"])
    }

    @Test func onceStopsWhenTheQueueIsEmptyAfterEverythingInFlightFinished() async {
        let queue = InMemoryQueue(bodies: (1...25).map(String.init))
        let running = Mutex((now: 0, peak: 0))
        let summary = await Self.consumer(queue, concurrency: 3).run { _, _ in
            running.withLock { $0.now += 1; $0.peak = max($0.peak, $0.now) }
            try? await Task.sleep(nanoseconds: 5_000_000)
            running.withLock { $0.now -= 1 }
            return .succeeded
        }
        #expect(summary.succeeded == 25)
        #expect(queue.deleted.count == 25)
        #expect(running.withLock { $0.peak } <= 3)
    }

    @Test func aStopRequestFinishesInFlightMessagesAndTakesNoMore() async {
        let queue = InMemoryQueue(bodies: ["a", "b", "c", "d"])
        let stop = StopRequest()
        let summary = await Self.consumer(queue, concurrency: 1, once: false, stop: stop).run { _, _ in
            stop.request()
            try? await Task.sleep(nanoseconds: 20_000_000)
            return .succeeded
        }
        #expect(summary.succeeded == 1)
        #expect(queue.deleted == ["m1"])
    }

    @Test func aStopRequestEndsAnIdleLongPoll() async {
        let queue = InMemoryQueue()
        let stop = StopRequest()
        let started = Date()
        async let summary = Self.consumer(queue, once: false, stop: stop).run { _, _ in .succeeded }
        try? await Task.sleep(nanoseconds: 100_000_000)
        stop.request()
        #expect(await summary.handled == 0)
        #expect(Date().timeIntervalSince(started) < 120, "a hang guard: the stop must end the poll")
    }

    @Test func longRunsExtendTheVisibility() async {
        let queue = InMemoryQueue(bodies: ["slow"], visibility: 2)
        // The message runs until the heartbeat has extended it (1 s period), or 60 s: no race with a
        // fixed sleep on a loaded machine.
        _ = await Self.consumer(queue, visibility: 2).run { _, _ in
            let deadline = Date().addingTimeInterval(60)
            while queue.extended.isEmpty && Date() < deadline {
                try? await Task.sleep(nanoseconds: 100_000_000)
            }
            return .succeeded
        }
        #expect(queue.extended.count >= 1)
        #expect(queue.extended.allSatisfy { $0 == "m1" })
    }
}
