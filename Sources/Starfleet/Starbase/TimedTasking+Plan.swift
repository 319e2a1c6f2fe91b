import Logging

extension TimedTasking {
    /// What one timed event asks for: the taskings found, and the ships whose templates could not be listed.
    public struct Plan: Sendable {
        public var taskings: [TimedTasking] = []
        public var listingFailures: [TemplateStoreError] = []

        public var messages: [OutgoingMessage] { TimedTasking.messages(taskings) }
    }

    /// Lists the templates of every ship (SPEC §7.1 step 4), logging listing failures and ships without templates.
    public static func plan(ships: [ShipStatus], bucket: String, store: any TemplateStore, logger: Logger) async -> Plan {
        var plan = Plan()
        for ship in ships {
            let keys: [String]
            do {
                keys = try await templateKeys(prefix: ship.templatePrefix ?? "", bucket: bucket, store: store)
            } catch {
                logger.error("\(error.description)")
                plan.listingFailures.append(error)
                continue
            }
            if keys.isEmpty {
                logger.warning("[⚠️] No templates found for worker ship: \(ship.name). Skipping it.")
                continue
            }
            plan.taskings += keys.map { TimedTasking(ship: ship.name, templateKey: $0) }
        }
        return plan
    }
}
