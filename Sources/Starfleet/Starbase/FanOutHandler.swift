import Foundation
import Logging
import StarfleetSchema

/// The Starbase's fan-out step for one message of the fan-out queue (SPEC §7.2–7.4): find the
/// ship and template, fetch and validate it, resolve its targets with the same code as
/// `starfleet fanout` (``FanOutPlan``), and build one message per target.
///
/// Callable without a polling loop (the Lambda adapter hands it one record body at a time).
public struct FanOutHandler: Sendable {
    /// The messages for one ship's queue.
    public struct Tasking: Sendable, Equatable {
        public let ship: String
        public let templateKey: String
        public let queueURL: String
        public let messages: [OutgoingMessage]
    }

    public let registry: ShipRegistry
    public let templateBucket: String
    public let scopeToRegions: [String]
    public let store: any TemplateStore
    public let accountIndex: @Sendable () async throws(AccountIndexError) -> any AccountIndex
    public let logger: Logger

    public init(registry: ShipRegistry, templateBucket: String, scopeToRegions: [String], store: any TemplateStore,
                accountIndex: @escaping @Sendable () async throws(AccountIndexError) -> any AccountIndex, logger: Logger) {
        self.registry = registry
        self.templateBucket = templateBucket
        self.scopeToRegions = scopeToRegions
        self.store = store
        self.accountIndex = accountIndex
        self.logger = logger
    }

    /// Plans and sends; the outcome says whether the fan-out message may be deleted (only when
    /// every send succeeded).
    public func handle(body: String, queue: any MessageQueue, concurrency: Int) async -> MessageOutcome {
        let (taskings, outcome) = await plan(body: body)
        guard outcome == .succeeded else { return outcome }
        for tasking in taskings {
            let failures: [MessageSendFailure]
            do {
                failures = try await queue.send(tasking.messages, to: tasking.queueURL, concurrency: concurrency)
            } catch {
                logger.error("[❌] Tasking \(tasking.ship) failed: \(error)")
                return .failed("sending to \(tasking.queueURL) failed: \(error)")
            }
            if !failures.isEmpty {
                for failure in failures.prefix(20) {
                    logger.error("[❌] Message \(failure.id) for \(tasking.ship) was not sent: \(failure.code) \(failure.message)")
                }
                return .failed("\(failures.count) of \(tasking.messages.count) message(s) for \(tasking.ship) were not sent")
            }
            logger.info("[🛸] Worker Ship: \(tasking.ship) tasked with \(tasking.messages.count) message(s) for \(tasking.templateKey)")
        }
        return .succeeded
    }

    /// What a fan-out message asks for, without sending anything.
    public func plan(body: String) async -> (taskings: [Tasking], outcome: MessageOutcome) {
        switch FanOutEvent.parse(body) {
        case .unsupported(let excerpt):
            logger.error("[👽] Received an event: `\(excerpt)` we don't support! Dropping it.")
            return ([], .skipped("unsupported event"))
        case .timed(let shipName, let key):
            guard let ship = registry.status(named: shipName), ship.state == .enabled else {
                logger.error("[❌] No enabled worker ship named \(shipName) for the timed event.")
                return ([], .failed("no enabled worker ship named \(shipName)"))
            }
            return await fanOut(ship: ship, key: key)
        case .s3(let records):
            if records.count > 1 {
                logger.error("[🚨] Received \(records.count) nested events! Going to loop over them.")
            }
            var taskings: [Tasking] = []
            for record in records {
                guard record.isObjectCreated else {
                    logger.notice("[⏭️] Skipping S3 event \(record.eventName) for \(record.key).")
                    continue
                }
                guard record.bucket == templateBucket else {
                    logger.error("[❌] The S3 event is for bucket \(record.bucket), not the TemplateBucket \(templateBucket).")
                    return ([], .failed("event for bucket \(record.bucket), not \(templateBucket)"))
                }
                guard record.key.hasSuffix(".yaml") else {
                    logger.warning("[⏭️] Received an object prefix that is not a recognized template: \(record.key). We only process files that end in `.yaml`. Skipping.")
                    continue
                }
                guard let ship = TemplateOwnership.owner(of: record.key, in: registry) else {
                    logger.warning("[⏭️] Received S3 payload for object: \(record.key) that we can't find a ship to handle. Skipping.")
                    continue
                }
                logger.info("[🧑‍🚀] Identified worker ship: \(ship.name) for S3 template: \(record.key).")
                let (more, outcome) = await fanOut(ship: ship, key: record.key)
                guard outcome == .succeeded else { return (taskings, outcome) }
                taskings += more
            }
            return (taskings, taskings.isEmpty ? .skipped("nothing to task") : .succeeded)
        }
    }

    /// SPEC §7.4 for one (ship, template key) pair.
    func fanOut(ship: ShipStatus, key: String) async -> (taskings: [Tasking], outcome: MessageOutcome) {
        guard let queueURL = ship.invocationQueueURL else { return ([], .failed("\(ship.name) has no InvocationQueueUrl")) }
        let data: Data
        do {
            data = try await store.object(bucket: templateBucket, key: key)
        } catch {
            logger.error("\(error.description)")
            return ([], .failed(error.description))
        }
        let file = "s3://\(templateBucket)/\(key)"
        let template: YAMLNode
        do {
            template = try YAMLReader().read(data, file: file)
        } catch {
            logger.error("[❌] \(error.description)")
            return ([], .failed(error.description))
        }
        let shipType = ship.shipType
        let strategy = shipType.fanOutStrategy
        guard shipType.payloadTemplate.lineage.contains(strategy.requiredPayloadBase) else {
            let refusal = RunRefusal.wrongTemplate(ship: ship.name, required: strategy.requiredPayloadBase)
            logger.error("[❌] \(refusal.description)")
            return ([], .failed(refusal.description))
        }
        let result = shipType.payloadTemplate.loadResult(template)
        guard result.isValid else {
            let refusal = RunRefusal.invalidPayload(result.errors, file: file)
            logger.error("\(refusal.description)")
            return ([], .failed("invalid template \(file)"))
        }
        let builder = FanOutMessageBuilder(template: template)
        var resolver: AccountResolver?
        if strategy != .singleInvocation {
            do {
                resolver = AccountResolver(index: try await accountIndex(), scopeToRegions: scopeToRegions)
            } catch {
                logger.error("[❌] \(error.description)")
                return ([], .failed(error.description))
            }
        }
        let plan = FanOutPlan.make(strategy: strategy, payload: Payload(result.data), resolver: resolver)
        guard plan.invocationCount > 0 else {
            let what = strategy == .account ? "accounts" : "accounts/regions"
            logger.error("[🤷‍♂️] The worker ship: \(ship.name)'s template at \(templateBucket)/\(key) has no \(what) to task!")
            return ([], .skipped("no targets"))
        }
        let tasking = Tasking(ship: ship.name, templateKey: key, queueURL: queueURL, messages: builder.messages(for: plan))
        return ([tasking], .succeeded)
    }
}

extension FanOutHandler {
    /// The same handler logging through `logger` (per-message metadata).
    public func with(logger: Logger) -> FanOutHandler {
        FanOutHandler(registry: registry, templateBucket: templateBucket, scopeToRegions: scopeToRegions, store: store,
                      accountIndex: accountIndex, logger: logger)
    }
}
