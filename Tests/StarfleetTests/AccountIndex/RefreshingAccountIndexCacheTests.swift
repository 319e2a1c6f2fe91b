import Foundation
import Logging
import Starfleet
import StarfleetTestSupport
import Synchronization
import Testing

/// The Lambda container's account index: kept while younger than its max age, reloaded after,
/// and the old one kept when a reload fails.
@Suite struct RefreshingAccountIndexCacheTests {
    final class Clock: Sendable {
        private let seconds = Mutex<TimeInterval>(0)
        func advance(_ by: TimeInterval) { seconds.withLock { $0 += by } }
        var now: Date { Date(timeIntervalSince1970: 1_000_000 + seconds.withLock { $0 }) }
    }

    static func configuration(in directory: TemporaryDirectory) throws -> Configuration {
        try directory.write("""
        STARFLEET:
          DeploymentRegion: us-east-1
          TemplateBucket: templates
          FanOutQueueUrl: https://sqs.us-east-1.amazonaws.com/000000000000/fan-out
        StarfleetDefaultAccountIndex:
          IndexBucket: unused
          BucketRegion: us-east-1
          IndexFile: index.json

        """, to: "starfleet.yaml")
        return try ConfigurationLoader().load(directory: directory.path)
    }

    static func writeIndex(_ fixture: String, to directory: TemporaryDirectory) throws {
        try directory.write(try String(contentsOf: RepositoryPaths.fixture("index/\(fixture)"), encoding: .utf8), to: "index.json")
    }

    @Test func theIndexIsKeptUntilItIsOlderThanItsMaxAgeAndAFailedReloadKeepsTheOldOne() async throws {
        let directory = try TemporaryDirectory(prefix: "refreshing-index")
        let configuration = try Self.configuration(in: directory)
        try Self.writeIndex("two_accounts.json", to: directory)
        let clock = Clock()
        let cache = RefreshingAccountIndexCache(
            configuration: configuration, fetch: { _, _, _ in Data() }, maxAge: 60,
            logger: Logger(label: "test") { _ in SwiftLogNoOpLogHandler() }, now: { clock.now })
        let first = try await cache.index()
        _ = try await cache.index()
        clock.advance(59)
        _ = try await cache.index()
        #expect(await cache.loads == 1)
        clock.advance(2)
        _ = try await cache.index()
        #expect(await cache.loads == 2)

        try Self.writeIndex("not_json.json", to: directory)
        clock.advance(61)
        let stale = try await cache.index()
        #expect(await cache.loads == 3)
        #expect(first.allAccounts.count == 2)
        #expect(stale.allAccounts == first.allAccounts)
    }

    @Test func withoutAnIndexYetAFailedLoadIsAnError() async throws {
        let directory = try TemporaryDirectory(prefix: "refreshing-index")
        let configuration = try Self.configuration(in: directory)
        try Self.writeIndex("not_json.json", to: directory)
        let cache = RefreshingAccountIndexCache(configuration: configuration, fetch: { _, _, _ in Data() }, maxAge: 60,
                                                logger: Logger(label: "test") { _ in SwiftLogNoOpLogHandler() })
        do throws(AccountIndexError) {
            _ = try await cache.index()
            Issue.record("expected an error")
        } catch {
            guard case .malformed = error else {
                Issue.record("expected a malformed index, got \(error)")
                return
            }
        }
        #expect(await cache.loads == 1)
    }
}
