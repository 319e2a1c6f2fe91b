import ArgumentParser
import Starfleet

/// The options the queue consumers (`starbase fanout`, `worker`) share, and how they end.
struct ConsumerOptions: ParsableArguments {
    @Flag(help: "Stop when a receive with a 1-second wait returns nothing.")
    var once = false

    @Option(name: .customLong("account-index"), help: "Read the account index from this JSON file instead of S3.")
    var accountIndex: String?

    @Option(name: .customLong("log-format"), help: "Log format on stderr: text or jsonl.")
    var logFormat: LogFormatArgument = .text

    @Option(name: .customLong("grace-period"), help: "Seconds in-flight messages may take after SIGTERM/SIGINT.")
    var gracePeriod = 300.0

    /// With `--once`, a failed message makes the command exit 3; a stop by signal always ends with 0.
    func finish(_ summary: QueueConsumer.Summary, stop: StopRequest) throws(CLIFailure) {
        if once, summary.failed > 0, !stop.isRequested { throw CLIFailure(.executionFailed, nil) }
    }
}
