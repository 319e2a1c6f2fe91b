/// The region and service name a request is signed for (`us-east-1`, `organizations`).
public struct SigningScope: Sendable, Equatable {
    public var region: String
    public var service: String
    public init(region: String, service: String) {
        self.region = region
        self.service = service
    }
}
