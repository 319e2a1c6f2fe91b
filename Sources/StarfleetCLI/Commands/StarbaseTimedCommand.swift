import ArgumentParser
import Logging
import Starfleet
import StarfleetSchema

/// `starfleet starbase timed FREQUENCY`: what the EventBridge schedule triggers.
struct StarbaseTimedCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "timed",
        abstract: "Send one tasking message per template of every enabled ship timed at FREQUENCY to the fan-out queue.",
        discussion: "Exit codes: 0 done (or nothing to task), 1 invalid configuration, 2 usage, 3 a listing or send failed."
    )

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The EventBridge frequency: \(EventBridgeFrequency.allCases.map(\.rawValue).joined(separator: ", ")).")
    var frequency: String

    @Flag(name: .customLong("dry-run"), help: "Print the messages and send nothing.")
    var dryRun = false

    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text

    @Option(name: .customLong("log-format"), help: "Log format on stderr: text or jsonl.")
    var logFormat: LogFormatArgument = .text

    func run() async throws {
        guard let frequency = EventBridgeFrequency(rawValue: frequency) else {
            throw CLIFailure(.usage, "'\(self.frequency)' is not a valid EventBridgeFrequency")
        }
        let configuration = try global.loadConfiguration()
        let logger = RunLogging.bootstrap(format: logFormat.format, level: Logger.Level(pythonName: configuration.logLevel),
                                          ship: "Starbase", mode: dryRun ? .dryRun : .commit)
        let runtime = try FleetRuntime(configuration: configuration, accountIndexFile: nil, environment: global.environment)
        let ships = TimedTasking.ships(for: frequency, in: runtime.registry)
        guard !ships.isEmpty else {
            logger.info("[🌑] No ships to task for the timed event: \(frequency.rawValue).")
            print(messages: [])
            return
        }
        guard let bucket = configuration.templateBucket, let fanOutQueue = configuration.fanOutQueueURL else {
            throw CLIFailure(.invalid, "STARFLEET.TemplateBucket and STARFLEET.FanOutQueueUrl are required")
        }
        let store = try runtime.templateStore()
        let plan = await TimedTasking.plan(ships: ships, bucket: bucket, store: store, logger: logger)
        let taskings = plan.taskings
        var failed = !plan.listingFailures.isEmpty
        let messages = plan.messages
        print(messages: messages)
        if !dryRun, !messages.isEmpty {
            do {
                let failures = try await runtime.queue().send(messages, to: fanOutQueue, concurrency: 1)
                for failure in failures { logger.error("[❌] Tasking message \(failure) was not sent.") }
                failed = failed || !failures.isEmpty
            } catch {
                logger.error("[❌] Sending to the fan-out queue \(fanOutQueue) failed: \(error)")
                failed = true
            }
            logger.info("[⏰] Tasked \(taskings.count) template(s) for \(frequency.rawValue).")
        }
        if failed { throw CLIFailure(.executionFailed, nil) }
    }

    private func print(messages: [OutgoingMessage]) {
        switch format {
        case .json:
            let list = messages.map { message -> PayloadValue in
                .map(["Id": .string(message.id), "MessageBody": .string(message.body)])
            }
            Output.out(JSONWriter().string(.map(["frequency": .string(frequency), "dry_run": .bool(dryRun),
                                                 "messages": .list(list)])))
        case .text:
            for message in messages { Output.out(message.body) }
        }
    }
}
