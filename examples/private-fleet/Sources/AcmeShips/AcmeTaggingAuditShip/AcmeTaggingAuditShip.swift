import Logging
import Starfleet
import StarfleetSchema

/// Checks that each account carries Acme's required tags, using the account index (no AWS
/// call of its own). An audit changes nothing, with or without `commit`; it reports each
/// missing tag and raises a PROBLEM alert for the account.
public struct AcmeTaggingAuditShip: WorkerShip {
    public static let fanOutStrategy: FanOutStrategy = .account
    public static let configurationTemplate = AcmeTaggingAuditShipTemplates.configuration
    public static let payloadTemplate = AcmeTaggingAuditShipTemplates.payload

    public let payload: Payload

    public init(payload: Payload) {
        self.payload = payload
    }

    public func execute(commit: Bool, context: ShipContext) async throws {
        guard let account = payload.assignedAccount else {
            throw AcmeAuditError(message: "no account was assigned; run with --account-id")
        }
        let index = try await context.accountIndex()
        let tags = index.tags(of: account)
        let missing = payload.strings("required_tags").filter { tags[$0]?.isEmpty ?? true }
        let name = index.name(of: account) ?? account
        guard !missing.isEmpty else {
            context.logger.info("[✅] Account \(account) (\(name)) carries every required tag.", metadata: ["account": "\(account)"])
            return
        }
        context.logger.warning("[🏷️] Account \(account) (\(name)) is missing tags: \(missing.joined(separator: ", "))",
                               metadata: ["account": "\(account)", "missing_tags": "\(missing.joined(separator: ","))"])
        await context.sendAlert(.problem, title: "Untagged account \(account)",
                                body: "\(name) is missing: \(missing.joined(separator: ", ")). Report: \(context.shipConfiguration["findings_channel"]?.string ?? "-")")
    }
}

public struct AcmeAuditError: Error, CustomStringConvertible {
    public let message: String
    public var description: String { message }
}
