import Foundation
import Starfleet
import StarfleetAWS

/// Connects the core's injected hooks to the AWS client.
enum AWSWiring {
    /// Fetches S3 objects with the default credential chain and endpoint overrides.
    static func objectFetcher(environment: [String: String]) -> ObjectFetcher {
        { bucket, key, region in
            let session = AWSSession(region: region, environment: environment)
            return try await session.s3(region: region).getObject(bucket: bucket, key: key)
        }
    }

    /// A cache that resolves its source only when a command first needs the index.
    static func lazyAccountIndexCache(configuration: Configuration, overrideFile: String?,
                                      environment: [String: String]) -> AccountIndexCache {
        AccountIndexCache(configuration: configuration, overrideFile: overrideFile, fetch: objectFetcher(environment: environment))
    }

    static func accountIndexCache(configuration: Configuration, overrideFile: String?,
                                  environment: [String: String]) throws(CLIFailure) -> (AccountIndexCache, AccountIndexSource) {
        do {
            let source = try AccountIndexSource.resolve(configuration: configuration, overrideFile: overrideFile)
            return (AccountIndexCache(source: source, fetch: objectFetcher(environment: environment)), source)
        } catch {
            throw CLIFailure(.usage, error.description)
        }
    }
}
