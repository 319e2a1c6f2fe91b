import Foundation
import Starfleet

/// Plans and writes a new worker-ship plugin into a package laid out like this one: the ship and
/// its templates under `Sources/WorkerShips/Plugins/NAME/`, an example configuration section and
/// payload under `examples/new-ships/NAME/`, a test in `Tests/WorkerShipsTests/`, and one line in
/// the fleet list of `Sources/WorkerShips/Fleet+Default.swift`.
///
/// Everything is checked before anything is written, so a refusal leaves the package untouched.
struct ShipScaffold {
    struct Refusal: Error, CustomStringConvertible {
        let description: String
    }

    static let fleetFile = "Sources/WorkerShips/Fleet+Default.swift"
    static let pluginsFolder = "Sources/WorkerShips/Plugins"

    let name: String
    let strategy: FanOutStrategy
    /// The package root.
    let root: URL

    var templates: ScaffoldTemplates { ScaffoldTemplates(name: name, strategy: strategy) }
    var pluginFolder: String { "\(Self.pluginsFolder)/\(name)" }
    var examplesFolder: String { "examples/new-ships/\(name)" }

    /// Relative path → contents, in the order they are reported.
    var files: [(path: String, contents: String)] {
        [
            ("\(pluginFolder)/\(name).swift", templates.ship),
            ("\(pluginFolder)/\(templates.templatesName).swift", templates.templates),
            ("\(examplesFolder)/configuration.yaml", templates.configuration),
            ("\(examplesFolder)/payload.yaml", templates.payload),
            ("Tests/WorkerShipsTests/\(templates.testsName).swift", templates.test),
        ]
    }

    func url(_ relative: String) -> URL { root.appendingPathComponent(relative) }

    /// Creates the files and registers the ship. Returns the relative paths written.
    func create(knownShipNames: [String]) throws(Refusal) -> [String] {
        if let problem = ShipName.problem(with: name) { throw Refusal(description: problem) }
        let fleetText = try fleetSource()
        try checkNotTaken(fleetText: fleetText, knownShipNames: knownShipNames)
        let registered = try Self.register(name, in: fleetText)

        let manager = FileManager.default
        var written: [String] = []
        do {
            for file in files {
                let target = url(file.path)
                try manager.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(file.contents.utf8).write(to: target, options: .withoutOverwriting)
                written.append(file.path)
            }
            try Data(registered.utf8).write(to: url(Self.fleetFile), options: .atomic)
        } catch {
            for path in written { try? manager.removeItem(at: url(path)) }
            for folder in [pluginFolder, examplesFolder] { try? manager.removeItem(at: url(folder)) }
            throw Refusal(description: "could not write the new ship into \(root.path): \(error.localizedDescription)")
        }
        return files.map(\.path)
    }

    func fleetSource() throws(Refusal) -> String {
        let manager = FileManager.default
        guard manager.fileExists(atPath: url("Package.swift").path),
              let data = manager.contents(atPath: url(Self.fleetFile).path) else {
            throw Refusal(description: """
                \(root.path) is not a Starfleet package root: expected Package.swift and \(Self.fleetFile) there \
                (pass the package root with --into DIR)
                """)
        }
        return String(decoding: data, as: UTF8.self)
    }

    /// Refuses a name whose folder, files, registration or type declaration already exists.
    func checkNotTaken(fleetText: String, knownShipNames: [String]) throws(Refusal) {
        let manager = FileManager.default
        if manager.fileExists(atPath: url(pluginFolder).path) {
            throw Refusal(description: "a ship named \(name) already exists: \(pluginFolder) is there; choose another name")
        }
        if Self.registrations(in: fleetText).contains(name) {
            throw Refusal(description: "a ship named \(name) is already registered in \(Self.fleetFile); choose another name")
        }
        if knownShipNames.contains(name) {
            throw Refusal(description: "a ship named \(name) is already in this binary's fleet; choose another name")
        }
        for file in files where manager.fileExists(atPath: url(file.path).path) {
            throw Refusal(description: "\(file.path) already exists; choose another name or remove it first")
        }
        for typeName in [name, templates.templatesName, templates.testsName] {
            if let declaration = Self.findDeclaration(of: typeName, under: [url("Sources"), url("Tests")]) {
                throw Refusal(description: "a type named \(typeName) already exists (\(declaration)); choose another name")
            }
        }
    }

    /// The `Name.self` entries of the fleet list.
    static func registrations(in text: String) -> [String] {
        guard let range = fleetListRange(in: text) else { return [] }
        return text[range].split(separator: "\n").compactMap { line in
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            guard let dot = trimmed.range(of: ".self") else { return nil }
            return String(trimmed[..<dot.lowerBound])
        }
    }

    /// The lines between `static let \`default\`: Fleet = [` and its closing `]`.
    static func fleetListRange(in text: String) -> Range<String.Index>? {
        guard let opening = text.range(of: "static let `default`: Fleet = ["),
              let lineEnd = text[opening.upperBound...].firstIndex(of: "\n") else { return nil }
        let body = text.index(after: lineEnd)
        var cursor = body
        while cursor < text.endIndex {
            let end = text[cursor...].firstIndex(of: "\n") ?? text.endIndex
            if text[cursor..<end].trimmingCharacters(in: .whitespaces) == "]" { return body..<cursor }
            cursor = end < text.endIndex ? text.index(after: end) : end
        }
        return nil
    }

    /// The fleet file with `    Name.self,` added as the last entry of the list.
    static func register(_ name: String, in text: String) throws(Refusal) -> String {
        guard let range = fleetListRange(in: text) else {
            throw Refusal(description: "cannot find the fleet list (`static let `default`: Fleet = [` … `]`) in \(fleetFile)")
        }
        let entries = text[range].split(separator: "\n", omittingEmptySubsequences: false)
        let indent = entries.first { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
            .map { String($0.prefix { $0 == " " }) } ?? "        "
        var result = text
        result.insert(contentsOf: "\(indent)\(name).self,\n", at: range.upperBound)
        return result
    }

    /// `path:line` of a `struct|enum|class|actor|protocol|typealias Name` declaration, if any.
    static func findDeclaration(of typeName: String, under folders: [URL]) -> String? {
        let pattern = "\\b(struct|enum|class|actor|protocol|typealias)\\s+\(typeName)\\b"
        guard let regex = try? NSRegularExpression(pattern: pattern) else { return nil }
        for folder in folders {
            guard let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil) else { continue }
            for case let file as URL in enumerator where file.pathExtension == "swift" {
                guard let data = FileManager.default.contents(atPath: file.path) else { continue }
                let text = String(decoding: data, as: UTF8.self)
                let whole = NSRange(text.startIndex..., in: text)
                if let match = regex.firstMatch(in: text, range: whole), let range = Range(match.range, in: text) {
                    let line = text[..<range.lowerBound].filter { $0 == "\n" }.count + 1
                    return "\(file.path):\(line)"
                }
            }
        }
        return nil
    }

    /// What to do after the files exist.
    func nextSteps(written: [String]) -> String {
        let payload = "\(examplesFolder)/payload.yaml"
        let runOptions: String
        switch strategy {
        case .singleInvocation: runOptions = ""
        case .account: runOptions = " \\\n       --account-id ACCOUNT_ID --account-index INDEX.json"
        case .accountRegion: runOptions = " \\\n       --account-id ACCOUNT_ID --region us-east-1 --account-index INDEX.json"
        }
        return """
            Created \(name) (\(strategy.rawValue)) in \(root.path):
            \(written.map { "  \($0)" }.joined(separator: "\n"))
            Registered it in \(Self.fleetFile).

            Next steps:
              1. Build and run its test:
                   swift build && swift test --filter \(templates.testsName)
              2. Validate the example payload:
                   .build/debug/starfleet validate --ship \(name) --payload \(payload)
              3. Copy \(examplesFolder)/configuration.yaml into your configuration directory, then dry run:
                   .build/debug/starfleet run \(name) --config CONFIG_DIR --payload \(payload)\(runOptions)
              4. Write the real work in \(pluginFolder)/\(name).swift (execute(commit:context:)): read first,
                 change only with commit, stay idempotent. Guide: Docs/WorkerShipGuide.md
            """
    }
}
