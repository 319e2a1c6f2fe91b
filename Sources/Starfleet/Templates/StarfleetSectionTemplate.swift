import StarfleetSchema

/// The `STARFLEET` section and the top-level configuration schema (SPEC §1.2).
public enum StarfleetSectionTemplate {
    public static let logLevels = ["CRITICAL", "ERROR", "WARNING", "INFO", "DEBUG", "NOTSET"]

    public static let slackRequiresSecretsManager =
        "Slack can only be enabled if you are using Secrets Manager -- you need to configure the `SecretsManager` field."

    static func regionValidator(_ catalog: RegionCatalog) -> FieldValidator {
        .custom { value in
            guard let name = value.string, !catalog.names.contains(name) else { return nil }
            return .message("Must be one of: \(catalog.joined).")
        }
    }

    public static func secretsManager(regions: RegionCatalog) -> Schema {
        Schema(name: "SecretsManagerSchema", fields: [
            .string("secret_id", key: "SecretId", required: true),
            .string("secret_region", key: "SecretRegion", required: true, validators: [regionValidator(regions)]),
        ], unknownKeys: .raise)
    }

    public static func section(regions: RegionCatalog) -> Schema {
        Schema(name: "StarfleetSectionSchema", fields: [
            .string("deployment_region", key: "DeploymentRegion", required: true, validators: [regionValidator(regions)]),
            .string("template_bucket", key: "TemplateBucket", required: true),
            .url("fan_out_queue_url", key: "FanOutQueueUrl", required: true),
            .string("account_index", key: "AccountIndex", default: "StarfleetDefaultAccountIndex"),
            .list("scope_to_regions", key: "ScopeToRegions", of: .string, itemValidators: [regionValidator(regions)], default: .list([])),
            .nested("secrets_manager", key: "SecretsManager", schema: secretsManager(regions: regions)),
            .boolean("slack_enabled", key: "SlackEnabled", default: false),
            .string("log_level", key: "LogLevel", default: "INFO", validators: [.oneOf(logLevels)]),
            .mapping("third_party_logger_levels", key: "ThirdPartyLoggerLevels"),
        ], unknownKeys: .raise, rules: [
            { data, _ in
                guard data["slack_enabled"]?.bool == true else { return nil }
                if let secrets = data["secrets_manager"]?.map, !secrets.isEmpty { return nil }
                var errors = ValidationErrors()
                errors.add(slackRequiresSecretsManager, at: "SlackEnabled")
                return errors
            },
        ])
    }

    /// The whole merged configuration: `STARFLEET` is required; other sections pass through.
    public static func configuration(regions: RegionCatalog) -> Schema {
        Schema(name: "BaseConfigurationSchema", fields: [
            .nested("starfleet", key: "STARFLEET", schema: section(regions: regions), required: true),
        ], unknownKeys: .exclude)
    }

    public static let active = configuration(regions: .active)
}
