import ArgumentParser
import Dispatch
import Foundation
import Logging
import Starfleet
import StarfleetSchema

/// `starfleet run SHIP --payload FILE`: validate, check the assignment, execute. Dry run
/// unless `--commit` is given.
struct RunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run a worker ship on a payload (a dry run unless --commit is given).",
        discussion: """
        Logs go to stderr. With --log-format jsonl each line is one JSON object:
        {"time": "2026-11-29T10:00:00.000Z", "level": "info", "message": "…", "logger": "…", "ship": "…", "mode": "dry-run|commit", …metadata}
        Exit codes: 0 done, 1 invalid payload/configuration or account not applicable, 2 usage or unreadable input,
        3 the ship failed, 130 interrupted.
        """
    )

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The worker ship to run.")
    var ship: String

    @Option(help: "The payload YAML file.")
    var payload: String

    @Option(name: .customLong("account-id"), help: "The account to run in (ACCOUNT and ACCOUNT_REGION ships).")
    var accountId: String?

    @Option(help: "The region to run in (ACCOUNT_REGION ships).")
    var region: String?

    @Flag(help: "Apply changes. Without it the ship only reports what it would do.")
    var commit = false

    @Option(name: .customLong("log-format"), help: "Log format on stderr: text or jsonl.")
    var logFormat: LogFormatArgument = .text

    @Option(name: .customLong("account-index"), help: "Read the account index from this JSON file instead of S3.")
    var accountIndex: String?

    @Option(name: .customLong("expect-config-digest"),
            help: "Refuse to run unless the configuration files' digest is this one (the console's commit gate).")
    var expectConfigDigest: String?

    @Option(name: .customLong("expect-index-digest"),
            help: "Refuse to run unless the --account-index file's digest is this one.")
    var expectIndexDigest: String?

    @Option(name: .customLong("log-file"), help: "Also append every log record to this file, line by line (the run's own log).")
    var logFile: String?

    @Option(name: .customLong("history-dir"),
            help: "Append the run's history records to DIR/history.jsonl: one when it starts, one when it ends (needs --run-id).")
    var historyDirectory: String?

    @Option(name: .customLong("run-id"), help: "The id of the run's history records.")
    var runID: String?

    @Option(name: .customLong("payload-label"), help: "The payload as the history record names it (default: --payload).")
    var payloadLabel: String?

    @Flag(help: "Run in a session of its own and carry on when stderr goes away (a console's children).")
    var detach = false

    func validate() throws {
        if expectIndexDigest != nil, accountIndex == nil {
            throw ValidationError("--expect-index-digest needs --account-index (the file whose digest it is).")
        }
        if (historyDirectory == nil) != (runID == nil) {
            throw ValidationError("--history-dir and --run-id go together.")
        }
    }

    /// The parsed arguments as the run contract (`RunInvocation.arguments` produces them back).
    var invocation: RunInvocation {
        RunInvocation(ship: ship, configurationDirectory: global.config, payloadPath: payload, accountId: accountId,
                      region: region, accountIndexFile: accountIndex, mode: RunMode(commit: commit),
                      logFormat: logFormat.format, expectedConfigurationDigest: expectConfigDigest,
                      expectedAccountIndexDigest: expectIndexDigest,
                      ownership: RunOwnership(logFile: logFile, historyDirectory: historyDirectory, runID: runID,
                                              payloadLabel: payloadLabel, detach: detach))
    }

    func run() async throws {
        let keeper = try RunRecordKeeper.begin(invocation)
        do {
            try await execute(keeper)
        } catch {
            let outcome = RunRecordKeeper.outcome(of: error)
            keeper.end(exitStatus: outcome.status, message: outcome.message)
            throw error
        }
        keeper.end(exitStatus: 0)
    }

    private func execute(_ keeper: RunRecordKeeper) async throws {
        let invocation = invocation
        let mode = invocation.mode
        let configuration = try global.loadConfiguration()
        let logger = RunLogging.bootstrap(format: invocation.logFormat, level: Logger.Level(pythonName: configuration.logLevel),
                                          ship: ship, mode: mode, copy: keeper.logFile)
        let interruption = Interruption(logger: logger) { keeper.end(exitStatus: CLIFailure.Code.interrupted.rawValue) }
        // The re-check of what the gate approved, in the process that runs: no time-of-check gap.
        if let refusal = invocation.digestRefusal(
            configurationDigest: RunFingerprint.configurationDigest(files: configuration.files),
            accountIndexDigest: accountIndex.flatMap(RunFingerprint.fileDigest(path:))) {
            throw CLIFailure(.invalid, "[🙅‍♂️] " + refusal)
        }
        guard configuration.isValid else {
            throw CLIFailure(.invalid, ConfigurationReport(configuration: configuration, fleet: FleetContext.fleet)
                .lines(defaultFile: configuration.directory).joined(separator: "\n"))
        }
        let source = try PayloadSource.read(payload)
        let registry = ShipRegistry(fleet: FleetContext.fleet, configuration: configuration)
        let environment = global.environment
        let indexCache = AWSWiring.lazyAccountIndexCache(configuration: configuration, overrideFile: accountIndex,
                                                         environment: environment)
        logger.info("[🛃] Validating the template...")
        let request = RunRequest(shipName: ship, payload: source.node, payloadFile: source.path,
                                 accountId: invocation.accountId, region: invocation.region, mode: mode)
        let prepared: PreparedRun
        do {
            prepared = try await RunPreparation(registry: registry, scopeToRegions: configuration.scopeToRegions)
                .prepare(request) { () async throws(AccountIndexError) -> any AccountIndex in try await indexCache.index() }
        } catch {
            throw CLIFailure(error.exitCode == 1 ? .invalid : .usage, error.description)
        }
        logger.info("[🆗] Template OK: Executing worker: \(ship)...")
        logger.notice(mode.isCommit ? "[⚠️] COMMIT mode: changes will be applied."
                             : "[🔍] DRY RUN: nothing will be changed (pass --commit to apply).")
        if let account = accountId { logger.info("Assigned account: \(account)\(region.map { ", region: \($0)" } ?? "")") }

        let context = ShipContext(
            configuration: configuration, shipConfiguration: prepared.status.configuration ?? [:], logger: logger,
            alerts: LoggingAlertSender(logger: logger),
            accountIndex: { try await indexCache.index() }, environment: environment)
        try await interruption.run {
            do {
                try await prepared.ship.execute(commit: mode.isCommit, context: context)
            } catch is CancellationError {
                throw CancellationError()
            } catch {
                logger.error("[💥] \(ship) failed: \(error)")
                throw CLIFailure(.executionFailed, nil)
            }
        }
        logger.info("[✅] Done!")
    }
}

enum LogFormatArgument: String, ExpressibleByArgument, CaseIterable {
    case text
    case jsonl

    var format: LogFormat { self == .jsonl ? .jsonl : .text }
}
