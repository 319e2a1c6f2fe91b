import StarfleetSchema

/// The EventBridge schedule's job (SPEC §7.1): for one frequency, one tasking message per
/// `.yaml` template of every enabled ship timed at that frequency.
public struct TimedTasking: Sendable {
    public let ship: String
    public let templateKey: String

    public init(ship: String, templateKey: String) {
        self.ship = ship
        self.templateKey = templateKey
    }

    /// `{"worker_ship": NAME, "template_prefix": KEY}` in `json.dumps` style.
    public var body: String {
        let writer = FanOutMessageBuilder.writer
        return "{\"worker_ship\": \(writer.quote(ship)), \"template_prefix\": \(writer.quote(templateKey))}"
    }

    /// Enabled, valid ships with `EVENTBRIDGE_TIMED_EVENT` in their sources and this frequency.
    public static func ships(for frequency: EventBridgeFrequency, in registry: ShipRegistry) -> [ShipStatus] {
        registry.enabledShips.filter {
            $0.invocationSources.contains(InvocationSource.eventBridgeTimedEvent.rawValue)
                && $0.timedFrequency == frequency.rawValue
        }
    }

    /// The templates of one ship: its prefix itself when it names a `.yaml` file, otherwise
    /// every `.yaml` key under it (nested ones too).
    public static func templateKeys(prefix: String, bucket: String, store: any TemplateStore) async throws(TemplateStoreError) -> [String] {
        if prefix.hasSuffix(".yaml") { return [prefix] }
        return try await store.keys(bucket: bucket, prefix: prefix).filter { $0.hasSuffix(".yaml") }
    }

    /// The batch entries, with Ids running from "1" as the original numbered them.
    public static func messages(_ taskings: [TimedTasking]) -> [OutgoingMessage] {
        taskings.enumerated().map { OutgoingMessage(id: String($0.offset + 1), body: $0.element.body) }
    }
}
