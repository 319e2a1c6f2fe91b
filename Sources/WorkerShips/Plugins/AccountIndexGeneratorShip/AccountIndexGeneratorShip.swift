import Starfleet
import StarfleetSchema

/// Inventories every account of the organization (parents, tags, enabled regions) and
/// writes the account index to S3. SINGLE_INVOCATION.
public struct AccountIndexGeneratorShip: WorkerShip {
    public static let configurationTemplate = AccountIndexGeneratorShipTemplates.configuration
    public static let payloadTemplate = AccountIndexGeneratorShipTemplates.payload

    public let payload: Payload

    public init(payload: Payload) {
        self.payload = payload
    }

    public func execute(commit: Bool, context: ShipContext) async throws {
        context.logger.info("AccountIndexGeneratorShip: execution arrives with the AWS client")
    }
}
