import Foundation
import Starfleet
import StarfleetTUI

/// How `starfleet console` was started.
public struct ConsoleOptions: Sendable {
    /// `--config` (already resolved: option, `$STARFLEET_CONFIG_DIR`, `./configuration_files`).
    public var configurationDirectory: String
    /// `--payloads DIR`; nil means the directory remembered in `console.json`, else the current one.
    public var payloadsDirectory: String?
    /// `--theme NAME|PATH` (nil: `$STARFLEET_THEME`, then `default`).
    public var theme: String?
    /// `--readonly`: commit bindings do not exist.
    public var readOnly: Bool
    /// `--account-index FILE`: the account index from a local file instead of S3.
    public var accountIndexFile: String?
    /// The environment runs inherit (and where XDG paths come from).
    public var environment: [String: String]
    /// The binary started for runs: this process's own (`/proc/self/exe`, so a private fleet
    /// runs its own ships), unless `STARFLEET_CONSOLE_RUN_EXECUTABLE` names another one
    /// (tests and benchmarks only).
    public var runExecutable: String
    /// `--max-plan-age`: how old a successful dry run may be when its commit starts.
    public var maxPlanAge: TimeInterval
    /// `--fleet-concurrency`: how many targets of a fleet dry run run at once.
    public var fleetConcurrency: Int
    /// `--environment NAME`, else `STARFLEET_ENVIRONMENT`: the label the header shows.
    public var environmentName: String?

    public init(configurationDirectory: String, payloadsDirectory: String? = nil, theme: String? = nil,
                readOnly: Bool = false, accountIndexFile: String? = nil,
                environment: [String: String] = ProcessInfo.processInfo.environment,
                runExecutable: String? = nil, maxPlanAge: TimeInterval = CommitGate.defaultMaxPlanAge,
                fleetConcurrency: Int = 4, environmentName: String? = nil) {
        self.configurationDirectory = configurationDirectory
        self.payloadsDirectory = payloadsDirectory
        self.theme = theme
        self.readOnly = readOnly
        self.accountIndexFile = accountIndexFile
        self.environment = environment
        self.runExecutable = runExecutable ?? Self.defaultRunExecutable(environment: environment)
        self.maxPlanAge = maxPlanAge
        self.fleetConcurrency = fleetConcurrency
        self.environmentName = EnvironmentLabel(environmentName)?.name ?? EnvironmentLabel(environment["STARFLEET_ENVIRONMENT"])?.name
    }

    /// `STARFLEET_CONSOLE_RUN_EXECUTABLE`, else the running binary.
    public static func defaultRunExecutable(environment: [String: String]) -> String {
        if let override = environment["STARFLEET_CONSOLE_RUN_EXECUTABLE"], !override.isEmpty { return override }
        if let resolved = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") { return resolved }
        return ThemeLoader.currentExecutablePath() ?? CommandLine.arguments.first ?? "starfleet"
    }

    /// `$XDG_STATE_HOME/starfleet` (default `~/.local/state/starfleet`): history, run logs, `console.json`.
    public var stateDirectory: String { RunHistory(environment: environment).directory }
}

/// The AWS calls the console makes (listing and reading payload templates in S3, reading the
/// account index), injected by the command so the console knows no AWS details.
public struct ConsoleCloud: Sendable {
    /// Keys under a prefix.
    public var listObjects: @Sendable (_ bucket: String, _ prefix: String, _ region: String) async throws -> [String]
    /// An object's bytes.
    public var getObject: ObjectFetcher
    /// Queue depths for the fleet view; nil: not shown (`-`).
    public var queueDepths: (any QueueDepthReader)?
    /// `GetCallerIdentity` for the header; nil: the header shows no identity.
    public var callerIdentity: (@Sendable () async throws(ConsoleFailure) -> AWSIdentity)?
    /// The profile and endpoint override in effect, as the header shows them (`profile ops`).
    public var connection: [String]

    public init(listObjects: @escaping @Sendable (_ bucket: String, _ prefix: String, _ region: String) async throws -> [String],
                getObject: @escaping ObjectFetcher, queueDepths: (any QueueDepthReader)? = nil,
                callerIdentity: (@Sendable () async throws(ConsoleFailure) -> AWSIdentity)? = nil,
                connection: [String] = []) {
        self.listObjects = listObjects
        self.getObject = getObject
        self.queueDepths = queueDepths
        self.callerIdentity = callerIdentity
        self.connection = connection
    }

    /// A cloud that is not there (tests that never reach S3).
    public static let unavailable = ConsoleCloud(
        listObjects: { _, _, _ in throw ConsoleFailure("S3 is not available in this console") },
        getObject: { _, _, _ in throw ConsoleFailure("S3 is not available in this console") })
}

/// Something that went wrong, as the operator will read it.
public struct ConsoleFailure: Error, Hashable, Sendable, CustomStringConvertible {
    public var message: String

    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}
