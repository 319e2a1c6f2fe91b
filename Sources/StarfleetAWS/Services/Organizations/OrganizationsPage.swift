/// One page of a paginated Organizations list.
public struct OrganizationsPage<Item: Sendable & Equatable>: Sendable, Equatable {
    public var items: [Item]
    public var nextToken: String?

    public init(items: [Item], nextToken: String?) {
        self.items = items
        self.nextToken = nextToken
    }
}
