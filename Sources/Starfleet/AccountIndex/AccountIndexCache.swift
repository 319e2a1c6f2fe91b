/// Loads the account index once per process, on first use, and shares it.
///
/// The source is resolved on first use too: a run that never resolves accounts (a
/// SINGLE_INVOCATION ship such as the generator, which creates the index) must not need
/// the `StarfleetDefaultAccountIndex` section.
public actor AccountIndexCache {
    private let resolveSource: @Sendable () throws(AccountIndexError) -> AccountIndexSource
    private let fetch: ObjectFetcher
    private var loaded: Result<DefaultAccountIndex, AccountIndexError>?

    public init(source: AccountIndexSource, fetch: @escaping ObjectFetcher) {
        self.resolveSource = { source }
        self.fetch = fetch
    }

    /// Resolves `--account-index FILE` or the configuration's index section when the index is first needed.
    public init(configuration: Configuration, overrideFile: String?, fetch: @escaping ObjectFetcher) {
        self.resolveSource = { () throws(AccountIndexError) -> AccountIndexSource in
            try AccountIndexSource.resolve(configuration: configuration, overrideFile: overrideFile)
        }
        self.fetch = fetch
    }

    public func index() async throws(AccountIndexError) -> DefaultAccountIndex {
        if let loaded { return try loaded.get() }
        let result: Result<DefaultAccountIndex, AccountIndexError>
        do {
            result = .success(try await AccountIndexLoader.load(from: try resolveSource(), fetch: fetch))
        } catch {
            result = .failure(error)
        }
        loaded = result
        return try result.get()
    }
}
