import Foundation
import Logging
import Starfleet
import StarfleetAWS
import StarfleetSchema

/// Inventories every account of the organization (parents, tags, enabled regions) and
/// writes the account index to S3. SINGLE_INVOCATION.
public struct AccountIndexGeneratorShip: WorkerShip {
    public static let configurationTemplate = AccountIndexGeneratorShipTemplates.configuration
    public static let payloadTemplate = AccountIndexGeneratorShipTemplates.payload

    public static let sessionName = "StarfleetAccountIndexer"

    public let payload: Payload

    public init(payload: Payload) {
        self.payload = payload
    }

    public func execute(commit: Bool, context: ShipContext) async throws {
        let settings = context.shipConfiguration
        let orgAccount = settings["org_account_id"]?.string ?? ""
        let orgRole = "arn:aws:iam::\(orgAccount):role/\(settings["org_account_assume_role"]?.string ?? "")"
        let region = context.configuration.deploymentRegion ?? "us-east-1"
        let base = AWSSession(region: region, environment: context.environment, logger: context.logger)
        let services: any InventoryServices
        if let injected = context.services.resolve((any InventoryServices).self) {
            services = injected
        } else {
            services = try AWSInventoryServices(base: base, orgRole: orgRole,
                                                describeRegionsRole: settings["describe_regions_assume_role"]?.string ?? "")
        }

        context.logger.info("[🔭] Inventorying the organization through \(orgRole)")
        let inventory = OrganizationInventory(services: services, orgRootId: settings["org_root_id"]?.string ?? "",
                                              maxConcurrency: settings["max_concurrency"]?.int ?? 8, logger: context.logger)
        let accounts = try await inventory.collect()
        context.logger.info("[📒] Inventoried \(accounts.count) accounts.")

        let bucket = payload.string("account_inventory_bucket") ?? ""
        let key = payload.string("inventory_object_prefix") ?? "accountIndex.json"
        guard commit else {
            context.logger.info("[🍣] Raw Inventory:\n\(AccountIndexJSON.accounts(accounts))")
            // The plan is one object written over the previous index.
            context.logger.plan(PlanSummary(toChange: 1), level: .warning,
                                "[⚠️] Commit flag is disabled: not saving report to S3 (would write s3://\(bucket)/\(key))")
            return
        }
        let body = AccountIndexJSON.document(accounts: accounts, generated: Date())
        let s3: any S3API
        if let injected = context.services.resolve((any S3API).self) {
            s3 = injected
        } else {
            s3 = try base.s3(region: payload.string("inventory_bucket_region"))
        }
        _ = try await s3.putObject(bucket: bucket, key: key, body: Data(body.utf8),
                                   contentType: "application/json", acl: "bucket-owner-full-control")
        context.logger.info("[💾] Wrote the account index to s3://\(bucket)/\(key) (\(accounts.count) accounts).")
        await context.sendAlert(.success, title: "Account index updated",
                                body: "Wrote \(accounts.count) accounts to s3://\(bucket)/\(key).")
    }
}

/// Inventory calls against real AWS: Organizations through the org role, DescribeRegions
/// through each account's role.
struct AWSInventoryServices: InventoryServices {
    let base: AWSSession
    let organizationsClient: OrganizationsClient
    let describeRegionsRole: String

    init(base: AWSSession, orgRole: String, describeRegionsRole: String) throws {
        self.base = base
        let orgSession = try base.assumingRole(roleArn: orgRole, sessionName: AccountIndexGeneratorShip.sessionName)
        self.organizationsClient = try orgSession.organizations()
        self.describeRegionsRole = describeRegionsRole
    }

    var organizations: any OrganizationsAPI { organizationsClient }

    func enabledRegions(account: String) async throws -> [String] {
        let session = try base.assumingRole(roleArn: "arn:aws:iam::\(account):role/\(describeRegionsRole)",
                                            sessionName: AccountIndexGeneratorShip.sessionName)
        return try await session.ec2().describeRegions()
    }
}
