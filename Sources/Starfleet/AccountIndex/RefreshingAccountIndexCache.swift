import Foundation
import Logging

/// The account index for a long-lived process (a Lambda container): loaded on first use, kept,
/// and loaded again on the first use after it is older than `maxAge` — so a container picks up a
/// new generator run without a cold start. When that reload fails, the old index keeps serving
/// (with a warning) rather than failing every message.
public actor RefreshingAccountIndexCache {
    private let resolveSource: @Sendable () throws(AccountIndexError) -> AccountIndexSource
    private let fetch: ObjectFetcher
    private let maxAge: TimeInterval
    private let now: @Sendable () -> Date
    private let logger: Logger
    private var current: (index: DefaultAccountIndex, loadedAt: Date)?
    /// How many loads were attempted (tests check the caching).
    public private(set) var loads = 0

    public init(configuration: Configuration, fetch: @escaping ObjectFetcher, maxAge: TimeInterval, logger: Logger,
                now: @escaping @Sendable () -> Date = { Date() }) {
        self.resolveSource = { () throws(AccountIndexError) -> AccountIndexSource in
            try AccountIndexSource.resolve(configuration: configuration, overrideFile: nil)
        }
        self.fetch = fetch
        self.maxAge = maxAge
        self.now = now
        self.logger = logger
    }

    public func index() async throws(AccountIndexError) -> DefaultAccountIndex {
        let started = now()
        if let current, started.timeIntervalSince(current.loadedAt) < maxAge { return current.index }
        loads += 1
        do {
            let loaded = try await AccountIndexLoader.load(from: try resolveSource(), fetch: fetch)
            current = (loaded, started)
            return loaded
        } catch {
            guard let current else { throw error }
            logger.warning("[⚠️] Reloading the account index failed, keeping the one loaded at \(current.loadedAt): \(error.description)")
            return current.index
        }
    }
}
