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
}
