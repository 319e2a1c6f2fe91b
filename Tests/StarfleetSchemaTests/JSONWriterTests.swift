import StarfleetSchema
import Testing

@Suite struct JSONWriterTests {
    static func item(_ index: Int) -> PayloadValue {
        .map(["id": .int(index), "name": .string("n\"\(index)\\é\n"), "tags": .list(index % 2 == 0 ? [] : [.string("a"), .null, .bool(true)])])
    }

    @Test(arguments: [0, 1, 3], [0, 2, 4])
    func streamingAListGivesTheTextOfTheWholeTree(count: Int, indent: Int) {
        let writer = JSONWriter(indent: indent)
        let head: PayloadMap = ["ship": .string("S"), "invocations": .int(count), "nested": .map(["a": .list([.int(1)])])]
        var whole = head
        whole["targets"] = .list((0..<count).map(Self.item))
        let streamed = writer.bytes(head, thenList: "targets", count: count, item: Self.item)
        #expect(String(decoding: streamed, as: UTF8.self) == writer.string(.map(whole)))
    }

    @Test func escapesAndIndentationAreUnchanged() {
        let text = JSONWriter(indent: 2).string(.map(["k": .list([.string("a\"b\\c\u{01}"), .map([:]), .list([])])]))
        #expect(text == "{\n  \"k\": [\n    \"a\\\"b\\\\c\\u0001\",\n    {},\n    []\n  ]\n}")
        #expect(JSONWriter(indent: 0).string(.list([.int(1), .string("é")])) == "[1, \"é\"]")
        #expect(JSONWriter(indent: 0, asciiOnly: true).string(.string("é🚀")) == "\"\\u00e9\\ud83d\\ude80\"")
        // Deeper than the writer's block of spaces.
        let deep = (0..<40).reduce(PayloadValue.int(1)) { value, _ in .list([value]) }
        #expect(JSONWriter(indent: 2).string(deep).contains("\n" + String(repeating: " ", count: 80) + "1\n"))
    }
}
