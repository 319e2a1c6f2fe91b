import StarfleetSchema
import StarfleetTestSupport
import Testing

/// SPEC §2.4: plain scalars are typed the way PyYAML's YAML 1.1 safe loader types them.
@Suite struct YAMLScalarTypingTests {
    static let plainScalars: [(String, YAMLValue)] = [
        ("000000000001", .int(1)),                      // octal, becomes the integer 1
        ("012345678910", .string("012345678910")),      // 8 and 9 are not octal digits
        ("123456789012", .int(123_456_789_012)),
        ("yes", .bool(true)), ("Yes", .bool(true)), ("YES", .bool(true)),
        ("No", .bool(false)), ("no", .bool(false)), ("NO", .bool(false)),
        ("ON", .bool(true)), ("on", .bool(true)), ("On", .bool(true)),
        ("off", .bool(false)), ("Off", .bool(false)), ("OFF", .bool(false)),
        ("true", .bool(true)), ("False", .bool(false)),
        ("~", .null), ("null", .null), ("Null", .null), ("NULL", .null),
        ("2024-01-01", .timestamp("2024-01-01")),
        ("2024-03-27 18:38:27.526430+00:00", .timestamp("2024-03-27 18:38:27.526430+00:00")),
        ("0x1F", .int(31)),
        ("0b101", .int(5)),
        ("1_000", .int(1000)),
        ("-12", .int(-12)),
        ("190:20:30", .int(685_230)),                    // YAML 1.1 base 60
        ("1e3", .string("1e3")),                         // YAML 1.1 floats need a dot
        ("1.5", .double(1.5)),
        ("1.0e+3", .double(1000)),
        (".5", .double(0.5)),
        ("y", .string("y")),                             // PyYAML does not treat y/n as booleans
        ("n", .string("n")),
        ("S3", .string("S3")),
        ("us-east-1", .string("us-east-1")),
    ]

    @Test(arguments: plainScalars)
    func plainScalarIsTypedLikeYAML11(text: String, expected: YAMLValue) {
        let node = yaml("value: \(text)\n")
        #expect(node["value"]?.value == expected, "\(text)")
    }

    @Test(arguments: ["'000000000001'", "\"000000000001\"", "'yes'", "\"null\"", "'2024-01-01'", "'0x1F'", "\"1.5\"", "'~'"])
    func quotedScalarIsAlwaysAString(text: String) {
        let node = yaml("value: \(text)\n")
        let unquoted = String(text.dropFirst().dropLast())
        #expect(node["value"]?.value == .string(unquoted))
    }

    @Test func explicitStrTagKeepsTheText() {
        #expect(yaml("value: !!str 5\n")["value"]?.value == .string("5"))
        #expect(yaml("value: !!str yes\n")["value"]?.value == .string("yes"))
    }

    @Test func emptyValueIsNull() {
        #expect(yaml("value:\n")["value"]?.value == .null)
    }

    @Test func hugeIntegerIsKeptAsBigInt() {
        #expect(yaml("value: 123456789012345678901234567890\n")["value"]?.value == .bigInt("123456789012345678901234567890"))
    }

    @Test func resolverAgreesWithReaderForPlainText() {
        #expect(ScalarResolver.resolve(plain: "000000000001") == .int(1))
        #expect(ScalarResolver.resolve(plain: "012345678910") == .string("012345678910"))
        #expect(ScalarResolver.resolve(plain: "") == .null)
    }
}
