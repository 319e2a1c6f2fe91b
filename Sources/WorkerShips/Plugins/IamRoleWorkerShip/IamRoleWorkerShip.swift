import Foundation
import Logging
import Starfleet
import StarfleetAWS
import StarfleetSchema

/// Rolls one IAM role definition out to every tasked account and corrects drift: trust policy,
/// description, max session duration, permissions boundary, tags, managed and inline policies
/// (the last three authoritatively). Deletes the role where `DeleteInAccounts` says so. ACCOUNT.
///
/// Test doubles: register an `any IAMAPI` in `context.services`; it is used as the IAM client of
/// the assigned account instead of assuming the worker role.
public struct IamRoleWorkerShip: WorkerShip {
    public static let fanOutStrategy = FanOutStrategy.account
    public static let configurationTemplate = IamRoleWorkerShipTemplates.configuration
    public static let payloadTemplate = IamRoleWorkerShipTemplates.payload

    public static let defaultSessionName = "StarfleetIamRoleWorkerShip"
    public static let notApplicable = RunRefusal.accountNotApplicableMessage
    public static let noChanges = "[⏭️] No changes detected. Nothing to do."
    public static let dryRunHeader = "[📝] The following changes would have been made if the commit flag was set:\n"
    public static let commitHeader = "[📝] The following changes have been made:\n"

    public let payload: Payload

    public init(payload: Payload) {
        self.payload = payload
    }

    var roleName: String { payload.map("role")?["role_name"]?.string ?? "" }

    public func execute(commit: Bool, context: ShipContext) async throws {
        guard let account = payload.assignedAccount else {
            throw ShipFailure("IamRoleWorkerShip runs in one account: StarbaseAssignedAccount must be set "
                + "(starfleet run … --account-id A).")
        }
        var accountName = account
        do {
            let index = try await context.accountIndex()
            accountName = index.name(of: account) ?? account
            try await converge(account: account, index: index, commit: commit, context: context)
        } catch {
            // Improvement over upstream: failures alert too (SPEC-SHIPS §3.7).
            await context.sendAlert(.problem, title: "Problem updating IAM Role: \(roleName) in \(accountName)",
                                    body: "*Unable to converge IAM role \(roleName) in \(account) (\(accountName)).*\n```\n\(error)\n```")
            throw error
        }
    }

    func converge(account: String, index: any AccountIndex, commit: Bool, context: ShipContext) async throws {
        let logger = context.logger
        guard AccountResolver(index: index).accounts(for: payload).contains(account) else {
            throw ShipFailure(Self.notApplicable)
        }
        let accountName = index.name(of: account) ?? account
        var renderer = IamRoleRenderer(payload: payload, index: index, account: account)
        let desired: RenderedRole
        do {
            desired = try renderer.render()
        } catch {
            for message in error.messages { logger.error("[🔥] \(message)") }
            throw error
        }
        for warning in renderer.warnings { logger.warning("\(warning)") }

        let iam = try makeClient(account: account, context: context)
        logger.info("[🔎] Reading IAM role \(desired.roleName) in \(account) (\(accountName))...")
        let current = try await IamRoleCurrentState.read(roleName: desired.roleName, from: iam)
        if let current, current.isServiceLinked {
            throw ShipFailure("Role \(desired.roleName) in \(account) is a service-linked role (path \(current.role.path)); "
                + "Starfleet never touches roles under /aws-service-role/.")
        }

        var steps: [IamRoleStep]
        if desired.deleteHere {
            if let current {
                logger.info("[🗑] \(account) (\(accountName)) matches DeleteInAccounts: role \(desired.roleName) will be deleted.")
                let profiles = try await iam.listInstanceProfilesForRole(roleName: desired.roleName).map(\.instanceProfileName)
                steps = IamRolePlanner.deletion(roleName: desired.roleName, current: current, instanceProfiles: profiles)
            } else {
                logger.info("[🗑] \(account) (\(accountName)) matches DeleteInAccounts and role \(desired.roleName) is absent.")
                steps = []
            }
        } else {
            if current == nil {
                logger.info("[🆕] Role \(desired.roleName) does not exist in \(account) (\(accountName)).")
            }
            let planned = IamRolePlanner.plan(desired: desired, current: current)
            for warning in planned.warnings { logger.warning("[⚠️] \(warning)") }
            steps = planned.steps
        }

        let plan = ChangePlan(entries: steps.flatMap(\.entries))
        guard !plan.isEmpty else {
            logger.plan(plan.summary, "[📋] No changes: role \(desired.roleName) in \(account) (\(accountName)) matches the template. \(plan.summaryLine)")
            logger.info("\(Self.noChanges)")
            return
        }
        guard commit else {
            logger.plan(plan.summary, "\(Self.dryRunHeader)[📋] Plan for IAM role \(desired.roleName) in \(account) (\(accountName)):\n\(plan.renderPlan())")
            return
        }

        var applied = ChangePlan()
        for step in steps {
            do {
                try await step.run(on: iam, roleName: desired.roleName)
            } catch {
                if applied.isEmpty {
                    logger.error("[💥] Nothing was changed in \(account) before the failure.")
                } else {
                    logger.error("[💥] Changed in \(account) before the failure:\n\(applied.renderApplied())")
                }
                throw error
            }
            for entry in step.entries { applied.append(entry) }
        }
        let text = applied.renderApplied()
        logger.info("\(Self.commitHeader)[📋] IAM role \(desired.roleName) in \(account) (\(accountName)):\n\(text)")
        await context.sendAlert(.important, title: "IAM Role: \(desired.roleName) in \(accountName) was created/updated",
                                body: "The following changes have been made:\n>```\n\(text)\n```")
    }

    func makeClient(account: String, context: ShipContext) throws -> any IAMAPI {
        if let injected = context.services.resolve((any IAMAPI).self) { return injected }
        let settings = context.shipConfiguration
        let region = context.configuration.deploymentRegion ?? "us-east-1"
        let session = try ShipAWSAccess.session(
            context: context, account: account, roleName: settings["worker_role_to_assume"]?.string ?? "",
            sessionName: settings["worker_role_session_name"]?.string ?? Self.defaultSessionName, region: region)
        return try session.iam()
    }
}
