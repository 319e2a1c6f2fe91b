import Logging
import StarfleetSchema

/// One worker message (a payload as JSON, as the Starbase sends it) executed exactly as
/// `starfleet run` would: the same ``RunPreparation`` checks (ship enabled and valid, payload
/// valid, assigned account/region re-checked against the payload and the index), then
/// `execute(commit:)`. Outcomes are alerted through the ship's alert sender with the
/// `AlertConfiguration` priority rule.
///
/// Callable without a polling loop (the Lambda adapter hands it one record body at a time).
public struct WorkerMessageHandler: Sendable {
    public typealias ContextFactory = @Sendable (_ shipConfiguration: PayloadMap, _ logger: Logger) -> ShipContext

    public let shipName: String
    public let registry: ShipRegistry
    public let scopeToRegions: [String]
    public let commit: Bool
    public let accountIndex: @Sendable () async throws(AccountIndexError) -> any AccountIndex
    public let makeContext: ContextFactory

    public init(shipName: String, registry: ShipRegistry, scopeToRegions: [String], commit: Bool,
                accountIndex: @escaping @Sendable () async throws(AccountIndexError) -> any AccountIndex,
                makeContext: @escaping ContextFactory) {
        self.shipName = shipName
        self.registry = registry
        self.scopeToRegions = scopeToRegions
        self.commit = commit
        self.accountIndex = accountIndex
        self.makeContext = makeContext
    }

    public func handle(body: String, messageId: String, logger base: Logger) async -> MessageOutcome {
        var logger = base
        let shipConfiguration = registry.status(named: shipName)?.configuration ?? [:]
        let source = "message \(messageId)"
        let payload: YAMLNode
        do {
            payload = try YAMLReader().read(body, file: source)
        } catch {
            return await fail("the message body is not a payload: \(error.description)", messageId: messageId,
                              context: makeContext(shipConfiguration, logger))
        }
        let account = payload[FanOutMessageBuilder.accountKey]?.string
        let region = payload[FanOutMessageBuilder.regionKey]?.string
        if let account { logger[metadataKey: "account"] = .string(account) }
        if let region { logger[metadataKey: "region"] = .string(region) }
        let context = makeContext(shipConfiguration, logger)

        let request = RunRequest(shipName: shipName, payload: payload, payloadFile: source, accountId: account,
                                 region: region, mode: commit ? .commit : .dryRun)
        let prepared: PreparedRun
        do {
            prepared = try await RunPreparation(registry: registry, scopeToRegions: scopeToRegions)
                .prepare(request, accountIndex: accountIndex)
        } catch {
            switch error {
            case .accountNotApplicable, .accountRegionNotApplicable:
                // The original's worker returned normally here: the message is consumed.
                logger.warning("\(error.description)")
                return .skipped(error.description)
            case .missingOption(let option):
                let key = option == "--region" ? FanOutMessageBuilder.regionKey : FanOutMessageBuilder.accountKey
                return await fail("the message has no \(key)", messageId: messageId, context: context)
            default:
                return await fail(error.description, messageId: messageId, context: context)
            }
        }
        logger.info("[🆗] Template OK: Executing worker: \(shipName)\(account.map { " in \($0)" } ?? "")\(region.map { "/\($0)" } ?? "")...")
        do {
            try await prepared.ship.execute(commit: commit, context: context)
        } catch {
            return await fail("\(shipName) failed: \(error)", messageId: messageId, context: context)
        }
        logger.info("[✅] Done!")
        await context.sendAlert(.success, title: "\(shipName) finished",
                                body: "Message \(messageId)\(target(account, region)) ran in \(commit ? "commit" : "dry-run") mode.")
        return .succeeded
    }

    private func fail(_ reason: String, messageId: String, context: ShipContext) async -> MessageOutcome {
        context.logger.error("[💥] \(reason)")
        await context.sendAlert(.problem, title: "\(shipName) failed", body: "Message \(messageId): \(reason)")
        return .failed(reason)
    }

    private func target(_ account: String?, _ region: String?) -> String {
        guard let account else { return "" }
        return " for \(account)\(region.map { "/\($0)" } ?? "")"
    }
}
