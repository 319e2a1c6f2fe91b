import Foundation
import StarfleetSchema

/// Where the account index comes from: a local file (offline work) or the S3 object the
/// `StarfleetDefaultAccountIndex` section names.
public enum AccountIndexSource: Sendable, Equatable, CustomStringConvertible {
    case file(String)
    case s3(bucket: String, key: String, region: String)

    public var description: String {
        switch self {
        case .file(let path): return path
        case .s3(let bucket, let key, _): return "s3://\(bucket)/\(key)"
        }
    }

    /// How an operator provides an index, for every command that needs one and has none.
    public static let howToConfigure = """
        no \(DefaultAccountIndexConfigurationTemplate.sectionName) section in the configuration. Add one naming the \
        generator's S3 object (IndexBucket, BucketRegion, IndexObjectPath) or a local copy (IndexFile), \
        or pass --account-index FILE
        """

    /// `--account-index FILE`, else the section's `IndexFile`, else its S3 object.
    public static func resolve(configuration: Configuration, overrideFile: String?) throws(AccountIndexError) -> AccountIndexSource {
        if let overrideFile, !overrideFile.isEmpty { return .file(overrideFile) }
        let sectionName = DefaultAccountIndexConfigurationTemplate.sectionName
        guard configuration.accountIndexName == sectionName else {
            throw .unknownIndex(configuration.accountIndexName)
        }
        guard let section = configuration.section(sectionName) else {
            throw .missingConfiguration(AccountIndexSource.howToConfigure)
        }
        let loaded: PayloadMap
        do {
            loaded = try DefaultAccountIndexConfigurationTemplate.schema.load(section)
        } catch {
            throw .missingConfiguration("\(sectionName): \(error.errors.pythonRepr)")
        }
        if let file = loaded["index_file"]?.string, !file.isEmpty {
            // Relative paths are relative to the configuration directory.
            let path = file.hasPrefix("/") ? file : (configuration.directory as NSString).appendingPathComponent(file)
            return .file(path)
        }
        return .s3(bucket: loaded["index_bucket"]?.string ?? "", key: loaded["index_object_path"]?.string ?? "accountIndex.json",
                   region: loaded["bucket_region"]?.string ?? "us-east-1")
    }
}

/// Fetches an object's bytes (S3 in production; injected so the core needs no AWS types).
public typealias ObjectFetcher = @Sendable (_ bucket: String, _ key: String, _ region: String) async throws -> Data

public enum AccountIndexLoader {
    public static func load(from source: AccountIndexSource, fetch: ObjectFetcher) async throws(AccountIndexError) -> DefaultAccountIndex {
        let data: Data
        switch source {
        case .file(let path):
            // Mapped rather than copied: an index of 10,000 accounts is ~19 MB.
            guard let contents = try? Data(contentsOf: URL(fileURLWithPath: path), options: .alwaysMapped) else {
                throw .unavailable("\(path): \(YAMLReader.describeReadFailure(path: path))")
            }
            data = contents
        case .s3(let bucket, let key, let region):
            do {
                data = try await fetch(bucket, key, region)
            } catch {
                throw .unavailable("s3://\(bucket)/\(key): \(error)")
            }
        }
        return try DefaultAccountIndex(data: data)
    }
}
