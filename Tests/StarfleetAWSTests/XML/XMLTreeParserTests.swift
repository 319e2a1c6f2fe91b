import Foundation
import Testing

@testable import StarfleetAWS

/// The XML reader for AWS answers (in place of FoundationXML's libxml2): the shapes AWS sends,
/// and a clear refusal, with its line, for what is not well-formed.
@Suite("XML reader for AWS answers")
struct XMLTreeParserTests {
    static func parse(_ text: String) throws -> XMLNode {
        try XMLNode.parse(Data(text.utf8))
    }

    static func failure(_ text: String) throws -> XMLTreeParser.Failure {
        try #require(throws: XMLTreeParser.Failure.self) { try parse(text) }
    }

    @Test func anS3ListingReadsAsATree() throws {
        let root = try Self.parse("""
            <?xml version="1.0" encoding="UTF-8"?>
            <ListBucketResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/">
              <Name>templates</Name>
              <IsTruncated>false</IsTruncated>
              <Contents><Key>IamRoleWorkerShip/a.yaml</Key><ETag>&quot;9b2cf535f27731c974343645a3985328&quot;</ETag><Size>42</Size></Contents>
              <Contents><Key>b &amp; c.yaml</Key><Size>7</Size></Contents>
              <!-- a comment between elements -->
            </ListBucketResult>
            """)
        #expect(root.name == "ListBucketResult")
        #expect(root.string("Name") == "templates")
        #expect(root.children("Contents").map { $0.string("Key") } == ["IamRoleWorkerShip/a.yaml", "b & c.yaml"])
        #expect(root.path("Contents", "ETag")?.text == "\"9b2cf535f27731c974343645a3985328\"")
        // Text of an element with children is trimmed; leaf text is kept as sent.
        #expect(root.text == "")
    }

    @Test func entitiesCharacterReferencesCDATAAndPrefixesAreRead() throws {
        let root = try Self.parse("""
            <a:Error xmlns:a="urn:x"><Code>Throttling</Code><Message>rate &lt; limit &#38; &#x263A; &apos;ok&apos;</Message>\
            <Detail><![CDATA[<not> & parsed]]></Detail><Empty/><Attributed kind='x>y' other="1">v</Attributed></a:Error>
            """)
        #expect(root.name == "Error")
        #expect(root.string("Message") == "rate < limit & ☺ 'ok'")
        #expect(root.string("Detail") == "<not> & parsed")
        #expect(root.child("Empty") == XMLNode(name: "Empty"))
        #expect(root.string("Attributed") == "v")
    }

    @Test func multiByteTextAndAByteOrderMarkSurvive() throws {
        let data = Data([0xEF, 0xBB, 0xBF]) + Data("<Tag><Value>Zürich ☁</Value></Tag>".utf8)
        #expect(try XMLNode.parse(data).string("Value") == "Zürich ☁")
    }

    @Test(arguments: [
        ("<a><b></a>", 1, "</a> closes <b>"),
        ("<a>\n<b>\n</b>", 3, "<a> is never closed"),
        ("<html>\n<body>oops</html>", 2, "</html> closes <body>"),
        ("", 1, "no root element"),
        ("Service Unavailable", 1, "text outside the root element"),
        ("<a/><b/>", 1, "a second root element"),
        ("<a>&bogus;</a>", 1, "unknown entity &bogus;"),
        ("<a>fish & chips</a>", 1, "an & that starts no reference"),
        ("<a x=1></a>", 1, "an attribute value must be quoted"),
        ("<a><!-- never ends", 1, "the document ends inside a comment"),
        ("<!DOCTYPE lolz [<!ENTITY lol \"lol\">]><a>&lol;</a>", 1, "a DOCTYPE or other declaration is not accepted"),
        ("<a>&#xD800;</a>", 1, "invalid character reference &#xD800;"),
    ])
    func whatIsNotWellFormedIsRefusedWithItsLine(text: String, line: Int, reason: String) throws {
        let failure = try Self.failure(text)
        #expect(failure == XMLTreeParser.Failure(line: line, reason: reason))
        #expect(failure.description == "not well-formed XML (line \(line): \(reason))")
    }

    @Test func aLargeListingParsesInOnePass() throws {
        let entries = (0..<5_000).map { "<Contents><Key>k/\($0).yaml</Key><Size>\($0)</Size></Contents>" }.joined()
        let root = try Self.parse("<ListBucketResult>\(entries)</ListBucketResult>")
        #expect(root.children("Contents").count == 5_000)
        #expect(root.children("Contents").last?.string("Size") == "4999")
    }
}
