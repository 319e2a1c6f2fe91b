import StarfleetSchema
import StarfleetTestSupport
import Testing

/// SPEC §2.4 coercion rules, fed with exact node values so YAML typing does not interfere.
@Suite struct CoercionTests {
    static func single(_ kind: FieldKind) -> Schema {
        Schema(name: "One", fields: [Field("value", key: "Value", kind: kind)])
    }

    static func input(_ value: YAMLValue) -> YAMLNode {
        YAMLNode(.mapping([YAMLPair(key: YAMLNode(.string("Value")), value: YAMLNode(value))]))
    }

    static func load(_ kind: FieldKind, _ value: YAMLValue) -> LoadResult {
        single(kind).loadResult(input(value))
    }

    // MARK: Boolean

    static let truthySpellings = ["t", "T", "true", "True", "TRUE", "on", "On", "ON", "y", "Y", "yes", "Yes", "YES", "1"]
    static let falsySpellings = ["f", "F", "false", "False", "FALSE", "off", "Off", "OFF", "n", "N", "no", "No", "NO", "0"]

    @Test(arguments: truthySpellings.map(YAMLValue.string) + [.int(1), .double(1.0), .bool(true)])
    func truthyValuesLoadAsTrue(value: YAMLValue) {
        let result = Self.load(.boolean, value)
        #expect(result.errors.isEmpty)
        #expect(result.data["value"] == .bool(true))
    }

    @Test(arguments: falsySpellings.map(YAMLValue.string) + [.int(0), .double(0.0), .bool(false)])
    func falsyValuesLoadAsFalse(value: YAMLValue) {
        let result = Self.load(.boolean, value)
        #expect(result.errors.isEmpty)
        #expect(result.data["value"] == .bool(false))
    }

    @Test(arguments: [YAMLValue.string("tRuE"), .string(""), .int(2), .int(-1), .double(0.5), .string("maybe"),
                      .string(" true"), .sequence([]), .mapping([]), .timestamp("2024-01-01")])
    func otherValuesAreNotValidBooleans(value: YAMLValue) {
        expectErrors(Self.load(.boolean, value).errors, #"{"Value": ["Not a valid boolean."]}"#)
    }

    @Test func unquotedYAMLSpellingsReachTheBooleanFieldTyped() {
        // `yes` is already a YAML boolean; `y` stays a string but is still truthy for the field.
        for (text, expected) in [("yes", true), ("y", true), ("Off", false), ("n", false), ("1", true), ("0", false)] {
            let result = Self.single(.boolean).loadResult(yaml("Value: \(text)"))
            #expect(result.data["value"] == .bool(expected), "\(text)")
        }
    }

    // MARK: Integer

    static let integerCases: [(YAMLValue, Int?)] = [
        (.int(5), 5), (.int(-3), -3), (.double(2.0), 2), (.string("7"), 7), (.string(" 8 "), 8), (.string("-9"), -9),
        (.string("2.5"), nil), (.string("abc"), nil), (.string(""), nil), (.bool(true), nil), (.bool(false), nil),
        (.sequence([]), nil), (.double(.infinity), nil),
    ]

    @Test(arguments: integerCases)
    func integerCoercion(value: YAMLValue, expected: Int?) {
        let result = Self.load(.integer, value)
        if let expected {
            #expect(result.errors.isEmpty)
            #expect(result.data["value"] == .int(expected))
        } else {
            expectErrors(result.errors, #"{"Value": ["Not a valid integer."]}"#)
        }
    }

    /// The original truncates 2.5 to 2; we refuse it and say why (a port decision).
    @Test(arguments: [(2.5, "Not a valid integer: 2.5 has a fractional part (it is refused, not truncated to 2)."),
                      (-7.75, "Not a valid integer: -7.75 has a fractional part (it is refused, not truncated to -7).")])
    func fractionalNumbersAreRefusedWithTheReason(value: Double, message: String) {
        expectErrors(Self.load(.integer, .double(value)).errors, #"{"Value": ["\#(message)"]}"#)
    }

    @Test func aFractionalRetentionPeriodIsRefusedAtItsLine() {
        let schema = Self.single(.integer)
        let errors = schema.validate(yaml("\nValue: 90.5"))
        #expect(errors.entries().map(\.message) == ["Not a valid integer: 90.5 has a fractional part (it is refused, not truncated to 90)."])
        #expect(errors.entries().first?.mark?.line == 2)
    }

    // MARK: String

    @Test(arguments: [YAMLValue.int(5), .double(1.5), .bool(true), .timestamp("2024-01-01"), .sequence([]), .mapping([]), .bigInt("1" + String(repeating: "0", count: 30))])
    func onlyRealStringsAreStrings(value: YAMLValue) {
        expectErrors(Self.load(.string, value).errors, #"{"Value": ["Not a valid string."]}"#)
    }

    @Test func yamlTypingDecidesWhetherAnAccountIdIsAString() {
        let schema = Self.single(.string)
        expectErrors(schema.validate(yaml("Value: 000000000001")), #"{"Value": ["Not a valid string."]}"#)
        expectErrors(schema.validate(yaml("Value: 123456789012")), #"{"Value": ["Not a valid string."]}"#)
        #expect(schema.validate(yaml("Value: 012345678910")).isEmpty)
        #expect(schema.validate(yaml("Value: '000000000001'")).isEmpty)
    }

    // MARK: URL

    static let validURLs = [
        "https://sqs.us-east-1.amazonaws.com",
        "https://sqs.us-east-1.amazonaws.com/123456789012/queue",
        "https://sqs.DEPLOYMENT-REGION.amazonaws.com/X",
        "https://sqs.amazonaws.com/fanout-queue",
        "HTTPS://example.com/q",
        "Https://example.com",
        "https://localhost",
        "https://localhost:9324/q",
        "https://127.0.0.1/q",
        "https://10.0.0.1:8443/q?x=1",
        "https://example.com./q",
    ]

    @Test(arguments: validURLs)
    func httpsURLsWithATLDLocalhostOrIPv4Pass(url: String) {
        #expect(Self.load(.url, .string(url)).errors.isEmpty, "\(url)")
    }

    static let invalidURLs = [
        "http://sqs.amazonaws.com/q",
        "ftp://example.com/q",
        "",
        "https://foo/q",
        "https://foo_bar.example.com/q",
        "https://foo bar.example.com/q",
        "https://",
        "sqs.amazonaws.com/q",
        "https://example.com:port/q",
        "https://example.com/a b",
    ]

    @Test(arguments: invalidURLs)
    func otherURLsAreNotValid(url: String) {
        expectErrors(Self.load(.url, .string(url)).errors, #"{"Value": ["Not a valid URL."]}"#)
    }

    @Test(arguments: [YAMLValue.int(5), .bool(true), .sequence([])])
    func nonStringURLsAreNotValid(value: YAMLValue) {
        expectErrors(Self.load(.url, value).errors, #"{"Value": ["Not a valid URL."]}"#)
    }

    // MARK: Mapping and raw

    @Test func mappingKeepsValuesAsWritten() {
        let result = Self.single(.mapping).loadResult(yaml("Value: {botocore: CRITICAL, n: 1}"))
        #expect(result.data["value"] == .map(["botocore": .string("CRITICAL"), "n": .int(1)]))
    }

    @Test func rawKeepsAnything() {
        let result = Self.single(.raw).loadResult(yaml("Value: [1, two, {three: 3}]"))
        #expect(result.data["value"] == .list([.int(1), .string("two"), .map(["three": .int(3)])]))
    }
}
