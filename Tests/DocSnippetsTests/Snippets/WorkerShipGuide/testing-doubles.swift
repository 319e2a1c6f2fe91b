import Foundation
import Logging
import Starfleet
import StarfleetAWS
import StarfleetSchema
import Synchronization
import Testing

/// An in-memory S3: enough for the calls the ship makes.
final class InMemoryGuideS3: S3API {
    private let objects = Mutex<[String: Data]>([:])
    private let writes = Mutex(0)

    var writeCount: Int { writes.withLock { $0 } }

    func getObject(bucket: String, key: String) async throws -> Data {
        guard let data = objects.withLock({ $0["\(bucket)/\(key)"] }) else {
            throw AWSError(kind: .service, service: "S3", operation: "GetObject", code: "NoSuchKey",
                           message: "The specified key does not exist.", httpStatus: 404)
        }
        return data
    }

    func putObject(bucket: String, key: String, body: Data, contentType: String?, acl: String?) async throws -> String? {
        objects.withLock { $0["\(bucket)/\(key)"] = body }
        writes.withLock { $0 += 1 }
        return nil
    }

    func listObjectsV2(bucket: String, prefix: String?) async throws -> [S3ObjectSummary] { [] }
}

/// The context a front end would build: the loaded configuration section, a logger, alerts,
/// and whatever services the test registers.
func makeGuideContext(services: ServiceRegistry, environment: [String: String] = [:]) throws -> ShipContext {
    let section = try YAMLReader().read("""
        Enabled: true
        TemplatePrefix: RegionBaselineShip/
        InvocationQueueUrl: https://sqs.us-east-1.amazonaws.com/000000000000/region-baseline
        InvocationSources: [S3]
        BaselineBucket: starfleet-baselines
        BaselineBucketRegion: us-east-1
        """)
    let logger = Logger(label: "RegionBaselineShip") { _ in SwiftLogNoOpLogHandler() }
    return ShipContext(
        configuration: Configuration(directory: "(test)", files: [], sections: [:], sectionFiles: [:], warnings: []),
        shipConfiguration: try RegionBaselineShip.configurationTemplate.load(section),
        logger: logger, alerts: LoggingAlertSender(logger: logger),
        accountIndex: { throw AccountIndexError.unavailable("this test needs no account index") },
        environment: environment, services: services)
}

/// A ship as the Starbase hands it over: a loaded payload plus the assigned account and region.
func makeGuideBaselineShip(account: String, region: String) throws -> RegionBaselineShip {
    var payload = try RegionBaselineShip.loadTemplate(try YAMLReader().read("""
        TemplateName: NetworkBaseline
        TemplateDescription: Every account, two regions.
        IncludeAccounts:
          AllAccounts: true
        IncludeRegions: [us-east-1, eu-west-1]
        BaselineName: network
        """)).payload
    payload["starbase_assigned_account"] = .string(account)
    payload["starbase_assigned_region"] = .string(region)
    return RegionBaselineShip(payload: payload)
}

@Test func regionBaselineDryRunChangesNothingAndCommitIsIdempotent() async throws {
    let s3 = InMemoryGuideS3()
    var services = ServiceRegistry()
    services.register(s3, as: (any S3API).self)
    let context = try makeGuideContext(services: services)
    let ship = try makeGuideBaselineShip(account: "111111111111", region: "eu-west-1")

    try await ship.execute(commit: false, context: context)
    #expect(s3.writeCount == 0)  // a dry run changes nothing
    try await ship.execute(commit: true, context: context)
    #expect(s3.writeCount == 1)
    try await ship.execute(commit: true, context: context)
    #expect(s3.writeCount == 1)  // idempotent: the second run finds the work done
}
