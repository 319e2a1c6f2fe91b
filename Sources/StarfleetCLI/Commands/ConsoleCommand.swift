import ArgumentParser
import Foundation
import Logging
import Starfleet
import StarfleetAWS
import StarfleetConsole
import StarfleetRuntime

/// `starfleet console`: the operator console (ncursesw). Runs happen in child processes of
/// this same binary, so a private fleet's console runs its own ships.
struct ConsoleCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "console",
        abstract: "The operator console: browse the fleet, inspect payloads, dry-run and commit behind a guard.",
        discussion: """
        Keys: ? shows the keys that apply where you are; : takes commands (:q, :theme NAME, :reload);
        Esc backs out. Run history and logs: $XDG_STATE_HOME/starfleet/ (history.jsonl, runs/).
        Rebind keys by command name in $XDG_CONFIG_HOME/starfleet/keys.yaml (e.g. `dry-run: D`).
        """
    )

    @OptionGroup var global: GlobalOptions

    @Option(help: "Directory of payload YAML files (default: the last one used, then the current directory).")
    var payloads: String?

    @Option(help: "Theme name or path (default: $STARFLEET_THEME, then default).")
    var theme: String?

    @Flag(help: "Read-only: commit is not available at all.")
    var readonly = false

    @Option(name: .customLong("account-index"), help: "Read the account index from this JSON file instead of S3.")
    var accountIndex: String?

    @Option(name: .customLong("max-plan-age"),
            help: "Minutes after a successful dry run during which its target may be committed (default: 15).")
    var maxPlanAge: Int = Int(CommitGate.defaultMaxPlanAge / 60)

    @Option(name: .customLong("fleet-concurrency"),
            help: "How many marked targets a fleet dry run runs at once (default: 4).")
    var fleetConcurrency: Int = 4

    @Option(name: .customLong("environment"),
            help: "The environment label in the header (production, staging, development, demo, …; default: $STARFLEET_ENVIRONMENT).")
    var environmentName: String?

    func validate() throws {
        guard maxPlanAge > 0 else { throw ValidationError("--max-plan-age must be at least 1 (minutes).") }
        guard (1...64).contains(fleetConcurrency) else { throw ValidationError("--fleet-concurrency must be 1…64.") }
    }

    func run() async throws {
        // swift-log writes to stderr by default, which is the console's terminal: a library warning
        // (an AWS retry while reading queue depths) would paint over the screen. The console reports
        // problems on screen; each run logs in its own child process, saved to the run's log file.
        LoggingSystem.bootstrap { _ in SwiftLogNoOpLogHandler() }
        let environment = global.environment
        let options = ConsoleOptions(
            configurationDirectory: Self.absolute(global.configurationDirectory),
            payloadsDirectory: payloads.map(Self.absolute), theme: theme, readOnly: readonly,
            accountIndexFile: accountIndex.map(Self.absolute), environment: environment,
            maxPlanAge: TimeInterval(maxPlanAge) * 60, fleetConcurrency: fleetConcurrency, environmentName: environmentName)
        let cloud = ConsoleCloud(
            listObjects: { bucket, prefix, region in
                let session = AWSSession(region: region, environment: environment)
                return try await session.s3(region: region).listObjectsV2(bucket: bucket, prefix: prefix).map(\.key)
            },
            getObject: AWSWiring.objectFetcher(environment: environment),
            queueDepths: RegionalQueueDepthReader(environment: environment),
            callerIdentity: ConsoleAWSContext.callerIdentity(environment: environment),
            connection: ConsoleAWSContext.connection(environment: environment))
        let status = await ConsoleRuntime.run(options: options, fleet: FleetContext.fleet, cloud: cloud)
        if status != 0 { throw CLIFailure(status == 2 ? .usage : .executionFailed, nil) }
    }

    /// Runs start in the same working directory, but paths are shown and passed absolute.
    static func absolute(_ path: String) -> String {
        if path.hasPrefix("/") { return path }
        return URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appendingPathComponent(path).standardizedFileURL.path
    }
}
