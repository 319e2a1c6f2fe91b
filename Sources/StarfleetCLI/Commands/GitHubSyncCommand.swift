import ArgumentParser
import Foundation
import Logging
import Starfleet
import StarfleetSchema
import WorkerShips

/// `starfleet github-sync …`: the GitHub sync worker's debugging commands. `run` is the usual
/// `starfleet run GitHubSyncWorkerShip`.
struct GitHubSyncCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "github-sync",
        abstract: "Debug the GitHub sync worker: its installation token and the repository download.",
        subcommands: [GitHubSyncTokenCommand.self, GitHubSyncDownloadCommand.self]
    )
}

/// What both subcommands share: the payload validated with the ship's template and a context
/// that logs to stderr.
struct GitHubSyncOptions: ParsableArguments {
    @OptionGroup var global: GlobalOptions

    @Option(help: "The GitHubSyncWorkerShip payload YAML file.")
    var payload: String

    func prepare(_ label: String) throws(CLIFailure) -> (GitHubSyncWorkerShip, ShipContext) {
        let configuration = try global.loadConfiguration()
        let source = try PayloadSource.read(payload)
        let values: PayloadMap
        do {
            values = try GitHubSyncWorkerShip.payloadTemplate.load(source.node)
        } catch {
            let lines = error.errors.entries().map { "\(source.path): \($0.pathDescription): \($0.message)" }
            throw CLIFailure(.invalid, lines.joined(separator: "\n"))
        }
        let logger = RunLogging.bootstrap(format: .text, level: Logger.Level(pythonName: configuration.logLevel),
                                          ship: GitHubSyncWorkerShip.name, mode: .dryRun)
        let context = ShipContext(configuration: configuration, shipConfiguration: [:], logger: logger,
                                  alerts: LoggingAlertSender(logger: logger),
                                  accountIndex: { throw CLIFailure(.usage, "\(label) needs no account index") },
                                  environment: global.environment)
        return (GitHubSyncWorkerShip(payload: Payload(values)), context)
    }
}

/// `starfleet github-sync token --payload F [--show]`.
struct GitHubSyncTokenCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "token",
        abstract: "Get an installation token for the payload's GitHub App; prints its expiry (the token only with --show)."
    )

    @OptionGroup var options: GitHubSyncOptions

    @Flag(help: "Also print the token itself (it grants the app's access to the organization until it expires).")
    var show = false

    func run() async throws {
        let (ship, context) = try options.prepare("github-sync token")
        let token: GitHubInstallationToken
        do {
            token = try await ship.installationToken(context: context)
        } catch {
            throw CLIFailure(.executionFailed, "\(error)")
        }
        Output.out("expires_at: \(token.expiresAt.formatted(.iso8601))")
        if show { Output.out("token: \(token.token)") }
    }
}

/// `starfleet github-sync download --payload F --save-dir DIR`: saves `<Repository>.zip`, not extracted.
struct GitHubSyncDownloadCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "download",
        abstract: "Download the payload's repository branch as DIR/<Repository>.zip (not extracted, nothing synced)."
    )

    @OptionGroup var options: GitHubSyncOptions

    @Option(name: .customLong("save-dir"), help: "An existing directory to save the zip in.")
    var saveDir: String

    func run() async throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: saveDir, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw CLIFailure(.usage, "--save-dir \(saveDir): no such directory")
        }
        let (ship, context) = try options.prepare("github-sync download")
        let file: URL
        do {
            file = try await ship.download(into: URL(fileURLWithPath: saveDir, isDirectory: true), context: context)
        } catch {
            throw CLIFailure(.executionFailed, "\(error)")
        }
        Output.out(file.path)
    }
}
