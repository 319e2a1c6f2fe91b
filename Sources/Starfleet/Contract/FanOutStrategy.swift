/// How the Starbase tasks a ship: once, once per account, or once per account and region.
public enum FanOutStrategy: String, Sendable, CaseIterable, Codable {
    case singleInvocation = "SINGLE_INVOCATION"
    case account = "ACCOUNT"
    case accountRegion = "ACCOUNT_REGION"

    /// The base payload template a ship with this strategy must extend.
    public var requiredPayloadBase: String {
        switch self {
        case .singleInvocation: return PayloadTemplates.workerShipPayloadBase.name
        case .account: return PayloadTemplates.baseAccount.name
        case .accountRegion: return "BaseAccountRegionPayloadTemplate"
        }
    }
}
