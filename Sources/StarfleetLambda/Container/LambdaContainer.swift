import Foundation
import Logging
import Starfleet
import StarfleetAWS
import StarfleetRuntime

/// What a container sets up once, at cold start: the configuration from the bundled directory,
/// the ship registry, the AWS clients in `DeploymentRegion`, the account index (loaded on first
/// use, refreshed when older than the configured age), the secret and alert routing — and the
/// handler `_HANDLER` names.
enum LambdaContainer {
    static func makeHandler(settings: LambdaSettings, fleet: Fleet, environment: [String: String],
                            logger: Logger) throws(LambdaInitError) -> any InvocationHandler {
        let configuration: Configuration
        do {
            configuration = try ConfigurationLoader(regions: try RegionCatalog.load(environment: environment))
                .load(directory: settings.configurationDirectory)
        } catch let error as ConfigurationError {
            throw .configuration(error.description)
        } catch {
            throw .configuration("\(error)")
        }
        guard configuration.isValid else {
            throw .configuration(ConfigurationReport(configuration: configuration, fleet: fleet)
                .lines(defaultFile: configuration.directory).joined(separator: "\n"))
        }
        for warning in configuration.warnings { logger.warning("[⚠️] \(warning)") }
        guard let bucket = configuration.templateBucket, let fanOutQueue = configuration.fanOutQueueURL else {
            throw .configuration("STARFLEET.TemplateBucket and STARFLEET.FanOutQueueUrl are required")
        }
        let registry = ShipRegistry(fleet: fleet, configuration: configuration)
        let session = AWSSession(region: configuration.deploymentRegion, environment: environment)
        let queue: SQSMessageQueue
        let store: S3TemplateStore
        do {
            queue = SQSMessageQueue(sqs: try session.sqs())
            store = S3TemplateStore(s3: try session.s3())
        } catch {
            throw .configuration("\(error)")
        }
        let indexCache = RefreshingAccountIndexCache(
            configuration: configuration, fetch: objectFetcher(environment: environment),
            maxAge: settings.accountIndexMaxAge, logger: logger)
        let accountIndex: @Sendable () async throws(AccountIndexError) -> any AccountIndex = {
            () async throws(AccountIndexError) -> any AccountIndex in try await indexCache.index()
        }

        switch settings.handler {
        case .starbaseTimed:
            return TimedInvocationHandler(registry: registry, templateBucket: bucket, fanOutQueueURL: fanOutQueue,
                                          store: store, queue: queue)
        case .starbaseFanout:
            let handler = FanOutHandler(registry: registry, templateBucket: bucket, scopeToRegions: configuration.scopeToRegions,
                                        store: store, accountIndex: accountIndex, logger: logger)
            return FanOutInvocationHandler(handler: handler, queue: queue, sendConcurrency: 16)
        case .worker(let ship):
            do throws(RunRefusal) {
                _ = try registry.startableShip(named: ship)
            } catch {
                throw .configuration(error.description)
            }
            let routing = AlertRouting(configuration: configuration,
                                       secrets: StarfleetSecrets(settings: SecretsManagerSettings(configuration: configuration),
                                                                 environment: environment),
                                       environment: environment)
            let handler = WorkerMessageHandler(
                shipName: ship, registry: registry, scopeToRegions: configuration.scopeToRegions, commit: settings.commit,
                accountIndex: accountIndex,
                makeContext: { shipConfiguration, log in
                    ShipContext(configuration: configuration, shipConfiguration: shipConfiguration, logger: log,
                                alerts: routing.sender(logger: log),
                                accountIndex: { try await indexCache.index() }, environment: environment)
                })
            logger.notice(settings.commit ? "[⚠️] COMMIT mode (STARFLEET_COMMIT=true): changes will be applied."
                                          : "[🔍] DRY RUN (STARFLEET_COMMIT is not true): nothing will be changed.")
            return WorkerInvocationHandler(handler: handler)
        }
    }

    /// S3 objects through the default credential chain and endpoint overrides.
    static func objectFetcher(environment: [String: String]) -> ObjectFetcher {
        { bucket, key, region in
            try await AWSSession(region: region, environment: environment).s3(region: region).getObject(bucket: bucket, key: key)
        }
    }
}
