import Starfleet
import StarfleetSchema

/// The templates of `RegionBaselineShip`, the example ship of this guide.
enum RegionBaselineTemplates {
    /// The `RegionBaselineShip:` configuration section: what every invocation needs.
    static let configuration = WorkerShipConfigurationTemplate.base.extending(
        "RegionBaselineShipConfigurationTemplate",
        fields: [
            .string("baseline_bucket", key: "BaselineBucket", required: true),
            .string("baseline_bucket_region", key: "BaselineBucketRegion", required: true),
        ]
    )

    /// One payload: which accounts and regions (inherited from the base) and what goes in the
    /// baseline of each.
    static let payload = PayloadTemplates.baseAccountRegion.extending(
        "RegionBaselineShipPayloadTemplate",
        fields: [
            .string("baseline_name", key: "BaselineName", required: true, validators: [.length(min: 1, max: 64)]),
            .list("required_services", key: "RequiredServices", of: .string, default: .list([])),
        ],
        rules: [normalizeServices]
    )

    /// A payload rule may reshape what was loaded: service names are stored lowercased, sorted
    /// and without duplicates, so `[S3, ec2, s3]` loads as `["ec2", "s3"]`.
    static let normalizeServices: Schema.ObjectRule = { data, _ in
        let services = Set((data["required_services"]?.strings ?? []).map { $0.lowercased() })
        data["required_services"] = .list(services.sorted().map(PayloadValue.string))
        return nil
    }
}
