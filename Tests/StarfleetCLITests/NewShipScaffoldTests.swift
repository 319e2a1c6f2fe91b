import Foundation
import StarfleetTestSupport
import Testing

/// Paths shared by the scaffold and private-fleet tests.
enum NewShipTestPaths {
    /// The repository root, from this file's location.
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // StarfleetCLITests
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()

    /// The `starfleet` binary built with these tests: beside the test bundle, else `.build/debug`.
    static func starfleetBinary() throws -> String {
        let candidates = [
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("starfleet").path,
            root.appendingPathComponent(".build/debug/starfleet").path,
        ]
        return try #require(candidates.first { FileManager.default.isExecutableFile(atPath: $0) },
                            "no starfleet binary at \(candidates); run swift build first")
    }

    /// A builder's environment: this process's, without what a parent `swift test` sets for itself.
    static var buildEnvironment: [String: String] {
        ProcessInfo.processInfo.environment.filter { key, _ in !key.hasPrefix("SWIFTPM_") && key != "XCTestBundlePath" }
    }

    // A cold build of the whole package (SwiftNIO and AsyncHTTPClient included) on a loaded 2-core machine.
    static let buildTimeout: TimeInterval = 30 * 60
}

/// `starfleet new-ship`: refusals in a throwaway package root (fast), and the full promise in a
/// copy of this package (slow: one build of the copy): for each strategy the generated ship
/// compiles, its generated test passes, and `validate` and a dry `run` accept its examples.
@Suite("new-ship scaffold")
struct NewShipScaffoldTests {
    static let ships: [(name: String, strategy: String)] = [
        ("ScaffoldSingleShip", "SINGLE_INVOCATION"),
        ("ScaffoldAccountShip", "ACCOUNT"),
        ("ScaffoldRegionShip", "ACCOUNT_REGION"),
    ]
    /// Kept between runs (ignored by git as `.build-*/`), so a second run only rebuilds our targets.
    static let copyScratch = NewShipTestPaths.root.appendingPathComponent(".build-scaffold-copy")

    func newShip(_ arguments: [String]) async throws -> ProcessResult {
        try await ProcessRunner.run(try NewShipTestPaths.starfleetBinary(), ["new-ship"] + arguments, timeout: 60)
    }

    /// A minimal package root: Package.swift, the fleet file and the existing plugin folder.
    func fakeRoot() throws -> TemporaryDirectory {
        let directory = try TemporaryDirectory(prefix: "starfleet-new-ship-fake")
        let root = NewShipTestPaths.root
        try directory.write(try String(contentsOf: root.appendingPathComponent("Package.swift"), encoding: .utf8), to: "Package.swift")
        try directory.write("""
            import Starfleet

            extension Fleet {
                public static let `default`: Fleet = [
                    AccountIndexGeneratorShip.self,
                    GhostShip.self,
                ]
            }

            """, to: "Sources/WorkerShips/Fleet+Default.swift")
        try directory.write("public struct AccountIndexGeneratorShip {}\n",
                            to: "Sources/WorkerShips/Plugins/AccountIndexGeneratorShip/AccountIndexGeneratorShip.swift")
        try directory.write("struct TakenTypeName {}\n", to: "Sources/WorkerShips/Other.swift")
        return directory
    }

    func listing(_ directory: URL) -> [String] {
        let enumerator = FileManager.default.enumerator(atPath: directory.path)
        var paths: [String] = []
        while let path = enumerator?.nextObject() as? String { paths.append(path) }
        return paths.sorted()
    }

    @Test("names that are not UpperCamelCase Swift type names are refused with exit 2, writing nothing")
    func refusesBadNames() async throws {
        let root = try fakeRoot()
        let before = listing(root.url)
        let fleetBefore = try String(contentsOf: root.url.appendingPathComponent("Sources/WorkerShips/Fleet+Default.swift"), encoding: .utf8)
        let cases: [(name: String, says: String)] = [
            ("lowercaseShip", "UpperCamelCase"), ("Bad-Name", "only ASCII letters and digits"),
            ("Has Space", "only ASCII letters and digits"), ("9Lives", "UpperCamelCase"), ("Under_Score", "only ASCII"),
            ("Self", "keyword"), ("Any", "keyword"), ("Fleet", "shadow"), ("Payload", "shadow"), ("Ünïcode", "UpperCamelCase"),
        ]
        for (name, says) in cases {
            let result = try await newShip([name, "--strategy", "ACCOUNT", "--into", root.path])
            #expect(result.exitCode == 2, "\(name): \(result.summary)")
            #expect(result.stderrText.contains("new-ship: "), "\(name): \(result.summary)")
            #expect(result.stderrText.contains(says), "\(name): \(result.summary)")
        }
        #expect(listing(root.url) == before)
        #expect(try String(contentsOf: root.url.appendingPathComponent("Sources/WorkerShips/Fleet+Default.swift"), encoding: .utf8) == fleetBefore)
    }

    @Test("existing folders, registrations and type names are refused with exit 2, writing nothing")
    func refusesExistingNames() async throws {
        let root = try fakeRoot()
        let before = listing(root.url)
        let cases: [(name: String, says: String)] = [
            ("AccountIndexGeneratorShip", "already exists"),
            ("GhostShip", "already registered"),
            ("TakenTypeName", "a type named TakenTypeName already exists"),
        ]
        for (name, says) in cases {
            let result = try await newShip([name, "--strategy", "SINGLE_INVOCATION", "--into", root.path])
            #expect(result.exitCode == 2, "\(name): \(result.summary)")
            #expect(result.stderrText.contains(says), "\(name): \(result.summary)")
        }
        let notAPackage = try TemporaryDirectory(prefix: "starfleet-new-ship-empty")
        let outside = try await newShip(["FineShip", "--strategy", "ACCOUNT", "--into", notAPackage.path])
        #expect(outside.exitCode == 2, "\(outside.summary)")
        #expect(outside.stderrText.contains("is not a Starfleet package root"), "\(outside.summary)")
        let badStrategy = try await newShip(["FineShip", "--strategy", "PER_REGION", "--into", root.path])
        #expect(badStrategy.exitCode == 2, "\(badStrategy.summary)")
        #expect(listing(root.url) == before)
        #expect(listing(notAPackage.url).isEmpty)
    }

    @Test("a new ship is written, registered last in the fleet list, and cannot be created twice")
    func writesAndRegisters() async throws {
        let root = try fakeRoot()
        let result = try await newShip(["QuickCheckShip", "--strategy", "ACCOUNT_REGION", "--into", root.path])
        #expect(result.exitCode == 0, "\(result.summary)")
        for file in ["Sources/WorkerShips/Plugins/QuickCheckShip/QuickCheckShip.swift",
                     "Sources/WorkerShips/Plugins/QuickCheckShip/QuickCheckShipTemplates.swift",
                     "examples/new-ships/QuickCheckShip/configuration.yaml", "examples/new-ships/QuickCheckShip/payload.yaml",
                     "Tests/WorkerShipsTests/QuickCheckShipTests.swift"] {
            #expect(FileManager.default.fileExists(atPath: root.url.appendingPathComponent(file).path), "\(file) is missing")
            #expect(result.stdoutText.contains(file))
        }
        #expect(result.stdoutText.contains("Next steps"))
        #expect(result.stdoutText.contains("swift test --filter QuickCheckShipTests"))
        let fleet = try String(contentsOf: root.url.appendingPathComponent("Sources/WorkerShips/Fleet+Default.swift"), encoding: .utf8)
        #expect(fleet.contains("        GhostShip.self,\n        QuickCheckShip.self,\n    ]\n"), "\(fleet)")
        let ship = try String(contentsOf: root.url.appendingPathComponent("Sources/WorkerShips/Plugins/QuickCheckShip/QuickCheckShip.swift"),
                              encoding: .utf8)
        #expect(ship.contains("public struct QuickCheckShip: WorkerShip"))
        #expect(ship.contains("static let fanOutStrategy: FanOutStrategy = .accountRegion"))
        #expect(ship.contains("guard commit else"))
        let templates = try String(
            contentsOf: root.url.appendingPathComponent("Sources/WorkerShips/Plugins/QuickCheckShip/QuickCheckShipTemplates.swift"),
            encoding: .utf8)
        #expect(templates.contains("WorkerShipConfigurationTemplate.base.extending("))
        #expect(templates.contains("PayloadTemplates.baseAccountRegion.extending("))
        let configuration = try String(contentsOf: root.url.appendingPathComponent("examples/new-ships/QuickCheckShip/configuration.yaml"),
                                       encoding: .utf8)
        #expect(configuration.contains("QuickCheckShip:\n  Enabled: true\n"))
        #expect(configuration.contains("starfleet-quick-check-ship"))

        let again = try await newShip(["QuickCheckShip", "--strategy", "ACCOUNT", "--into", root.path])
        #expect(again.exitCode == 2, "\(again.summary)")
        #expect(again.stderrText.contains("already exists"), "\(again.summary)")
    }

    /// The package's files, without build products, into `destination`.
    static func copyPackage(to destination: URL) throws {
        let manager = FileManager.default
        for item in ["Package.swift", "Package.resolved", "Sources", "Tests", "examples", "themes", "scripts"] {
            let source = NewShipTestPaths.root.appendingPathComponent(item)
            guard manager.fileExists(atPath: source.path) else { continue }
            try manager.copyItem(at: source, to: destination.appendingPathComponent(item))
        }
    }

    @Test("for each strategy the generated ship builds, its test passes, and validate and a dry run accept its examples",
          .timeLimit(.minutes(40)))
    func generatedShipsBuildAndRun() async throws {
        let work = try TemporaryDirectory(prefix: "starfleet-new-ship-copy")
        let package = work.url.appendingPathComponent("package")
        try FileManager.default.createDirectory(at: package, withIntermediateDirectories: true)
        try Self.copyPackage(to: package)

        for ship in Self.ships {
            let result = try await newShip([ship.name, "--strategy", ship.strategy, "--into", package.path])
            #expect(result.exitCode == 0, "\(ship.name): \(result.summary)")
        }
        let fleet = try String(contentsOf: package.appendingPathComponent("Sources/WorkerShips/Fleet+Default.swift"), encoding: .utf8)
        for ship in Self.ships { #expect(fleet.contains("\(ship.name).self,")) }

        // One build of the copy, tests included.
        let scratch = Self.copyScratch.path
        let build = try await ProcessRunner.run(
            "swift", ["build", "--build-tests", "--package-path", package.path, "--scratch-path", scratch],
            environment: NewShipTestPaths.buildEnvironment, timeout: NewShipTestPaths.buildTimeout)
        try #require(build.exitCode == 0, "swift build of the copy failed: \(build.summary.suffix(6000))")

        // The generated tests, unchanged.
        let filter = "WorkerShipsTests\\.(" + Self.ships.map { "\($0.name)Tests" }.joined(separator: "|") + ")"
        let tests = try await ProcessRunner.run(
            "swift", ["test", "--skip-build", "--package-path", package.path, "--scratch-path", scratch, "--filter", filter],
            environment: NewShipTestPaths.buildEnvironment, timeout: NewShipTestPaths.buildTimeout)
        let testOutput = tests.stdoutText + tests.stderrText
        #expect(tests.exitCode == 0, "generated tests failed: \(testOutput.suffix(6000))")
        for ship in Self.ships {
            #expect(testOutput.contains("Suite \(ship.name)Tests passed"), "\(ship.name)Tests did not pass: \(testOutput.suffix(4000))")
        }
        #expect(!testOutput.contains("✘"), "\(testOutput.suffix(4000))")

        // The copy's own binary knows the new ships.
        let binary = URL(fileURLWithPath: scratch).appendingPathComponent("debug/starfleet").path
        let configuration = work.url.appendingPathComponent("configuration")
        try FileManager.default.createDirectory(at: configuration, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: NewShipTestPaths.root.appendingPathComponent("examples/configuration/starfleet.yaml"),
                                         to: configuration.appendingPathComponent("starfleet.yaml"))
        for ship in Self.ships {
            try FileManager.default.copyItem(at: package.appendingPathComponent("examples/new-ships/\(ship.name)/configuration.yaml"),
                                             to: configuration.appendingPathComponent("\(ship.name).yaml"))
        }
        let index = work.url.appendingPathComponent("account-index.json")
        try Data("""
            {"accounts": {
              "000000000000": {"Id": "000000000000", "Arn": "arn:aws:organizations::000000000000:account/o-test/000000000000",
                               "Name": "Management", "Parents": [{"Id": "r-test", "Name": "ROOT", "Type": "ROOT"}],
                               "Regions": ["us-east-1", "us-west-2"], "Tags": {}},
              "111111111111": {"Id": "111111111111", "Arn": "arn:aws:organizations::000000000000:account/o-test/111111111111",
                               "Name": "Workload", "Parents": [{"Id": "r-test", "Name": "ROOT", "Type": "ROOT"}],
                               "Regions": ["us-east-1", "us-west-2"], "Tags": {"Team": "platform"}}},
             "generated": "2026-11-29T10:00:00Z"}
            """.utf8).write(to: index)

        for ship in Self.ships {
            let payload = package.appendingPathComponent("examples/new-ships/\(ship.name)/payload.yaml").path
            let validate = try await ProcessRunner.run(binary, ["validate", "--ship", ship.name, "--payload", payload, "--format", "json"],
                                                       timeout: 60)
            #expect(validate.exitCode == 0, "\(ship.name): \(validate.summary)")
            let loaded = try JSONSerialization.jsonObject(with: validate.stdout) as? [String: Any]
            #expect(loaded?["resource_names"] as? [String] == ["example-resource-1", "example-resource-2"], "\(validate.stdoutText)")

            var arguments = ["run", ship.name, "--config", configuration.path, "--payload", payload, "--log-format", "jsonl"]
            var target = "the organization"
            switch ship.strategy {
            case "ACCOUNT":
                arguments += ["--account-id", "111111111111", "--account-index", index.path]
                target = "account 111111111111"
            case "ACCOUNT_REGION":
                arguments += ["--account-id", "111111111111", "--region", "us-west-2", "--account-index", index.path]
                target = "account 111111111111 in us-west-2"
            default:
                break
            }
            let run = try await ProcessRunner.run(binary, arguments, timeout: 60)
            #expect(run.exitCode == 0, "\(ship.name): \(run.summary)")
            let records = run.stderrText.split(separator: "\n").compactMap {
                try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
            }
            let messages = records.compactMap { $0["message"] as? String }
            #expect(messages.filter { $0.contains("Would process example-resource-") && $0.contains(target) }.count == 2,
                    "\(ship.name): \(run.stderrText)")
            #expect(records.allSatisfy { $0["mode"] as? String == "dry-run" && $0["ship"] as? String == ship.name },
                    "\(ship.name): \(run.stderrText)")
            #expect(!messages.contains { $0.contains("no commit step") }, "\(ship.name): \(run.stderrText)")
        }

        // The organization root is not a target of these payloads: run refuses it (exit 1).
        let rootRun = try await ProcessRunner.run(binary, [
            "run", "ScaffoldAccountShip", "--config", configuration.path, "--account-id", "000000000000", "--account-index", index.path,
            "--payload", package.appendingPathComponent("examples/new-ships/ScaffoldAccountShip/payload.yaml").path,
        ], timeout: 60)
        #expect(rootRun.exitCode == 1, "\(rootRun.summary)")
    }
}
