import Foundation
import Testing

/// Keeps the guides honest. Every ```swift block of `Docs/**/*.md` is tagged on the line before it:
///
/// - `<!-- snippet: NAME -->`: the block is, byte for byte, `Snippets/<doc>/NAME.swift` of this
///   test target, so it is compiled by every build of the tests (and its `@Test`s run);
/// - `<!-- excerpt: PATH -->`: the block is a verbatim, contiguous part of `PATH`, a source file
///   of the package, so it is compiled with the package.
///
/// After editing a guide, run `scripts/extract-doc-snippets.py` to rewrite the snippet files.
/// Blocks that must not compile (the "Wrong ❌" examples) are fenced as ```swift-nocompile.
@Suite struct DocSnippetsCheckTests {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // DocSnippetsTests
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()
    static let docs = root.appendingPathComponent("Docs")
    static let snippets = root.appendingPathComponent("Tests/DocSnippetsTests/Snippets")

    enum Tag: Equatable {
        case snippet(String)
        case excerpt(String)
    }

    struct Block {
        /// The document, relative to Docs/, without `.md` (e.g. `WorkerShipGuide`).
        let document: String
        let line: Int
        let tag: Tag?
        let text: String

        var location: String { "Docs/\(document).md:\(line)" }
    }

    /// The ```swift blocks of a Markdown text, with the tag on the line before each.
    static func swiftBlocks(in markdown: String, document: String) -> [Block] {
        let lines = markdown.components(separatedBy: "\n")
        var blocks: [Block] = []
        var index = 0
        while index < lines.count {
            let line = lines[index]
            let indent = String(line.prefix { $0 == " " })
            let trimmed = line.dropFirst(indent.count)
            guard trimmed.hasPrefix("```") else {
                index += 1
                continue
            }
            let info = trimmed.dropFirst(3).trimmingCharacters(in: .whitespaces)
            var body: [String] = []
            var cursor = index + 1
            while cursor < lines.count, lines[cursor].trimmingCharacters(in: .whitespaces) != "```" {
                let content = lines[cursor]
                body.append(content.hasPrefix(indent) ? String(content.dropFirst(indent.count)) : content)
                cursor += 1
            }
            if info == "swift" {
                blocks.append(Block(document: document, line: index + 1, tag: tag(before: index, in: lines),
                                    text: body.map { $0 + "\n" }.joined()))
            }
            index = cursor + 1
        }
        return blocks
    }

    static func tag(before index: Int, in lines: [String]) -> Tag? {
        guard let previous = lines[..<index].last(where: { !$0.trimmingCharacters(in: .whitespaces).isEmpty }) else {
            return nil
        }
        let text = previous.trimmingCharacters(in: .whitespaces)
        guard text.hasPrefix("<!--"), text.hasSuffix("-->") else { return nil }
        let inner = text.dropFirst(4).dropLast(3).trimmingCharacters(in: .whitespaces)
        for (prefix, make) in [("snippet:", Tag.snippet), ("excerpt:", Tag.excerpt)] where inner.hasPrefix(prefix) {
            return make(inner.dropFirst(prefix.count).trimmingCharacters(in: .whitespaces))
        }
        return nil
    }

    static func documents() throws -> [(name: String, text: String)] {
        let enumerator = FileManager.default.enumerator(at: docs, includingPropertiesForKeys: nil)
        var found: [(String, String)] = []
        while let file = enumerator?.nextObject() as? URL {
            guard file.pathExtension == "md" else { continue }
            let relative = file.path.dropFirst(docs.path.count + 1).dropLast(3)
            found.append((String(relative), try String(contentsOf: file, encoding: .utf8)))
        }
        return found.sorted { $0.0 < $1.0 }
    }

    static func allBlocks() throws -> [Block] {
        try documents().flatMap { swiftBlocks(in: $0.text, document: $0.name) }
    }

    static func snippetFile(_ block: Block, _ name: String) -> URL {
        snippets.appendingPathComponent(block.document).appendingPathComponent("\(name).swift")
    }

    @Test("the parser finds tagged and untagged blocks, and skips other languages")
    func parser() {
        let sample = """
            Text.

            <!-- snippet: first -->
            ```swift
            let a = 1
            ```

            ```swift-nocompile
            let wrong = (
            ```

            <!-- excerpt: Sources/X.swift -->
            ```swift
                indented
            ```
            ```swift
            untagged()
            ```
            """
        let blocks = Self.swiftBlocks(in: sample, document: "Sample")
        #expect(blocks.map(\.tag) == [.snippet("first"), .excerpt("Sources/X.swift"), nil])
        #expect(blocks.map(\.text) == ["let a = 1\n", "    indented\n", "untagged()\n"])
        #expect(blocks.map(\.line) == [4, 13, 16])
    }

    @Test("the guide exists and has compiled snippets and excerpts")
    func guideHasSnippets() throws {
        let blocks = try Self.allBlocks().filter { $0.document == "WorkerShipGuide" }
        let snippetCount = blocks.filter { if case .snippet = $0.tag { true } else { false } }.count
        let excerptCount = blocks.filter { if case .excerpt = $0.tag { true } else { false } }.count
        #expect(snippetCount >= 10, "Docs/WorkerShipGuide.md has \(snippetCount) snippets")
        #expect(excerptCount >= 3, "Docs/WorkerShipGuide.md has \(excerptCount) excerpts")
    }

    @Test("every ```swift block is tagged as a snippet or an excerpt, each snippet name once per guide")
    func everyBlockIsTagged() throws {
        var seen: Set<String> = []
        for block in try Self.allBlocks() {
            switch block.tag {
            case nil:
                Issue.record("\(block.location): tag this ```swift block with <!-- snippet: NAME --> or <!-- excerpt: PATH -->, or fence it as swift-nocompile")
            case .snippet(let name):
                let key = "\(block.document)/\(name)"
                #expect(seen.insert(key).inserted, "\(block.location): snippet \(name) is used twice")
                #expect(name.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" }, "\(block.location): snippet names use letters, digits and -")
            case .excerpt:
                break
            }
        }
    }

    @Test("each snippet equals its compiled copy byte for byte")
    func snippetsMatchCompiledCopies() throws {
        for block in try Self.allBlocks() {
            guard case .snippet(let name) = block.tag else { continue }
            let file = Self.snippetFile(block, name)
            guard let data = FileManager.default.contents(atPath: file.path) else {
                Issue.record("\(block.location): \(file.path) is missing; run scripts/extract-doc-snippets.py")
                continue
            }
            let isEqual = data == Data(block.text.utf8)
            #expect(isEqual,
                    "\(block.location) differs from \(file.path); run scripts/extract-doc-snippets.py")
        }
    }

    @Test("no compiled snippet file is left without its block")
    func noOrphanSnippets() throws {
        var expected: Set<String> = []
        for block in try Self.allBlocks() {
            if case .snippet(let name) = block.tag { expected.insert(Self.snippetFile(block, name).standardizedFileURL.path) }
        }
        let enumerator = FileManager.default.enumerator(at: Self.snippets, includingPropertiesForKeys: nil)
        var present: Set<String> = []
        while let file = enumerator?.nextObject() as? URL {
            if file.pathExtension == "swift" { present.insert(file.standardizedFileURL.path) }
        }
        #expect(!present.isEmpty)
        #expect(present.subtracting(expected).sorted() == [], "snippet files without a block in Docs/; run scripts/extract-doc-snippets.py")
    }

    @Test("each excerpt is a verbatim part of a compiled source file")
    func excerptsAreVerbatim() throws {
        for block in try Self.allBlocks() {
            guard case .excerpt(let path) = block.tag else { continue }
            // Sources/ is compiled by every build; examples/private-fleet/ by PrivateFleetTests.
            #expect(path.hasPrefix("Sources/") || path.hasPrefix("examples/private-fleet/"),
                    "\(block.location): excerpts come from compiled sources")
            let file = Self.root.appendingPathComponent(path)
            guard let source = try? String(contentsOf: file, encoding: .utf8) else {
                Issue.record("\(block.location): \(path) does not exist")
                continue
            }
            let isVerbatim = source.contains(block.text)
            #expect(isVerbatim, "\(block.location) is no longer a verbatim part of \(path); update the guide")
        }
    }
}
