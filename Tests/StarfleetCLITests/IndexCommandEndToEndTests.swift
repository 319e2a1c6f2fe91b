import Foundation
import Starfleet
import StarfleetTestSupport
import Testing

/// `starfleet index show` through the binary, loading the generator's object from S3 (moto).
@Suite("index show end to end")
struct IndexCommandEndToEndTests {
    @Test("index show --format json summarizes the index the generator wrote to S3")
    func showLoadsTheGeneratedObject() async throws {
        let world = try await EndToEndWorld.shared.get()
        let result = try await world.starfleet(["index", "show", "--config", world.configuration, "--format", "json"])
        #expect(result.exitCode == 0, "\(result.summary)")
        let summary = try result.jsonObject()
        #expect(summary["source"] as? String == "s3://\(EndToEndWorld.indexBucket)/\(EndToEndWorld.indexKey)")
        #expect(summary["account_count"] as? Int == world.seed.accounts.count + 1)
        #expect(summary["org_roots"] as? [String] == [world.managementAccount])
        let generated = try #require(summary["generated"] as? String)
        #expect(generated.wholeMatch(of: /\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ/) != nil, "generated: \(generated)")

        var expectedUnits = Dictionary(uniqueKeysWithValues: world.seed.organizationalUnits.map { ($0.id, $0.name) })
        expectedUnits[world.seed.rootId] = "ROOT"
        // The index knows the OUs that appear in some account's parent chain (an empty OU is not in it).
        let inChains = Set(world.seed.accounts.flatMap { world.expectedParents(of: $0).map(\.id) })
        let units = try #require(summary["organizational_units"] as? [String: String])
        #expect(units == expectedUnits.filter { inChains.contains($0.key) })
        #expect(units.values.contains("Team-A"), "third-level OUs are in the index")

        #expect(summary["tag_names"] as? [String] == ["CostCenter", "Environment", "Team"])
        let regions = try #require(summary["regions"] as? [String: Int])
        #expect(regions.keys.sorted() == world.enabledRegions.sorted())
        #expect(regions.values.allSatisfy { $0 == world.seed.accounts.count + 1 })
    }

    @Test("index show in text names the source, the account count and the org root")
    func showText() async throws {
        let world = try await EndToEndWorld.shared.get()
        let result = try await world.starfleet(["index", "show", "--config", world.configuration])
        #expect(result.exitCode == 0, "\(result.summary)")
        #expect(result.stdoutText.contains("Account index: s3://\(EndToEndWorld.indexBucket)/\(EndToEndWorld.indexKey)"))
        #expect(result.stdoutText.contains("  accounts: \(world.seed.accounts.count + 1)"))
        #expect(result.stdoutText.contains("  org root (management account): \(world.managementAccount)"))
    }

    @Test("index show on a missing S3 object: a clear error naming the object, exit 2")
    func missingObject() async throws {
        let world = try await EndToEndWorld.shared.get()
        let result = try await world.starfleet(["index", "show", "--config", world.missingIndexConfiguration, "--format", "json"])
        #expect(result.exitCode == 2, "\(result.summary)")
        #expect(result.stdout.isEmpty)
        #expect(result.stderrText.contains("the account index could not be loaded: s3://\(EndToEndWorld.indexBucket)/e2e/no-such-index.json"))
        #expect(result.stderrText.contains("NoSuchKey"))
    }

    @Test("--account-index FILE reads a local copy of the same document")
    func localFile() async throws {
        let world = try await EndToEndWorld.shared.get()
        let data = try await world.object(EndToEndWorld.indexBucket, EndToEndWorld.indexKey)
        let file = try world.directory.write(String(decoding: data, as: UTF8.self), to: "index-copy-\(UUID().uuidString.prefix(6)).json")
        let result = try await world.starfleet(["index", "show", "--config", world.missingIndexConfiguration,
                                                "--account-index", file.path, "--format", "json"])
        #expect(result.exitCode == 0, "\(result.summary)")
        let summary = try result.jsonObject()
        #expect(summary["source"] as? String == file.path)
        #expect(summary["account_count"] as? Int == world.seed.accounts.count + 1)
    }

    /// The newcomer's path: the generator is what creates the index, so it runs (and commits)
    /// on a configuration that has no StarfleetDefaultAccountIndex section yet.
    @Test("the generator commits without an index section; its index then serves --account-index and the added section")
    func generatorBootstrapsTheIndexWithoutTheSection() async throws {
        let world = try await EndToEndWorld.shared.get()
        let bucket = try await world.makeBucket("bootstrap-index")
        let key = "first/accountIndex.json"
        let configuration = try Self.withoutIndexSection(world.configuration, in: world.directory)
        let payload = try world.payload(EndToEndWorld.generatorPayload(bucket: bucket, key: key), name: "bootstrap")

        let check = try await world.starfleet(["config", "check", "--config", configuration, "--format", "json"])
        #expect(check.exitCode == 0, "\(check.summary)")
        #expect(Set(try check.jsonObject().keys) == ["STARFLEET", "AccountIndexGeneratorShip"])

        let run = try await world.starfleet(["run", "AccountIndexGeneratorShip", "--config", configuration,
                                             "--payload", payload, "--commit"], timeout: 120)
        #expect(run.exitCode == 0, "\(run.summary)")
        #expect(try await world.objectKeys(in: bucket) == [key])

        let data = try await world.object(bucket, key)
        let file = try world.directory.write(String(decoding: data, as: UTF8.self), to: "bootstrap-\(UUID().uuidString.prefix(6)).json")
        let local = try await world.starfleet(["index", "show", "--config", configuration, "--account-index", file.path,
                                               "--format", "json"])
        #expect(local.exitCode == 0, "\(local.summary)")
        #expect(try local.jsonObject()["account_count"] as? Int == world.seed.accounts.count + 1)

        try world.directory.write("""
        StarfleetDefaultAccountIndex:
          IndexBucket: \(bucket)
          BucketRegion: us-east-1
          IndexObjectPath: \(key)
        """, to: URL(fileURLWithPath: configuration).lastPathComponent + "/index.yaml")
        let fromS3 = try await world.starfleet(["index", "show", "--config", configuration, "--format", "json"])
        #expect(fromS3.exitCode == 0, "\(fromS3.summary)")
        let summary = try fromS3.jsonObject()
        #expect(summary["source"] as? String == "s3://\(bucket)/\(key)")
        #expect(summary["account_count"] as? Int == world.seed.accounts.count + 1)
    }

    /// A copy of a configuration directory with the StarfleetDefaultAccountIndex section removed.
    static func withoutIndexSection(_ configuration: String, in directory: TemporaryDirectory) throws -> String {
        let name = "config-no-index-\(UUID().uuidString.prefix(6))"
        let source = URL(fileURLWithPath: configuration)
        for file in try FileManager.default.contentsOfDirectory(atPath: configuration) where file.hasSuffix(".yaml") {
            var text = try String(contentsOf: source.appendingPathComponent(file), encoding: .utf8)
            if let range = text.range(of: "StarfleetDefaultAccountIndex:") {
                let rest = text[range.upperBound...]
                let end = rest.range(of: "\n[^ \n#]", options: .regularExpression)?.lowerBound ?? text.endIndex
                text.removeSubrange(range.lowerBound..<(end == text.endIndex ? end : text.index(after: end)))
            }
            #expect(!text.contains("StarfleetDefaultAccountIndex:"))
            try directory.write(text, to: "\(name)/\(file)")
        }
        return directory.url.appendingPathComponent(name).path
    }
}
