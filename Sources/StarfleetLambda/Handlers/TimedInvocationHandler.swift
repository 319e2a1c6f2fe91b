import Foundation
import Logging
import Starfleet

/// `starbase-timed`: the EventBridge schedule's event `{"name": "<FREQUENCY>"}` → one tasking
/// message per template of every enabled ship timed at that frequency, on the fan-out queue
/// (the same steps as `starfleet starbase timed`).
struct TimedInvocationHandler: InvocationHandler {
    let registry: ShipRegistry
    let templateBucket: String
    let fanOutQueueURL: String
    let store: any TemplateStore
    let queue: any MessageQueue

    private struct Event: Decodable { let name: String? }

    func handle(_ invocation: Invocation, logger: Logger) async throws(InvocationError) -> Data {
        guard let event = try? JSONDecoder().decode(Event.self, from: invocation.event), let name = event.name else {
            throw .invalidEvent("expected {\"name\": \"<FREQUENCY>\"}, got \(String(decoding: invocation.event.prefix(200), as: UTF8.self))")
        }
        guard let frequency = EventBridgeFrequency(rawValue: name) else {
            throw .invalidEvent("'\(name)' is not a valid EventBridgeFrequency")
        }
        let ships = TimedTasking.ships(for: frequency, in: registry)
        guard !ships.isEmpty else {
            logger.info("[🌑] No ships to task for the timed event: \(frequency.rawValue).")
            return Self.response(frequency, messages: 0)
        }
        let plan = await TimedTasking.plan(ships: ships, bucket: templateBucket, store: store, logger: logger)
        let messages = plan.messages
        var problems = plan.listingFailures.map(\.description)
        if !messages.isEmpty {
            do {
                let failures = try await queue.send(messages, to: fanOutQueueURL, concurrency: 1)
                for failure in failures { logger.error("[❌] Tasking message \(failure) was not sent.") }
                if !failures.isEmpty { problems.append("\(failures.count) tasking message(s) were not sent") }
            } catch {
                problems.append("sending to the fan-out queue \(fanOutQueueURL) failed: \(error)")
            }
        }
        logger.info("[⏰] Tasked \(plan.taskings.count) template(s) for \(frequency.rawValue).")
        guard problems.isEmpty else { throw .failed(problems.joined(separator: "; ")) }
        return Self.response(frequency, messages: messages.count)
    }

    static func response(_ frequency: EventBridgeFrequency, messages: Int) -> Data {
        Data(#"{"frequency": "\#(frequency.rawValue)", "tasked": \#(messages)}"#.utf8)
    }
}
