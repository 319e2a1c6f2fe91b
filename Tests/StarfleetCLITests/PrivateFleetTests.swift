import Foundation
import StarfleetTestSupport
import Testing

/// `examples/private-fleet` builds against this package by path, and its own binary runs every
/// command with the default ships and its private one.
@Suite("private fleet example")
struct PrivateFleetTests {
    static let example = NewShipTestPaths.root.appendingPathComponent("examples/private-fleet")
    /// Kept between runs (ignored by git as `.build-*/`), so a second run is incremental.
    static let scratch = NewShipTestPaths.root.appendingPathComponent(".build-private-fleet")

    @Test("builds by path; its binary lists both fleets and runs the private ship", .timeLimit(.minutes(40)))
    func buildsAndListsBothFleets() async throws {
        let build = try await ProcessRunner.run(
            "swift", ["build", "--package-path", Self.example.path, "--scratch-path", Self.scratch.path],
            environment: NewShipTestPaths.buildEnvironment, timeout: NewShipTestPaths.buildTimeout)
        try #require(build.exitCode == 0, "swift build of examples/private-fleet failed: \(build.summary.suffix(6000))")
        let binary = Self.scratch.appendingPathComponent("debug/acme-starfleet").path
        let configuration = Self.example.appendingPathComponent("configuration").path
        let payload = Self.example.appendingPathComponent("payloads/AcmeTaggingAuditShip/owner_and_cost_center.yaml").path

        let ships = try await ProcessRunner.run(binary, ["ships", "--format", "json", "--config", configuration], timeout: 60)
        #expect(ships.exitCode == 0, "\(ships.summary)")
        let object = try #require(try JSONSerialization.jsonObject(with: ships.stdout) as? [String: Any], "\(ships.stdoutText)")
        let listed = try #require(object["ships"] as? [[String: Any]], "\(ships.stdoutText)")
        var byName: [String: [String: Any]] = [:]
        for entry in listed {
            if let name = entry["name"] as? String { byName[name] = entry }
        }
        #expect(byName["AccountIndexGeneratorShip"] != nil, "\(ships.stdoutText)")
        let acme = try #require(byName["AcmeTaggingAuditShip"], "\(ships.stdoutText)")
        #expect(acme["fan_out_strategy"] as? String == "ACCOUNT")
        #expect(acme["state"] as? String == "enabled")

        let check = try await ProcessRunner.run(binary, ["ships", "--check"], timeout: 60)
        #expect(check.exitCode == 0, "\(check.summary)")
        #expect(check.stdoutText.contains("AccountIndexGeneratorShip") && check.stdoutText.contains("AcmeTaggingAuditShip"), "\(check.summary)")

        let validate = try await ProcessRunner.run(binary, ["validate", "--ship", "AcmeTaggingAuditShip", "--payload", payload], timeout: 60)
        #expect(validate.exitCode == 0, "\(validate.summary)")

        // A dry run in an account that lacks a tag reports it (the account index is a local file).
        let untagged = try await ProcessRunner.run(binary, [
            "run", "AcmeTaggingAuditShip", "--config", configuration, "--payload", payload, "--account-id", "222222222222",
        ], timeout: 60)
        #expect(untagged.exitCode == 0, "\(untagged.summary)")
        #expect(untagged.stderrText.contains("is missing tags: CostCenter"), "\(untagged.summary)")
        #expect(untagged.stderrText.contains("Untagged account 222222222222"), "\(untagged.summary)")

        // The organization root is not targeted (OperateInOrgRoot is false): refused with exit 1.
        let root = try await ProcessRunner.run(binary, [
            "run", "AcmeTaggingAuditShip", "--config", configuration, "--payload", payload, "--account-id", "000000000000",
        ], timeout: 60)
        #expect(root.exitCode == 1, "\(root.summary)")
    }
}
