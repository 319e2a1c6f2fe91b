/// Loads the account index once per process, on first use, and shares it.
public actor AccountIndexCache {
    private let source: AccountIndexSource
    private let fetch: ObjectFetcher
    private var loaded: Result<DefaultAccountIndex, AccountIndexError>?

    public init(source: AccountIndexSource, fetch: @escaping ObjectFetcher) {
        self.source = source
        self.fetch = fetch
    }

    public func index() async throws(AccountIndexError) -> DefaultAccountIndex {
        if let loaded { return try loaded.get() }
        let result: Result<DefaultAccountIndex, AccountIndexError>
        do {
            result = .success(try await AccountIndexLoader.load(from: source, fetch: fetch))
        } catch {
            result = .failure(error)
        }
        loaded = result
        return try result.get()
    }
}
