import Foundation
import Logging
import Starfleet
import StarfleetAWS
import StarfleetSchema

/// Converges AWS Config in one (account, region): the configuration recorder, the delivery
/// channel, the retention configuration and whether recording is on. Never deletes anything.
/// ACCOUNT_REGION.
///
/// Test doubles: register an `any ConfigServiceAPI` in `context.services`; it is used as the
/// client of the assigned account/region instead of assuming the worker role.
public struct AwsConfigWorkerShip: WorkerShip {
    public static let fanOutStrategy = FanOutStrategy.accountRegion
    public static let configurationTemplate = AwsConfigWorkerShipTemplates.configuration
    public static let payloadTemplate = AwsConfigWorkerShipTemplates.payload

    public static let defaultSessionName = "StarfleetAwsConfigWorkerShip"
    public static let notApplicable = RunRefusal.accountRegionNotApplicableMessage

    public let payload: Payload

    public init(payload: Payload) {
        self.payload = payload
    }

    public func execute(commit: Bool, context: ShipContext) async throws {
        let templateName = payload.string("template_name") ?? ""
        guard let account = payload.assignedAccount, let region = payload.assignedRegion else {
            throw ShipFailure("AwsConfigWorkerShip runs in one account and region: StarbaseAssignedAccount and "
                + "StarbaseAssignedRegion must be set (starfleet run … --account-id A --region R).")
        }
        do {
            try await converge(account: account, region: region, commit: commit, context: context)
        } catch {
            await context.sendAlert(
                .problem, title: "Problem updating AWS Config properties for template: \(templateName)",
                body: "*Error processing AWS Config template: \(templateName)*\n"
                    + "*Unable to update the AWS Config configuration in: \(account)/\(region).*\n"
                    + "```\n\(error)\n```")
            throw error
        }
    }

    func converge(account: String, region: String, commit: Bool, context: ShipContext) async throws {
        let logger = context.logger
        let index = try await context.accountIndex()
        let scope = context.configuration.scopeToRegions
        // Only the top-level scope decides tasking; the CLI checks it too (with the org-root rule).
        let resolver = AccountResolver(index: index, scopeToRegions: scope)
        guard resolver.accountRegions(for: payload)[account]?.contains(region) == true else {
            throw ShipFailure(Self.notApplicable)
        }
        let choice: AwsConfigBlockChoice.Choice
        do {
            choice = try AwsConfigBlockChoice.choose(payload: payload, account: account, region: region, index: index,
                                                     scopeToRegions: scope)
        } catch {
            logger.error("\(error.description)")
            throw error
        }
        if let position = choice.overrideIndex {
            logger.info("[🔀] Using AccountOverrideConfigurations[\(position)] for \(account)/\(region).")
        } else {
            logger.info("[📄] Using the DefaultConfiguration for \(account)/\(region).")
        }

        let client = try makeClient(account: account, region: region, context: context)
        let current = try await AwsConfigCurrentState.read(from: client)
        let desired = AwsConfigDesiredState(block: choice.block, account: account, region: region,
                                            partition: ShipAWSAccess.partition(for: region), current: current)
        let work = AwsConfigWork(current: current, desired: desired)
        logSummary(work: work, current: current, desired: desired, account: account, region: region, logger: logger)

        let plan = work.plan(current: current, desired: desired)
        if work.isEmpty {
            logger.plan(plan.summary, "[📋] No changes. AWS Config in \(account)/\(region) matches the template. \(plan.summaryLine)")
            logger.info("[✅] Nothing to do. Everything is all set in \(account)/\(region).")
            return
        }
        guard commit else {
            logger.plan(plan.summary, "[📋] Plan for AWS Config in \(account)/\(region):\n\(plan.renderPlan())")
            logger.info("[⏭️] There is work to do but because commit is disabled, no action is being taken in \(account)/\(region).")
            return
        }
        try await apply(work: work, plan: plan, desired: desired, client: client, account: account, region: region,
                        context: context)
    }

    func makeClient(account: String, region: String, context: ShipContext) throws -> any ConfigServiceAPI {
        if let injected = context.services.resolve((any ConfigServiceAPI).self) { return injected }
        let settings = context.shipConfiguration
        let session = try ShipAWSAccess.session(
            context: context, account: account, roleName: settings["worker_role_to_assume"]?.string ?? "",
            sessionName: settings["worker_role_session_name"]?.string ?? Self.defaultSessionName, region: region)
        return try session.configService(region: region)
    }

    /// The upstream summary lines (SPEC-SHIPS §2.6).
    func logSummary(work: AwsConfigWork, current: AwsConfigCurrentState, desired: AwsConfigDesiredState,
                    account: String, region: String, logger: Logger) {
        logger.info("[➕➖] Summarizing the items that are out of sync in \(account)/\(region)...")
        func report<T: Encodable>(_ thing: String, outOfSync: Bool, current: T?, desired: T) {
            if outOfSync {
                logger.info("[🙅‍♂️] \(thing) needs update with config: \(AwsConfigJSON.compact(desired))")
                // The plan below says the same per field; the full JSON diff is for debugging.
                logger.debug("[🧾] Here is the diff of the \(thing):\n\(LineDiff.full(AwsConfigJSON.pretty(current), AwsConfigJSON.pretty(desired)))")
            } else {
                logger.info("[🆗] \(thing) is in sync.")
            }
        }
        report("Configuration Recorder", outOfSync: work.recorderNeedsUpdate, current: current.recorder, desired: desired.recorder)
        report("Delivery Channel", outOfSync: work.channelNeedsUpdate, current: current.channel, desired: desired.channel)
        report("Retention Configuration", outOfSync: work.retentionNeedsUpdate, current: current.retention,
               desired: RetentionConfiguration(name: current.retention?.name ?? "default",
                                               retentionPeriodInDays: desired.retentionPeriodInDays))
        switch work.recordingAction {
        case .start: logger.info("[🙅‍♂️] The recorder needs to be enabled.")
        case .stop: logger.info("[🙅‍♂️] The recorder needs to be disabled.")
        case .doNothing: logger.info("[🆗] The recorder's status is in sync.")
        }
    }

    /// Recorder, channel, retention, then start/stop — AWS needs a recorder before a channel and
    /// a channel before recording starts (SPEC-SHIPS §2.7).
    func apply(work: AwsConfigWork, plan: ChangePlan, desired: AwsConfigDesiredState, client: any ConfigServiceAPI,
               account: String, region: String, context: ShipContext) async throws {
        let logger = context.logger
        var alertText = ""
        var applied = ChangePlan()
        var remaining = plan.entries[...]
        func done() {
            if let entry = remaining.popFirst() { applied.append(entry) }
        }
        do {
            if work.recorderNeedsUpdate {
                try await client.putConfigurationRecorder(desired.recorder)
                alertText += "> 📼  Updated the Configuration Recorder. See the logs for details.\n"
                done()
            }
            if work.channelNeedsUpdate {
                try await client.putDeliveryChannel(desired.channel)
                alertText += "> 🚚  Updated the Delivery Channel. See the logs for details.\n"
                done()
            }
            if work.retentionNeedsUpdate {
                try await client.putRetentionConfiguration(retentionPeriodInDays: desired.retentionPeriodInDays)
                alertText += "> 🗄  Updated the Retention Configuration. See the logs for details.\n"
                done()
            }
            switch work.recordingAction {
            case .start:
                try await client.startConfigurationRecorder(name: work.recorderName)
                alertText += "> ⏺️  Started the Configuration Recorder.\n"
                done()
            case .stop:
                try await client.stopConfigurationRecorder(name: work.recorderName)
                alertText += "> 🛑  Stopped the Configuration Recorder.\n"
                done()
            case .doNothing:
                break
            }
        } catch {
            if !applied.isEmpty {
                logger.error("[💥] Applied before the failure in \(account)/\(region):\n\(applied.renderApplied())")
            }
            throw error
        }
        logger.info("[📝] The following changes have been made in \(account)/\(region):\n\(applied.renderApplied())")
        logger.info("[✅] Completed all work for \(account)/\(region).")
        alertText += "\n\nCheck out the Lambda logs for more verbose details."
        await context.sendAlert(.success, title: "Updated AWS Config properties",
                                body: "*Below is a summary of the work performed in \(account)/\(region):*\n\n" + alertText)
    }
}
