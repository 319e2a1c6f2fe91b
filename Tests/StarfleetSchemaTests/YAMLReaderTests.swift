import Foundation
import StarfleetSchema
import StarfleetTestSupport
import Testing

@Suite struct YAMLReaderTests {
    @Test func duplicateKeyIsRejectedNamingTheKeyAndTheDuplicatesLine() throws {
        let text = """
        a: 1
        b: 2
        a: 3
        """
        let error = try #require(readError(text, file: "dup.yaml"))
        #expect(error.kind == .duplicateKey("a"))
        #expect(error.mark?.line == 3)
        #expect(error.description.hasPrefix("dup.yaml:3:"))
        #expect(error.description.contains("'a'"))
    }

    @Test func nestedDuplicateKeyReportsTheLineOfTheSecondOccurrence() throws {
        let text = """
        STARFLEET:
          DeploymentRegion: us-east-1
          TemplateBucket: b
          DeploymentRegion: us-east-2
        """
        let error = try #require(readError(text))
        #expect(error.kind == .duplicateKey("DeploymentRegion"))
        #expect(error.mark?.line == 4)
    }

    @Test func syntaxErrorCarriesFileLineAndColumn() throws {
        let text = "a: 1\nb: [1, 2\nc: 3\n"
        let error = try #require(readError(text, file: "bad.yaml"))
        #expect(error.kind == .syntax)
        let mark = try #require(error.mark)
        #expect(mark.line >= 2)
        #expect(mark.column >= 1)
        #expect(error.description.hasPrefix("bad.yaml:\(mark.line):\(mark.column): "))
    }

    @Test func badIndentationIsASyntaxErrorWithItsLine() throws {
        let text = "a:\n  b: 1\n c: 2\n"
        let error = try #require(readError(text, file: "indent.yaml"))
        #expect(error.kind == .syntax)
        #expect(error.mark?.line == 3)
    }

    @Test func invalidUTF8IsReportedWithItsLine() throws {
        var data = Data("a: 1\nb: x".utf8)
        data.append(0xFF)
        data.append(contentsOf: Array("\n".utf8))
        do {
            _ = try YAMLReader().read(data, file: "binary.yaml")
            Issue.record("invalid UTF-8 was accepted")
        } catch {
            #expect(error.kind == .invalidUTF8)
            #expect(error.mark == SourceMark(line: 2, column: 5))
            #expect(error.description.hasPrefix("binary.yaml:2:5: "))
        }
    }

    @Test func unreadableFileIsReportedAsNoSuchFile() {
        do {
            _ = try YAMLReader().read(contentsOf: "/nonexistent/starfleet/config.yaml")
            Issue.record("a missing file was read")
        } catch {
            #expect(error.kind == .unreadable)
            #expect(error.description == "/nonexistent/starfleet/config.yaml: no such file")
        }
    }

    static let billionLaughs = """
    a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
    b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
    c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
    d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
    e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
    f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
    g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
    h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]
    i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]
    """

    @Test func aliasBombIsRejectedQuickly() throws {
        let clock = ContinuousClock()
        var caught: YAMLReadError?
        let elapsed = clock.measure {
            caught = readError(Self.billionLaughs, file: "bomb.yaml")
        }
        let error = try #require(caught)
        #expect(error.kind == .aliasExpansionTooLarge)
        #expect(error.description.hasPrefix("bomb.yaml:"))
        #expect(elapsed < .seconds(2), "took \(elapsed)")
    }

    @Test func smallAliasDocumentLoads() throws {
        let node = yaml("""
        base: &base
          x: 1
          y: [a, b]
        copy: *base
        list: &l [1, 2]
        again: *l
        """)
        #expect(node["copy"]?["x"]?.value == .int(1))
        #expect(node["copy"]?.value == node["base"]?.value)
        #expect(node["again"]?.value == node["list"]?.value)
    }

    @Test func mergeKeyCopiesKeysAndExplicitKeysWin() {
        let node = yaml("""
        defaults: &defaults
          Enabled: true
          TemplatePrefix: base/
        ship:
          <<: *defaults
          TemplatePrefix: ship/
        """)
        let ship = node["ship"]
        #expect(ship?["Enabled"]?.value == .bool(true))
        #expect(ship?["TemplatePrefix"]?.value == .string("ship/"))
        #expect(ship?["<<"] == nil)
    }

    @Test func mergeKeyWithAListOfMappingsPrefersEarlierSources() {
        let node = yaml("""
        one: &one {a: 1, b: 1}
        two: &two {b: 2, c: 2}
        merged:
          <<: [*one, *two]
        """)
        let merged = node["merged"]
        #expect(merged?["a"]?.value == .int(1))
        #expect(merged?["b"]?.value == .int(1))
        #expect(merged?["c"]?.value == .int(2))
    }

    @Test func multipleDocumentsAreRejected() throws {
        let error = try #require(readError("a: 1\n---\nb: 2\n"))
        #expect(error.kind == .multipleDocuments)
    }

    @Test(arguments: ["", "\n\n", "# only a comment\n", "---\n"])
    func emptyDocumentReadsAsNull(text: String) throws {
        #expect(try YAMLReader().read(text).value == .null)
    }

    @Test func mappingKeepsDocumentOrderAndMarks() throws {
        let node = yaml("b: 1\na: 2\nc: 3\n")
        guard case .mapping(let pairs) = node.value else { Issue.record("not a mapping"); return }
        #expect(pairs.map(\.key.value) == [.string("b"), .string("a"), .string("c")])
        #expect(node.keyMark("c") == SourceMark(line: 3, column: 1))
    }
}
