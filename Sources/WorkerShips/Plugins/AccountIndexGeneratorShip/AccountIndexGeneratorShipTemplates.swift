import Starfleet
import StarfleetSchema

/// Configuration and payload templates of the account index generator (SPEC §1.4, §6).
public enum AccountIndexGeneratorShipTemplates {
    /// Where the organization lives and which roles to assume. `OrgAccountId` must be quoted in
    /// YAML: unquoted, `000000000001` is the integer 1.
    public static let configuration = WorkerShipConfigurationTemplate.base.extending(
        "AccountIndexGeneratorShipConfigurationTemplate",
        fields: [
            .string("org_account_assume_role", key: "OrgAccountAssumeRole", required: true),
            .string("org_account_id", key: "OrgAccountId", required: true),
            .string("org_root_id", key: "OrgRootId", required: true),
            .string("describe_regions_assume_role", key: "DescribeRegionsAssumeRole", required: true),
            .integer("max_concurrency", key: "MaxConcurrency", default: 8, validators: [.range(min: 1, max: 64)]),
        ]
    )

    /// Where the index is written.
    public static let payload = PayloadTemplates.workerShipPayloadBase.extending(
        "AccountIndexGeneratorShipPayloadTemplate",
        fields: [
            .string("account_inventory_bucket", key: "AccountInventoryBucket", required: true),
            .string("inventory_bucket_region", key: "InventoryBucketRegion", required: true),
            .string("inventory_object_prefix", key: "InventoryObjectPrefix", default: "accountIndex.json"),
        ]
    )
}
