import ArgumentParser
import Logging
import Starfleet
import StarfleetRuntime
import StarfleetSchema

/// `starfleet worker SHIP`: the consumer of one ship's queue.
struct WorkerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "worker",
        abstract: "Consume a ship's queue: run the ship on each message, as `starfleet run` would (a dry run unless --commit).",
        discussion: """
        Success deletes the message; a failure leaves it for the queue's visibility timeout and redrive policy
        (maxReceiveCount → dead-letter queue). STARFLEET_COMMIT=true (any case) also means commit.
        SIGTERM/SIGINT: stop receiving, finish in-flight messages, exit 0; a second signal aborts (130).
        Exit codes with --once: 0 every message succeeded, 3 otherwise; 1 invalid configuration or disabled ship; 2 usage.
        """
    )

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The worker ship whose queue to consume.")
    var ship: String

    @Flag(help: "Apply changes. Without it (and without STARFLEET_COMMIT=true) the ship only reports what it would do.")
    var commit = false

    @Option(help: "Messages run at a time.")
    var concurrency = 1

    @OptionGroup var consumer: ConsumerOptions

    func run() async throws {
        let configuration = try global.loadConfiguration()
        let environment = global.environment
        let fromEnvironment = environment["STARFLEET_COMMIT"]?.lowercased() == "true"
        let commit = self.commit || fromEnvironment
        let logger = RunLogging.bootstrap(format: consumer.logFormat.format, level: Logger.Level(pythonName: configuration.logLevel),
                                          ship: ship, mode: commit ? .commit : .dryRun)
        let shutdown = GracefulShutdown(logger: logger, gracePeriod: consumer.gracePeriod)
        let runtime = try FleetRuntime(configuration: configuration, accountIndexFile: consumer.accountIndex, environment: environment)
        let status: ShipStatus
        do {
            status = try runtime.registry.startableShip(named: ship)
        } catch {
            throw CLIFailure(error.exitCode == 1 ? .invalid : .usage, error.description)
        }
        if status.shipType.fanOutStrategy != .singleInvocation {
            // Every message of this ship resolves accounts: without an index, say so now, not once per message.
            do {
                _ = try AccountIndexSource.resolve(configuration: configuration, overrideFile: consumer.accountIndex)
            } catch {
                throw CLIFailure(.usage, error.description)
            }
        }
        guard let queueURL = status.invocationQueueURL else {
            throw CLIFailure(.invalid, "\(ship) has no InvocationQueueUrl")
        }
        let queue = try runtime.queue()
        let visibility = try await runtime.visibilityTimeout(of: queueURL, queue: queue)
        let why = self.commit ? "--commit" : (fromEnvironment ? "STARFLEET_COMMIT=true" : "no --commit and no STARFLEET_COMMIT=true")
        logger.notice(commit ? "[⚠️] COMMIT mode (\(why)): changes will be applied."
                             : "[🔍] DRY RUN (\(why)): nothing will be changed.")
        logger.info("[👷] Worker \(ship) consuming \(queueURL) with concurrency \(concurrency) (visibility timeout \(visibility) s).")

        let indexCache = runtime.indexCache
        let alerts = runtime.alertRouting()
        let handler = WorkerMessageHandler(
            shipName: ship, registry: runtime.registry, scopeToRegions: configuration.scopeToRegions, commit: commit,
            accountIndex: runtime.accountIndex,
            makeContext: { shipConfiguration, log in
                ShipContext(configuration: configuration, shipConfiguration: shipConfiguration, logger: log,
                            alerts: alerts.sender(logger: log),
                            accountIndex: { try await indexCache.index() }, environment: environment)
            })
        let queueConsumer = QueueConsumer(queue: queue, queueURL: queueURL, concurrency: concurrency, once: consumer.once,
                                     visibilityTimeout: visibility, stop: shutdown.stop, logger: logger)
        let summary = await queueConsumer.run { message, log in
            await handler.handle(body: message.body, messageId: message.messageId, logger: log)
        }
        logger.info("[👷] Worker \(ship) stopped: \(summary.succeeded) succeeded, \(summary.skipped) skipped, \(summary.failed) failed.")
        withExtendedLifetime(shutdown) {}
        try consumer.finish(summary, stop: shutdown.stop)
    }
}
