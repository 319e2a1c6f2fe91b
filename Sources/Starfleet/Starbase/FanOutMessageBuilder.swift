import StarfleetSchema

/// Builds the bodies the original's workers expect: the template exactly as uploaded, as JSON
/// in Python `json.dumps` style (YAML order, UpperCamelCase keys, `", "`/`": "` separators,
/// non-ASCII escaped), plus `StarbaseAssignedAccount` (and `StarbaseAssignedRegion`) appended —
/// or overwritten in place when the template already has them.
public struct FanOutMessageBuilder: Sendable {
    public static let accountKey = "StarbaseAssignedAccount"
    public static let regionKey = "StarbaseAssignedRegion"
    static let writer = JSONWriter(indent: 0, asciiOnly: true)

    private let raw: PayloadMap
    /// The template's JSON without its closing brace, when the assignment can simply be appended.
    private let openPrefix: [UInt8]?
    public let untouched: String

    /// `template` must be a mapping (the payload template has validated it).
    public init(template: YAMLNode) {
        let value = PayloadValue(raw: template)
        raw = value.map ?? [:]
        let bytes = Self.writer.bytes(value)
        untouched = String(decoding: bytes, as: UTF8.self)
        if raw[Self.accountKey] == nil, raw[Self.regionKey] == nil, !raw.isEmpty, bytes.last == UInt8(ascii: "}") {
            openPrefix = Array(bytes.dropLast())
        } else {
            openPrefix = nil
        }
    }

    /// The SINGLE_INVOCATION body: the template, untouched.
    public func singleInvocation() -> String { untouched }

    /// The body for one account (and, for ACCOUNT_REGION ships, one region).
    public func body(account: String, region: String? = nil) -> String {
        if var out = openPrefix {
            out.reserveCapacity(out.count + 90)
            append(Self.accountKey, account, to: &out)
            if let region { append(Self.regionKey, region, to: &out) }
            out.append(UInt8(ascii: "}"))
            return String(decoding: out, as: UTF8.self)
        }
        var map = raw
        map[Self.accountKey] = .string(account)
        if let region { map[Self.regionKey] = .string(region) }
        return Self.writer.string(.map(map))
    }

    private func append(_ key: String, _ value: String, to out: inout [UInt8]) {
        out.append(contentsOf: ", \"".utf8)
        out.append(contentsOf: key.utf8)
        out.append(contentsOf: "\": ".utf8)
        out.append(contentsOf: Self.writer.quote(value).utf8)
    }

    /// The messages for a plan, with the original's batch entry ids (account, account+region).
    public func messages(for plan: FanOutPlan) -> [OutgoingMessage] {
        switch plan.strategy {
        case .singleInvocation:
            return [OutgoingMessage(id: "1", body: singleInvocation())]
        case .account:
            return plan.targets.map { OutgoingMessage(id: $0.accountId, body: body(account: $0.accountId)) }
        case .accountRegion:
            var messages: [OutgoingMessage] = []
            messages.reserveCapacity(plan.invocationCount)
            for target in plan.targets {
                for region in target.regions {
                    messages.append(OutgoingMessage(id: target.accountId + region,
                                                    body: body(account: target.accountId, region: region)))
                }
            }
            return messages
        }
    }
}
