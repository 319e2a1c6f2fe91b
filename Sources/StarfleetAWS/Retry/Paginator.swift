/// Follows `NextToken` / `ContinuationToken` style pagination to the end.
public enum Paginator {
    /// Calls `fetch` with nil, then with each returned token, until no token comes back, and
    /// concatenates the items. Stops with an error if the service repeats a token (which would
    /// otherwise loop forever) or after `maxPages`.
    public static func collectAll<Item: Sendable>(
        service: String, operation: String, maxPages: Int = 10_000,
        _ fetch: (_ token: String?) async throws -> (items: [Item], nextToken: String?)
    ) async throws -> [Item] {
        var items: [Item] = []
        var token: String?
        var seen: Set<String> = []
        for _ in 0..<maxPages {
            let page = try await fetch(token)
            items += page.items
            guard let next = page.nextToken, !next.isEmpty else { return items }
            guard seen.insert(next).inserted else {
                throw AWSError(
                    kind: .malformedResponse, service: service, operation: operation, code: "PaginationLoop",
                    message: "the service returned the same pagination token twice; stopping after \(items.count) items")
            }
            token = next
        }
        throw AWSError(
            kind: .malformedResponse, service: service, operation: operation, code: "PaginationLimit",
            message: "more than \(maxPages) pages; stopping after \(items.count) items")
    }
}
