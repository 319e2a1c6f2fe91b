import Foundation
import Starfleet
import StarfleetSchema

/// Templates of the GitHub sync worker. The payload has the original's keys, so its payloads
/// validate unchanged; the configuration is the base worker configuration plus two optional
/// archive limits (a base configuration is valid as it is).
public enum GitHubSyncWorkerShipTemplates {
    /// Everything: the include default when `IncludeRepoPaths` is absent.
    public static let includeEverything = "^.+$"

    public static let configuration = WorkerShipConfigurationTemplate.base.extending(
        "GitHubSyncWorkerShipConfigurationTemplate",
        fields: [
            .integer("max_archive_entries", key: "MaxArchiveEntries", default: ZipballExtractor.Limits.defaultMaxEntries,
                     validators: [.range(min: 1)]),
            .integer("max_archive_bytes", key: "MaxArchiveBytes", default: ZipballExtractor.Limits.defaultMaxTotalBytes,
                     validators: [.range(min: 1)]),
        ]
    )

    public static let payload = PayloadTemplates.workerShipPayloadBase.extending(
        "GitHubSyncPayloadTemplate",
        fields: [
            .string("organization", key: "Organization", required: true),
            .string("repository", key: "Repository", required: true),
            .string("branch_name", key: "BranchName", required: true),
            .string("github_app_id", key: "GitHubAppId", required: true),
            .string("github_installation_id", key: "GitHubInstallationId", required: true),
            .string("bucket_name", key: "BucketName", required: true),
            .string("bucket_region", key: "BucketRegion", required: true, validators: [.custom(bucketRegionRule)]),
            .boolean("extract_zip_contents", key: "ExtractZipContents", required: true),
            .list("include_repo_paths", key: "IncludeRepoPaths", of: .string, itemValidators: [.custom(regexRule)],
                  default: .list([.string(includeEverything)])),
            .list("exclude_repo_paths", key: "ExcludeRepoPaths", of: .string, itemValidators: [.custom(regexRule)],
                  default: .list([])),
            .string("key_prefix", key: "KeyPrefix", default: ""),
            .boolean("delete_missing_files", key: "DeleteMissingFiles", default: false),
        ]
    )

    /// A pattern must compile; the message is reported under the key and the item's index.
    static let regexRule: @Sendable (PayloadValue) -> ValidationErrors? = { value in
        guard let pattern = value.string else { return nil }
        guard (try? RepositoryPathFilter.compile(pattern)) == nil else { return nil }
        return .message("Not a valid regular expression: \(pattern)")
    }

    /// The original checks `BucketRegion` against the regions S3 is in: here the region catalog.
    static let bucketRegionRule: @Sendable (PayloadValue) -> ValidationErrors? = { value in
        guard let region = value.string else { return nil }
        let catalog = RegionCatalog.active
        return catalog.names.contains(region) ? nil : .message("Must be one of: \(catalog.joined).")
    }
}
