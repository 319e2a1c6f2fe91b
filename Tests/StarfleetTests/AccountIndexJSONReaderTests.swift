import Foundation
@testable import Starfleet
import StarfleetSchema
import StarfleetTestSupport
import Testing

/// The index reader: the same document Foundation's JSONDecoder would give, for any JSON the
/// generator (or a person) could write, and a located message for anything else.
@Suite struct AccountIndexJSONReaderTests {
    private func decodeWithFoundation(_ data: Data) throws -> AccountIndexDocument {
        try JSONDecoder().decode(AccountIndexDocument.self, from: data)
    }

    private func malformedDetail(_ text: String) -> String? {
        do {
            _ = try AccountIndexDocument.decode(Data(text.utf8))
            return nil
        } catch {
            guard case .malformed(let detail) = error else { return "\(error)" }
            return detail
        }
    }

    @Test func generatorLayoutReadsAsFoundationDecodesIt() throws {
        let document = SyntheticIndex.document()
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        let data = try encoder.encode(document)
        #expect(try AccountIndexDocument.decode(data) == document)
        #expect(try AccountIndexDocument.decode(data) == decodeWithFoundation(data))
    }

    @Test func fixtureFileReadsAsFoundationDecodesIt() throws {
        let data = try Data(contentsOf: RepositoryPaths.fixture("index/two_accounts.json"))
        let document = try AccountIndexDocument.decode(data)
        #expect(document == (try decodeWithFoundation(data)))
        #expect(document.accounts.count == 2)
    }

    @Test func escapesUnicodeNullsAndUnknownMembersAreHandled() throws {
        let text = #"""
        {"generated": null, "extra": [1, -2.5e+3, 0.25, true, false, null, {"deep": [[{}], []]}, "x\"y"],
         "accounts": {
          "111111111111": {
            "Id": "111111111111", "Name": "Caf\u00e9 \ud83d\ude80 \/ \"quoted\" \\ tab\t", "Email": null,
            "Arn": "arn:aws:organizations::222222222222:account/o-x/111111111111",
            "Tags": {"Owner": "Zo\u00eb", "Cost\nCenter": "CC-1", "Empty": ""},
            "Parents": [{"Id": "ou-abcd-12345678", "Name": "Équipe très longue", "Type": "ORGANIZATIONAL_UNIT", "Extra": 7},
                        {"Id": "r-abcd", "Name": "ROOT", "Type": "ROOT"}],
            "Regions": ["eu-west-1", "us-east-1"], "Unknown": {"a": {"b": [1, 2, {"c": null}]}}, "Number": 12
          },
          "333333333333": {"Id": "333333333333", "Tags": null, "Parents": null, "Regions": null}
         }}
        """#
        let data = Data(text.utf8)
        let document = try AccountIndexDocument.decode(data)
        #expect(document == (try decodeWithFoundation(data)))
        let account = try #require(document.accounts["111111111111"])
        #expect(account.name == "Café 🚀 / \"quoted\" \\ tab\t")
        #expect(account.tags == ["Owner": "Zoë", "Cost\nCenter": "CC-1", "Empty": ""])
        #expect(account.parents.first?.name == "Équipe très longue")
        #expect(account.email == nil)
        #expect(document.generated == nil)
        #expect(document.accounts["333333333333"]?.regions == [])
    }

    @Test func aRepeatedMemberCountsOnceWithItsLastValue() throws {
        let text = #"{"accounts": {"1": {"Id": "1", "Regions": ["a"], "Regions": ["b", "c"]}, "2": {"Id": "2", "Regions": ["c"]}}}"#
        let document = try AccountIndexDocument.decode(Data(text.utf8))
        #expect(document.accounts["1"]?.regions == ["b", "c"])
        #expect(document.accounts["2"]?.regions == ["c"])
        let index = try DefaultAccountIndex(data: Data(text.utf8))
        #expect(index.enabledRegions(of: ["1", "2"], among: ["a", "b", "c"]) == [["b", "c"], ["c"]])
        #expect(index.document.accounts["1"]?.regions == ["b", "c"])
    }

    @Test func repeatedLongStringsAreEqualToTheirSource() throws {
        // OU ids and names longer than 15 bytes are shared between accounts; each account must
        // still carry exactly its own text.
        var accounts: [String: AccountRecord] = [:]
        for number in 1...50 {
            let id = String(format: "%012d", number)
            let unit = ParentRecord(id: "ou-abcd-\(String(format: "%08d", number % 7))", name: "Organizational unit \(number % 7)",
                                    type: "ORGANIZATIONAL_UNIT")
            accounts[id] = AccountRecord(id: id, arn: nil, email: nil, name: "Account \(number)", status: "ACTIVE", joinedMethod: nil,
                                         joinedTimestamp: nil, tags: ["LongTagNameNumber\(number % 3)": "a long tag value \(number % 5)"],
                                         parents: [unit, ParentRecord(id: "r-abcd", name: "ROOT", type: "ROOT")], regions: ["us-east-1"])
        }
        let document = AccountIndexDocument(accounts: accounts, generated: "2026-01-01T00:00:00Z")
        #expect(try AccountIndexDocument.decode(JSONEncoder().encode(document)) == document)
    }

    @Test func syntaxErrorsNameLineAndColumn() {
        let text = "{\n  \"accounts\": {\n    \"1\": {\"Id\": \"1\",}\n  }\n}"
        #expect(malformedDetail(text) == "not valid JSON at line 3, column 21 (in accounts.1): expected a member name")
        #expect(malformedDetail("a") == "not valid JSON at line 1, column 1: expected a value")
        #expect(malformedDetail("") == "not valid JSON at line 1, column 1: expected an object, found the end of the data")
        #expect(malformedDetail(#"{"accounts": {}} x"#) == "not valid JSON at line 1, column 18: unexpected data after the document")
        #expect(malformedDetail(#"{"accounts": {"1": {"Id": "1""#) == "not valid JSON at line 1, column 30 (in accounts.1): unterminated object")
        #expect(malformedDetail("{\"accounts\": {\"1\": {\"Id\": \"a\u{01}b\"}}}")?.contains("control character in a string") == true)
        #expect(malformedDetail(#"{"accounts": {}, "n": 01}"#)?.contains("invalid number") == true)
        #expect(malformedDetail(#"{"accounts": {}, "a": [1, 2,]}"#) == "not valid JSON at line 1, column 29: expected a value")
        #expect(malformedDetail(#"{"accounts": {}, "o": {"k": 1,}}"#) == "not valid JSON at line 1, column 31: expected a member name")
        #expect(malformedDetail(#"{"accounts": {}, "n": 1.}"#)?.contains("invalid number") == true)
        #expect(malformedDetail(#"{"accounts": {}, "s": "\ud800"}"#)?.contains("unpaired surrogate") == true)
        #expect(malformedDetail(#"{"accounts": {}, "s": "\q"}"#)?.contains("invalid escape sequence") == true)
    }

    @Test func wrongTypesAndMissingKeysNameThePath() {
        #expect(malformedDetail(#"{"accounts": {"1": {"Id": "1", "Regions": "us-east-1"}}}"#)
                == "wrong type at accounts.1.Regions (line 1, column 43): expected an array")
        #expect(malformedDetail(#"{"accounts": {"1": {"Id": "1", "Regions": ["us-east-1", 5]}}}"#)
                == "wrong type at accounts.1.Regions.1 (line 1, column 57): expected a string")
        #expect(malformedDetail(#"{"accounts": {"1": {"Id": "1", "Parents": [{"Id": "r-1", "Type": "ROOT"}]}}}"#)
                == "missing key Name at accounts.1.Parents.0")
        #expect(malformedDetail(#"{"accounts": {"1": {"Name": "x"}}}"#) == "missing key Id at accounts.1")
        #expect(malformedDetail(#"{"generated": "x"}"#) == "missing key accounts")
        #expect(malformedDetail(#"{"accounts": []}"#) == "wrong type at accounts (line 1, column 14): expected an object")
        #expect(malformedDetail(#"[]"#) == "wrong type at the document (line 1, column 1): expected an object")
    }

    @Test func invalidUTF8IsReportedNotRepaired() {
        var bytes = Array(#"{"accounts": {"1": {"Id": "1", "Name": "ab"}}}"#.utf8)
        let name = bytes.lastIndex(of: UInt8(ascii: "a")) ?? 0  // the "a" of "ab"
        bytes[name] = 0xFF
        do {
            _ = try AccountIndexDocument.decode(Data(bytes))
            Issue.record("invalid UTF-8 was accepted")
        } catch {
            #expect(error.description.contains("invalid UTF-8 in a string"))
        }
    }

    @Test func deepNestingInUnknownMembersIsRefusedNotACrash() {
        let depth = 100_000
        let text = #"{"accounts": {}, "x": "# + String(repeating: "[", count: depth) + String(repeating: "]", count: depth) + "}"
        #expect(malformedDetail(text)?.contains("nested more than 512 levels deep") == true)
    }

    /// Byte-level mutations of a valid index: every outcome is a document or a `.malformed`
    /// error, and a document is only produced from input Foundation also accepts as JSON.
    @Test func mutatedDocumentsNeverCrashAndNeverAcceptInvalidJSON() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        let valid = Array(try encoder.encode(SyntheticIndex.document()))
        var generator = SystemRandomNumberGenerator()
        let alphabet = Array(#"{}[]:,"\ 0123456789-+.eEtrufalsn/u"#.utf8) + [0x00, 0x0A, 0xC3, 0xFF]
        var accepted = 0
        for round in 0..<2_000 {
            var bytes = valid
            for _ in 0...(round % 4) {
                let at = Int.random(in: 0..<bytes.count, using: &generator)
                switch Int.random(in: 0..<3, using: &generator) {
                case 0: bytes.remove(at: at)
                case 1: bytes.insert(alphabet.randomElement(using: &generator) ?? 0, at: at)
                default: bytes[at] = alphabet.randomElement(using: &generator) ?? 0
                }
            }
            let data = Data(bytes)
            do {
                _ = try AccountIndexDocument.decode(data)
                accepted += 1
                do {
                    _ = try JSONSerialization.jsonObject(with: data)
                } catch {
                    Issue.record("accepted what Foundation refuses (\(error)): \(String(decoding: bytes, as: UTF8.self))")
                }
            } catch {
                guard case .malformed = error else { Issue.record("unexpected error \(error)"); continue }
            }
        }
        // Mutations inside string values keep the document valid, so both outcomes occur.
        #expect(accepted > 0 && accepted < 2_000)
    }

    // MARK: large indexes, read by two threads

    /// `count` accounts in the generator's layout (4-space indentation, sorted keys), over 2 MB
    /// from ~1,500 accounts on; every account differs in name, tags, chain and regions.
    static func generatorLayout(accounts count: Int, extraMembers: PayloadMap = [:]) -> (data: Data, document: AccountIndexDocument) {
        let regions = Regions.synthetic33.sorted()
        var records: [String: AccountRecord] = [:]
        for number in 0..<count {
            let id = String(100_000_000_000 + number)
            let unit = ParentRecord(id: "ou-abcd-\(String(format: "%08d", number % 13))", name: "Unit \(number % 13)", type: "ORGANIZATIONAL_UNIT")
            records[id] = AccountRecord(
                id: id, arn: "arn:aws:organizations::100000000000:account/o-x/\(id)", email: "a\(number)@example.com",
                name: "Account \(number)", status: "ACTIVE", joinedMethod: "CREATED", joinedTimestamp: "2024-03-27 18:38:27+00:00",
                tags: ["Team": "team-\(number % 5)", "Index": String(number)],
                parents: number % 10 == 0 ? [ParentRecord(id: "r-abcd", name: "ROOT", type: "ROOT")]
                    : [unit, ParentRecord(id: "r-abcd", name: "ROOT", type: "ROOT")],
                regions: Array(regions.dropFirst(number % 17)))
        }
        func value(_ record: AccountRecord) -> PayloadValue {
            let optional: (String?) -> PayloadValue = { $0.map(PayloadValue.string) ?? .null }
            return .map(["Id": .string(record.id), "Arn": optional(record.arn), "Email": optional(record.email), "Name": optional(record.name),
                         "Status": optional(record.status), "JoinedMethod": optional(record.joinedMethod),
                         "JoinedTimestamp": optional(record.joinedTimestamp),
                         "Tags": .map(PayloadMap(uniqueKeysWithValues: record.tags.map { ($0.key, PayloadValue.string($0.value)) })),
                         "Parents": .list(record.parents.map { .map(["Id": .string($0.id), "Name": .string($0.name), "Type": .string($0.type)]) }),
                         "Regions": .list(record.regions.map(PayloadValue.string))])
        }
        var top: PayloadMap = ["accounts": .map(PayloadMap(uniqueKeysWithValues: records.map { ($0.key, value($0.value)) })),
                               "generated": .string("2026-11-29T00:00:00Z")]
        top.merge(extraMembers) { _, new in new }
        let text = JSONWriter(indent: 4, sortKeys: true, asciiOnly: true).string(.map(top))
        return (Data(text.utf8), AccountIndexDocument(accounts: records, generated: "2026-11-29T00:00:00Z"))
    }

    @Test func aLargeIndexIsSplitAndReadsAsOnOneThread() throws {
        let (data, document) = Self.generatorLayout(accounts: 3_000)
        #expect(data.count > AccountIndexSecondHalf.minimumSize)
        let start = try #require(data.withUnsafeBytes { AccountIndexSecondHalf.splitPoint(in: $0.bindMemory(to: UInt8.self)) })
        #expect(start > data.count / 2)
        let contents = try AccountIndexJSONReader.read(data)
        #expect(contents.accountsReadInParallel > 1_000 && contents.accountsReadInParallel < 2_000)
        #expect(contents.records.count == 3_000)
        #expect(try AccountIndexDocument.decode(data) == document)
        // The index built from the two halves answers as one built from the document.
        let fromBytes = try DefaultAccountIndex(data: data)
        let fromDocument = try DefaultAccountIndex(document: document)
        let accounts = fromDocument.allAccounts.sorted()
        #expect(fromBytes.allAccounts == fromDocument.allAccounts)
        #expect(fromBytes.enabledRegions(of: accounts, among: Set(Regions.synthetic33)) == fromDocument.enabledRegions(of: accounts, among: Set(Regions.synthetic33)))
        #expect(fromBytes.accounts(byOrgUnit: "Unit 7") == fromDocument.accounts(byOrgUnit: "Unit 7"))
        #expect(fromBytes.accounts(byTag: "team", value: "TEAM-3") == fromDocument.accounts(byTag: "Team", value: "team-3"))
    }

    @Test func aSplitGuessOutsideTheAccountsIsIgnored() throws {
        // A large member after "accounts" whose members sit at the accounts' indentation: the
        // guessed split lands there, the main reader never meets it, and reads everything itself.
        var extra = PayloadMap()
        for number in 0..<60_000 { extra[String(format: "k%06d", number)] = .list([.string("x"), .int(number)]) }
        let (data, document) = Self.generatorLayout(accounts: 200, extraMembers: ["zz-extra": .map(extra)])
        #expect(data.count > AccountIndexSecondHalf.minimumSize)
        let start = try #require(data.withUnsafeBytes { AccountIndexSecondHalf.splitPoint(in: $0.bindMemory(to: UInt8.self)) })
        let text = String(decoding: data, as: UTF8.self)
        let accountsEnd = try #require(text.range(of: "\"generated\":")).lowerBound.utf16Offset(in: text)
        #expect(start > accountsEnd)
        #expect(try AccountIndexJSONReader.read(data).accountsReadInParallel == 0)
        #expect(try AccountIndexDocument.decode(data) == document)
    }

    @Test func anErrorInTheSecondHalfIsReportedWithItsPath() throws {
        var text = String(decoding: Self.generatorLayout(accounts: 3_000).data, as: UTF8.self)
        // Break an account near the end: its Regions become a number.
        let account = "100000002990"
        let marker = try #require(text.range(of: "\"\(account)\": {"))
        let regions = try #require(text.range(of: "\"Regions\": [", range: marker.upperBound..<text.endIndex))
        text.replaceSubrange(regions, with: "\"Regions\": 7, \"Was\": [")
        let detail = try #require(malformedDetail(text))
        #expect(detail.hasPrefix("wrong type at accounts.\(account).Regions (line "))
        #expect(detail.hasSuffix("expected an array"))
    }
}
