import Foundation
import Testing
@testable import StarfleetTUI

/// The themes compiled into the binary must be exactly the files in `themes/`.
/// To refresh them after editing a theme file:
/// `STARFLEET_UPDATE_BUILTIN_THEMES=1 swift test --filter BuiltinThemeTests`
@Suite("Built-in themes")
struct BuiltinThemeTests {
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let themesDirectory = repository.appendingPathComponent("themes")
    static let generatedFile = repository.appendingPathComponent("Sources/StarfleetTUI/Theme/BuiltinThemeSources.swift")

    static func themeFiles() throws -> [String: String] {
        let names = try FileManager.default.contentsOfDirectory(atPath: themesDirectory.path)
            .filter { $0.hasSuffix(".yaml") }
        var files: [String: String] = [:]
        for name in names {
            files[String(name.dropLast(5))] = try String(contentsOf: themesDirectory.appendingPathComponent(name),
                                                         encoding: .utf8)
        }
        return files
    }

    /// The Swift source that embeds the theme files.
    static func generatedSource(_ files: [String: String]) -> String {
        var source = """
            // GENERATED from themes/*.yaml by BuiltinThemeTests — do not edit by hand.
            // Regenerate: STARFLEET_UPDATE_BUILTIN_THEMES=1 swift test --filter BuiltinThemeTests
            extension BuiltinThemes {
                static let sources: [String: String] = [

            """
        for name in files.keys.sorted() {
            source += "        \"\(name)\": #\"\"\"\n" + files[name]! + "\n\"\"\"#,\n"
        }
        source += "    ]\n}\n"
        return source
    }

    @Test("Compiled-in copies equal the files in themes/")
    func compiledInEqualsFiles() throws {
        let files = try Self.themeFiles()
        #expect(!files.isEmpty)
        if ProcessInfo.processInfo.environment["STARFLEET_UPDATE_BUILTIN_THEMES"] == "1" {
            try Self.generatedSource(files).write(to: Self.generatedFile, atomically: true, encoding: .utf8)
        }
        let hint = "themes/ and the built-in copies differ; run STARFLEET_UPDATE_BUILTIN_THEMES=1 swift test --filter BuiltinThemeTests"
        #expect(BuiltinThemes.names == files.keys.sorted(), "\(hint)")
        for (name, text) in files {
            #expect(BuiltinThemes.source(named: name) == text, "\(name): \(hint)")
        }
        let generated = try String(contentsOf: Self.generatedFile, encoding: .utf8)
        #expect(generated == Self.generatedSource(files), "\(hint)")
    }

    @Test("Theme files are found in the repository next to the binary")
    func repositoryLookup() {
        let loader = ThemeLoader(environment: ["XDG_CONFIG_HOME": "/nonexistent"],
                                 executablePath: Self.repository.path + "/.build/x86_64-unknown-linux-gnu/debug/starfleet",
                                 currentDirectory: nil)
        #expect(loader.searchDirectories.contains(Self.repository.standardizedFileURL.path + "/themes"))
    }
}
