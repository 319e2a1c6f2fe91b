import StarfleetSchema

/// The `StarfleetDefaultAccountIndex` section (SPEC §1.4), plus `IndexFile` for offline work.
public enum DefaultAccountIndexConfigurationTemplate {
    public static let sectionName = "StarfleetDefaultAccountIndex"

    public static let schema = Schema(name: "StarfleetDefaultAccountIndexConfigurationTemplate", fields: [
        .string("index_bucket", key: "IndexBucket", required: true),
        .string("bucket_region", key: "BucketRegion", required: true),
        .string("index_object_path", key: "IndexObjectPath", default: "accountIndex.json"),
        .string("index_file", key: "IndexFile"),
    ], unknownKeys: .raise)
}
