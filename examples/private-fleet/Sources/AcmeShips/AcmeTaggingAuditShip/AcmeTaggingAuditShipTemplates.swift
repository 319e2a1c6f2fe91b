import Starfleet
import StarfleetSchema

/// The templates of ``AcmeTaggingAuditShip``.
public enum AcmeTaggingAuditShipTemplates {
    /// The `AcmeTaggingAuditShip:` configuration section: the base fields plus where findings go.
    public static let configuration = WorkerShipConfigurationTemplate.base.extending(
        "AcmeTaggingAuditShipConfigurationTemplate",
        fields: [
            .string("findings_channel", key: "FindingsChannel", required: true),
        ]
    )

    /// An ACCOUNT payload: which accounts to audit (from the base) and which tags they must carry.
    public static let payload = PayloadTemplates.baseAccount.extending(
        "AcmeTaggingAuditShipPayloadTemplate",
        fields: [
            .list("required_tags", key: "RequiredTags", of: .string, required: true, validators: [.length(min: 1)]),
        ]
    )
}
