import StarfleetSchema

/// How a ship may be invoked (`InvocationSources`).
public enum InvocationSource: String, Sendable, CaseIterable {
    case s3 = "S3"
    case sqs = "SQS"
    case eventBridgeTimedEvent = "EVENTBRIDGE_TIMED_EVENT"
}

/// How often a timed ship runs (`EventBridgeTimedFrequency`), in declaration order.
public enum EventBridgeFrequency: String, Sendable, CaseIterable {
    case fiveMinutes = "FIVE_MIN"
    case fifteenMinutes = "FIFTEEN_MIN"
    case thirtyMinutes = "THIRTY_MIN"
    case hourly = "HOURLY"
    case sixHourly = "SIX_HOURLY"
    case twelveHourly = "TWELVE_HOURLY"
    case daily = "DAILY"
}

/// The base every ship's configuration template extends (SPEC §1.3).
public enum WorkerShipConfigurationTemplate {
    public static let eventBridgeFrequencyRequired =
        "A EventBridgeTimedFrequency is required when specifying an invocation event of EVENTBRIDGE_TIMED_EVENT."

    public static let alertConfiguration = Schema(name: "AlertConfigurationSchema", fields: [
        .string("channel_id", key: "ChannelId", required: true),
        .string("alert_priority", key: "AlertPriority", required: true, validators: [.oneOf(AlertPriority.allCases.map(\.name))]),
    ], unknownKeys: .raise)

    /// `WorkerShipBaseConfigurationTemplate`. Unknown keys are kept, so ship-specific keys pass.
    /// The EventBridge rule runs on every validation (the original skipped it there, Q1).
    public static let base = Schema(name: "WorkerShipBaseConfigurationTemplate", fields: [
        .boolean("enabled", key: "Enabled", required: true),
        .string("template_prefix", key: "TemplatePrefix", required: true),
        .url("invocation_queue_url", key: "InvocationQueueUrl", required: true),
        .list("invocation_sources", key: "InvocationSources", of: .enumeration(InvocationSource.allCases.map(\.rawValue)), required: true),
        .enumeration("eventbridge_timed_frequency", key: "EventBridgeTimedFrequency", members: EventBridgeFrequency.allCases.map(\.rawValue)),
        .string("starbase_invocation_topic_arn", key: "StarbaseInvocationTopicArn"),
        .nested("alert_configuration", key: "AlertConfiguration", schema: alertConfiguration),
    ], unknownKeys: .include, rules: [
        { data, _ in
            let sources = data["invocation_sources"]?.strings ?? []
            guard sources.contains(InvocationSource.eventBridgeTimedEvent.rawValue),
                  data["eventbridge_timed_frequency"] == nil else { return nil }
            var errors = ValidationErrors()
            errors.addSchemaError(eventBridgeFrequencyRequired)
            return errors
        },
    ])
}
