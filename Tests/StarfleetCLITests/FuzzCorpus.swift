import Foundation

/// Deterministic generator of hostile YAML: random scalars and wrong types in known keys,
/// deep nesting, long strings, invalid UTF-8, alias chains and byte-level mutations of
/// valid documents.
struct FuzzCorpus {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    /// SplitMix64.
    private mutating func random() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    private mutating func int(_ bound: Int) -> Int { Int(random() % UInt64(bound)) }
    private mutating func pick<T>(_ items: [T]) -> T { items[int(items.count)] }

    static let baseConfiguration = """
    STARFLEET:
      DeploymentRegion: us-east-1
      TemplateBucket: templates
      FanOutQueueUrl: https://sqs.us-east-1.amazonaws.com/1/fan-out
    StarfleetDefaultAccountIndex:
      IndexBucket: index
      BucketRegion: us-east-1

    """

    static let seeds = [
        """
        TemplateName: T
        TemplateDescription: D
        IncludeAccounts:
          ByNames: [Account 1, Account 2]
          ByTags:
            - Name: env
              Value: prod
        ExcludeAccounts:
          ByIds: ["000000000001"]
        IncludeRegions: [us-east-1, eu-west-1]
        ExcludeRegions: []
        AccountInventoryBucket: b
        InventoryBucketRegion: us-east-1
        """,
        """
        AccountIndexGeneratorShip:
          Enabled: true
          TemplatePrefix: x/
          InvocationQueueUrl: https://sqs.us-east-1.amazonaws.com/1/q
          InvocationSources: [S3, EVENTBRIDGE_TIMED_EVENT]
          EventBridgeTimedFrequency: HOURLY
          OrgAccountId: "000000000001"
          OrgAccountAssumeRole: r
          OrgRootId: r-1
          DescribeRegionsAssumeRole: d
        """,
    ]

    static let keys = ["TemplateName", "TemplateDescription", "IncludeAccounts", "ExcludeAccounts", "IncludeRegions",
                       "ExcludeRegions", "AllAccounts", "ByNames", "ByIds", "ByOrgUnits", "ByTags", "Name", "Value",
                       "OperateInOrgRoot", "StarbaseAssignedAccount", "Enabled", "InvocationSources", "STARFLEET",
                       "AccountIndexGeneratorShip", "template_name", "<<"]

    private mutating func scalar() -> String {
        pick(["yes", "No", "~", "null", "000000000001", "012345678910", "0x1F", "1e3", "1.5", ".inf", "2024-01-01",
              "''", "\"\"", "ALL", "all", "us-east-1", "mars-1", "-", "!!str 5", "!!binary aGk=", "[]", "{}",
              "\"\\u00e9\"", "🚀", "日本語", "&a x", "*a", "!!float 1", "1:20", "0b101", "- -", "? x", "|", ">"])
    }

    private mutating func value(depth: Int) -> String {
        switch int(depth > 3 ? 2 : 5) {
        case 0: return scalar()
        case 1: return "\"" + String(repeating: pick(["x", "é", "🚀", "\\n"]), count: int(64)) + "\""
        case 2: return "[" + (0..<int(4)).map { _ in scalar() }.joined(separator: ", ") + "]"
        case 3: return "{" + (0..<int(4)).map { _ in pick(Self.keys) + ": " + value(depth: depth + 1) }.joined(separator: ", ") + "}"
        default: return "[" + value(depth: depth + 1) + "]"
        }
    }

    /// The next document as raw bytes.
    mutating func next() -> Data {
        switch int(10) {
        case 0, 1, 2:
            // Random keys and values.
            let lines = (0..<(1 + int(8))).map { _ in pick(Self.keys) + ": " + value(depth: 0) }
            return Data(lines.joined(separator: "\n").utf8)
        case 3:
            // Deep nesting, sometimes past the parser's limit.
            let depth = pick([10, 200, 999, 1_200, 5_000])
            let open = pick(["[", "{a: "])
            let close = open == "[" ? "]" : "}"
            return Data(("TemplateName: " + String(repeating: open, count: depth) + "x" + String(repeating: close, count: depth)).utf8)
        case 4:
            // Long strings.
            let length = pick([1_000, 20_000, 200_000])
            return Data(("TemplateName: " + String(repeating: "a", count: length) + "\nTemplateDescription: d\n").utf8)
        case 5:
            // Invalid UTF-8 and control bytes inside an otherwise valid document.
            var bytes = [UInt8](pick(Self.seeds).utf8)
            for _ in 0..<(1 + int(4)) {
                bytes.insert(pick([0xFF, 0xC3, 0x80, 0xED, 0x00, 0x1B, 0xFE]), at: int(bytes.count))
            }
            return Data(bytes)
        case 6:
            // Alias chains: small ones load, big ones must be refused.
            let levels = 3 + int(8)
            let fan = 2 + int(8)
            var lines = ["a0: &a0 [\"lol\", \"lol\"]"]
            for level in 1..<levels {
                let refs = Array(repeating: "*a\(level - 1)", count: fan).joined(separator: ", ")
                lines.append("a\(level): &a\(level) [\(refs)]")
            }
            lines.append(pick(["IncludeRegions: *a\(levels - 1)", "TemplateName: *a\(levels - 1)", "Extra: *a\(levels - 1)"]))
            return Data(lines.joined(separator: "\n").utf8)
        default:
            // Byte and line mutations of a valid document.
            var lines = pick(Self.seeds).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            for _ in 0..<(1 + int(3)) {
                let at = int(lines.count)
                switch int(5) {
                case 0: lines.remove(at: at); if lines.isEmpty { lines = ["x"] }
                case 1: lines.insert(lines[at], at: at)
                case 2: lines[at] = String(repeating: " ", count: int(6)) + lines[at]
                case 3: lines[at] = String(lines[at].prefix(int(max(lines[at].count, 1))))
                default: lines[at] += " " + scalar()
                }
            }
            return Data(lines.joined(separator: "\n").utf8)
        }
    }
}
