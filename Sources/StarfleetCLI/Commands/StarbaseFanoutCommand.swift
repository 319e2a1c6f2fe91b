import ArgumentParser
import Logging
import Starfleet
import StarfleetSchema

/// `starfleet starbase fanout`: the consumer of the fan-out queue.
struct StarbaseFanoutCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fanout",
        abstract: "Consume the fan-out queue: validate each template and send one message per target to its ship's queue.",
        discussion: """
        A fan-out message is deleted only after every one of its sends succeeded; a failed one stays for the
        queue's redrive policy. Runs until SIGTERM/SIGINT (then finishes what it holds and exits 0).
        Exit codes with --once: 0 every message succeeded, 3 otherwise; 1 invalid configuration; 2 usage.
        """
    )

    @OptionGroup var global: GlobalOptions

    @Flag(name: .customLong("dry-run"), help: "Print the messages that would be sent; send and delete nothing.")
    var dryRun = false

    @Option(help: "Fan-out messages handled at a time; each sends up to 16 batches at a time.")
    var concurrency = 1

    @Option(name: .customLong("send-concurrency"), help: "SendMessageBatch calls in flight per fan-out message.")
    var sendConcurrency = 16

    @OptionGroup var consumer: ConsumerOptions

    func run() async throws {
        let configuration = try global.loadConfiguration()
        let logger = RunLogging.bootstrap(format: consumer.logFormat.format, level: Logger.Level(pythonName: configuration.logLevel),
                                          ship: "Starbase", mode: dryRun ? "dry-run" : "commit")
        let shutdown = GracefulShutdown(logger: logger, gracePeriod: consumer.gracePeriod)
        let runtime = try FleetRuntime(configuration: configuration, accountIndexFile: consumer.accountIndex, environment: global.environment)
        guard let bucket = configuration.templateBucket, let fanOutQueue = configuration.fanOutQueueURL else {
            throw CLIFailure(.invalid, "STARFLEET.TemplateBucket and STARFLEET.FanOutQueueUrl are required")
        }
        let queue = try runtime.queue()
        let handler = FanOutHandler(registry: runtime.registry, templateBucket: bucket, scopeToRegions: configuration.scopeToRegions,
                                    store: try runtime.templateStore(), accountIndex: runtime.accountIndex, logger: logger)
        let visibility = try await runtime.visibilityTimeout(of: fanOutQueue, queue: queue)
        logger.info("[🛰️] Starbase fan-out consuming \(fanOutQueue)\(dryRun ? " (dry run: nothing is sent or deleted)" : "").")
        let queueConsumer = QueueConsumer(queue: queue, queueURL: fanOutQueue, concurrency: concurrency, once: consumer.once,
                                     visibilityTimeout: visibility, stop: shutdown.stop, logger: logger)
        let dryRun = self.dryRun
        let sendConcurrency = self.sendConcurrency
        let summary = await queueConsumer.run { message, log in
            guard dryRun else {
                return await handler.with(logger: log).handle(body: message.body, queue: queue, concurrency: sendConcurrency)
            }
            let (taskings, outcome) = await handler.with(logger: log).plan(body: message.body)
            for tasking in taskings {
                for outgoing in tasking.messages {
                    Output.out(JSONWriter(indent: 0).string(.map([
                        "ship": .string(tasking.ship), "queue_url": .string(tasking.queueURL),
                        "Id": .string(outgoing.id), "MessageBody": .string(outgoing.body),
                    ])))
                }
            }
            if case .failed = outcome { return outcome }
            return .retained("dry run")
        }
        logger.info("[🛰️] Fan-out stopped: \(summary.succeeded) tasked, \(summary.skipped) skipped, \(summary.failed) failed.")
        withExtendedLifetime(shutdown) {}
        try consumer.finish(summary, stop: shutdown.stop)
    }
}
