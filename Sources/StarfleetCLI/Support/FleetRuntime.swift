import Foundation
import Logging
import Starfleet
import StarfleetAWS
import StarfleetRuntime

/// What the Starbase and worker commands share: a valid configuration, the ship registry,
/// the account index (loaded once, on first use) and the AWS clients in `DeploymentRegion`.
struct FleetRuntime: Sendable {
    let configuration: Configuration
    let registry: ShipRegistry
    let indexCache: AccountIndexCache
    let session: AWSSession
    let environment: [String: String]

    /// Fails like `starfleet run` does on an invalid configuration (exit 1).
    init(configuration: Configuration, accountIndexFile: String?, environment: [String: String]) throws(CLIFailure) {
        guard configuration.isValid else {
            throw CLIFailure(.invalid, ConfigurationReport(configuration: configuration, fleet: FleetContext.fleet)
                .lines(defaultFile: configuration.directory).joined(separator: "\n"))
        }
        self.configuration = configuration
        self.registry = ShipRegistry(fleet: FleetContext.fleet, configuration: configuration)
        // Resolved on first use: a SINGLE_INVOCATION ship (the generator) runs without an index section.
        self.indexCache = AWSWiring.lazyAccountIndexCache(configuration: configuration, overrideFile: accountIndexFile,
                                                          environment: environment)
        self.session = AWSSession(region: configuration.deploymentRegion, environment: environment)
        self.environment = environment
    }

    var accountIndex: @Sendable () async throws(AccountIndexError) -> any AccountIndex {
        { [indexCache] () async throws(AccountIndexError) -> any AccountIndex in try await indexCache.index() }
    }

    func queue() throws(CLIFailure) -> SQSMessageQueue {
        do {
            return SQSMessageQueue(sqs: try session.sqs())
        } catch {
            throw CLIFailure(.usage, "\(error)")
        }
    }

    func templateStore() throws(CLIFailure) -> S3TemplateStore {
        do {
            return S3TemplateStore(s3: try session.s3())
        } catch {
            throw CLIFailure(.usage, "\(error)")
        }
    }

    /// Alerts of worker paths: Slack when `SlackEnabled` (token from `STARFLEET.SecretsManager`), else the log.
    func alertRouting() -> AlertRouting {
        AlertRouting(configuration: configuration,
                     secrets: StarfleetSecrets(settings: SecretsManagerSettings(configuration: configuration), environment: environment),
                     environment: environment)
    }

    /// The queue's visibility timeout; an unreachable or missing queue ends the command (exit 2).
    func visibilityTimeout(of queueURL: String, queue: SQSMessageQueue) async throws(CLIFailure) -> Int {
        do {
            return try await queue.visibilityTimeout(of: queueURL)
        } catch {
            throw CLIFailure(.usage, "cannot read the queue \(queueURL): \(error)")
        }
    }
}
