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

    @Flag(help: "Stop when a receive with a 1-second wait returns nothing.")
    var once = false

    @Flag(name: .customLong("dry-run"), help: "Print the messages that would be sent; send and delete nothing.")
    var dryRun = false

    @Option(help: "Fan-out messages handled at a time; each sends up to 16 batches at a time.")
    var concurrency = 1

    @Option(name: .customLong("send-concurrency"), help: "SendMessageBatch calls in flight per fan-out message.")
    var sendConcurrency = 16

    @Option(name: .customLong("account-index"), help: "Read the account index from this JSON file instead of S3.")
    var accountIndex: String?

    @Option(name: .customLong("log-format"), help: "Log format on stderr: text or jsonl.")
    var logFormat: LogFormatArgument = .text

    @Option(name: .customLong("grace-period"), help: "Seconds in-flight messages may take after SIGTERM/SIGINT.")
    var gracePeriod = 300.0

    func run() async throws {
        let configuration = try global.loadConfiguration()
        let logger = RunLogging.bootstrap(format: logFormat.format, level: Logger.Level(pythonName: configuration.logLevel),
                                          ship: "Starbase", mode: dryRun ? "dry-run" : "commit")
        let shutdown = GracefulShutdown(logger: logger, gracePeriod: gracePeriod)
        let runtime = try FleetRuntime(configuration: configuration, accountIndexFile: accountIndex, environment: global.environment)
        guard let bucket = configuration.templateBucket, let fanOutQueue = configuration.fanOutQueueURL else {
            throw CLIFailure(.invalid, "STARFLEET.TemplateBucket and STARFLEET.FanOutQueueUrl are required")
        }
        let queue = try runtime.queue()
        let handler = FanOutHandler(registry: runtime.registry, templateBucket: bucket, scopeToRegions: configuration.scopeToRegions,
                                    store: try runtime.templateStore(), accountIndex: runtime.accountIndex, logger: logger)
        let visibility = try await runtime.visibilityTimeout(of: fanOutQueue, queue: queue)
        logger.info("[🛰️] Starbase fan-out consuming \(fanOutQueue)\(dryRun ? " (dry run: nothing is sent or deleted)" : "").")
        let consumer = QueueConsumer(queue: queue, queueURL: fanOutQueue, concurrency: concurrency, once: once,
                                     visibilityTimeout: visibility, stop: shutdown.stop, logger: logger)
        let dryRun = self.dryRun
        let sendConcurrency = self.sendConcurrency
        let summary = await consumer.run { message, log in
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
        if once, summary.failed > 0, !shutdown.stop.isRequested { throw CLIFailure(.executionFailed, nil) }
    }
}
