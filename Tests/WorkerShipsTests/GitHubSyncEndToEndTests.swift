import Foundation
import Starfleet
import StarfleetAWS
import StarfleetSchema
import StarfleetTestSupport
import Testing

@testable import WorkerShips

/// GitHubSyncWorkerShip against the GitHub API stub (JWT checked with the app's public key,
/// token issued, zipball answered with a redirect) and moto (S3 + Secrets Manager).
@Suite("GitHubSyncWorkerShip end to end", .serialized)
struct GitHubSyncEndToEndTests {
    static let repository = [
        "AccountIndexGeneratorShip/index.yaml": "TemplateName: Index\n",
        "IamRoleWorkerShip/auditor.yaml": "TemplateName: Auditor\n",
        "README.md": "# Templates\n",
        "docs/guide.yaml": "not a template\n",
    ]
    static let templatesOnly = GitHubSyncWorld.payload(include: [#"\.yaml$"#], exclude: ["^docs/"])

    func ship(_ yaml: String) throws -> GitHubSyncWorkerShip {
        GitHubSyncWorkerShip(payload: Payload(try GitHubSyncWorkerShip.payloadTemplate.load(try YAMLReader().read(yaml))))
    }

    func run(_ yaml: String, commit: Bool, world: GitHubSyncWorld.World, settings extra: PayloadMap = [:]) async throws -> ShipRecorder {
        let recorder = ShipRecorder()
        var settings = extra
        settings["alert_configuration"] = .map(["channel_id": .string("C123"), "alert_priority": .string("INFORMATIONAL")])
        let context = ShipContext(configuration: try GitHubSyncWorld.configuration(), shipConfiguration: settings,
                                  logger: recorder.logger, alerts: RecordingAlertSender(recorder: recorder),
                                  accountIndex: { throw ShipFailure("no index needed") }, environment: world.environment)
        try await ship(yaml).execute(commit: commit, context: context)
        return recorder
    }

    /// The plan's entry headlines and its count line, in order.
    func planLines(_ recorder: ShipRecorder) -> [String] {
        recorder.text.components(separatedBy: "\n").filter {
            $0.hasPrefix("+ ") || $0.hasPrefix("~ ") || $0.hasPrefix("- ") || $0.hasPrefix("Plan: ")
        }
    }

    @Test("a dry run plans exactly the included files, uploads nothing, and authenticates as the app")
    func dryRunPlansIncludedFiles() async throws {
        let world = try await GitHubSyncWorld.shared.reset(files: Self.repository)
        let before = try await world.stub.requests().count
        let recorder = try await run(Self.templatesOnly, commit: false, world: world)
        #expect(planLines(recorder) == [
            "+ upload templates/AccountIndexGeneratorShip/index.yaml",
            "+ upload templates/IamRoleWorkerShip/auditor.yaml",
            "Plan: 2 to add, 0 to change, 0 to destroy.",
        ])
        #expect(try await world.bucketContents().isEmpty)
        #expect(recorder.alerts.isEmpty)
        let requests = try await world.stub.requests().dropFirst(before)
        let download = requests.filter { $0.path == "/repos/acme/templates/zipball/main" }
        #expect(download.count == 1 && download[0].authorization)
        let fetched = requests.filter { $0.path.hasPrefix("/codeload/") }
        #expect(fetched.count == 1 && !fetched[0].authorization, "the token must not follow the redirect")
        #expect(!recorder.text.contains("ghs_"), "no token in the log")
    }

    @Test("commit makes the bucket equal to the included files, alerts once, and a second run plans nothing")
    func commitThenNothing() async throws {
        let world = try await GitHubSyncWorld.shared.reset(files: Self.repository)
        let committed = try await run(Self.templatesOnly, commit: true, world: world)
        let contents = try await world.bucketContents()
        let included = ["AccountIndexGeneratorShip/index.yaml", "IamRoleWorkerShip/auditor.yaml"]
        #expect(Set(contents.keys) == Set(included.map { "templates/" + $0 }))
        for path in included {
            #expect(contents["templates/" + path]?.body == Self.repository[path], "\(path)")
            #expect(contents["templates/" + path]?.contentType == "application/yaml", "\(path)")
        }
        #expect(committed.alerts.count == 1)
        let alert = try #require(committed.alerts.first)
        #expect(alert.priority == .important)
        #expect(alert.body.contains(" - IamRoleWorkerShip/auditor.yaml"))
        #expect(alert.body.contains("new files were uploaded"))

        let again = try await run(Self.templatesOnly, commit: false, world: world)
        #expect(planLines(again) == ["Plan: 0 to add, 0 to change, 0 to destroy."])
        #expect(again.text.contains(GitHubSyncWorkerShip.noChanges))
        let recommit = try await run(Self.templatesOnly, commit: true, world: world)
        #expect(recommit.alerts.isEmpty, "nothing changed: no alert")
    }

    @Test("a changed file is one ~, a removed file is - only with DeleteMissingFiles")
    func changeAndRemoval() async throws {
        let world = try await GitHubSyncWorld.shared.reset(files: Self.repository)
        _ = try await run(Self.templatesOnly, commit: true, world: world)
        try await world.stub.setZipball(.init(files: [
            "IamRoleWorkerShip/auditor.yaml": "TemplateName: Auditor2\n",
            "README.md": "# Templates\n",
        ]))
        let kept = try await run(Self.templatesOnly, commit: false, world: world)
        #expect(planLines(kept) == [
            "~ upload templates/IamRoleWorkerShip/auditor.yaml",
            "Plan: 0 to add, 1 to change, 0 to destroy.",
        ])
        #expect(kept.text.contains("kept because DeleteMissingFiles is false"))

        let deleting = GitHubSyncWorld.payload(include: [#"\.yaml$"#], exclude: ["^docs/"], deleteMissing: true)
        let planned = try await run(deleting, commit: false, world: world)
        #expect(planLines(planned) == [
            "~ upload templates/IamRoleWorkerShip/auditor.yaml",
            "- delete templates/AccountIndexGeneratorShip/index.yaml",
            "Plan: 0 to add, 1 to change, 1 to destroy.",
        ])
        let applied = try await run(deleting, commit: true, world: world)
        let contents = try await world.bucketContents()
        #expect(Set(contents.keys) == ["templates/IamRoleWorkerShip/auditor.yaml"])
        #expect(contents["templates/IamRoleWorkerShip/auditor.yaml"]?.body == "TemplateName: Auditor2\n")
        let body = try #require(applied.alerts.first?.body)
        #expect(body.contains("modified files were uploaded") && body.contains("have been deleted"))
        #expect(body.contains(" - AccountIndexGeneratorShip/index.yaml"))
    }

    @Test("objects without our SHA-256 compare by a plain MD5 ETag")
    func etagFallback() async throws {
        let world = try await GitHubSyncWorld.shared.reset(files: ["a.yaml": "same\n", "b.yaml": "new1\n"])
        let s3 = try world.s3
        // Written by something else: no sha256 metadata, single-part upload (ETag = MD5).
        try await s3.putObject(bucket: GitHubSyncWorld.bucket, key: "templates/a.yaml", body: Data("same\n".utf8), contentType: nil, acl: nil)
        try await s3.putObject(bucket: GitHubSyncWorld.bucket, key: "templates/b.yaml", body: Data("old1\n".utf8), contentType: nil, acl: nil)
        let recorder = try await run(GitHubSyncWorld.payload(), commit: false, world: world)
        #expect(planLines(recorder) == ["~ upload templates/b.yaml", "Plan: 0 to add, 1 to change, 0 to destroy."])
    }

    @Test("a zip with ../evil, an absolute path or a symlink is refused and nothing is uploaded", arguments: [
        GitHubAPIStub.Zipball(files: ["ok.yaml": "fine\n"], raw: ["../evil": "escape\n"]),
        GitHubAPIStub.Zipball(files: ["ok.yaml": "fine\n", "sub/../../evil": "escape\n"]),
        GitHubAPIStub.Zipball(files: ["ok.yaml": "fine\n"], raw: ["/etc/evil": "absolute\n"]),
        GitHubAPIStub.Zipball(files: ["ok.yaml": "fine\n"], symlinks: ["link.yaml": "/etc/passwd"]),
    ])
    func unsafeArchivesRefused(zipball: GitHubAPIStub.Zipball) async throws {
        let world = try await GitHubSyncWorld.shared.reset(files: [:])
        try await world.stub.setZipball(zipball)
        let error = await #expect(throws: GitHubSyncError.self) {
            _ = try await run(GitHubSyncWorld.payload(deleteMissing: true), commit: true, world: world)
        }
        guard case .unsafeEntry(let path, let reason)? = error else {
            Issue.record("expected an unsafe entry, got \(String(describing: error))")
            return
        }
        let expected = (path.hasSuffix("../evil") && reason.contains("escapes"))
            || (path == "/etc/evil" && reason.contains("absolute"))
            || (path.hasSuffix("link.yaml") && reason.contains("symbolic link"))
        #expect(expected, "\(path): \(reason)")
        #expect(try await world.bucketContents().isEmpty)
    }

    @Test("archives past the configured entry or byte limit are refused naming the limit", arguments: [
        (["max_archive_entries": .int(3)] as PayloadMap, "more than the limit of 3"),
        (["max_archive_bytes": .int(10)] as PayloadMap, "more than the limit of 10"),
    ])
    func limitsRefused(settings: PayloadMap, message: String) async throws {
        let world = try await GitHubSyncWorld.shared.reset(files: ["a.yaml": "twelve bytes", "b.yaml": "x", "c.yaml": "y"])
        let error = await #expect(throws: GitHubSyncError.self) {
            _ = try await run(GitHubSyncWorld.payload(), commit: true, world: world, settings: settings)
        }
        let text = error.map(String.init(describing:)) ?? ""
        #expect(text.contains(message) && text.contains("nothing was extracted or uploaded"), "\(text)")
        #expect(try await world.bucketContents().isEmpty)
    }

    @Test("ExtractZipContents false syncs the zip itself as <Repository>.zip")
    func unextractedZip() async throws {
        let world = try await GitHubSyncWorld.shared.reset(files: ["a.yaml": "x\n"])
        let recorder = try await run(GitHubSyncWorld.payload(extract: false), commit: true, world: world)
        #expect(planLines(recorder) == ["+ upload templates/templates.zip"])
        let contents = try await world.bucketContents()
        #expect(Set(contents.keys) == ["templates/templates.zip"])
        #expect(contents["templates/templates.zip"]?.contentType == "application/zip")
    }

    @Test("an organization without a key in the secret fails naming GitHubSyncWorker.<Organization>")
    func missingKeyIsClear() async throws {
        let world = try await GitHubSyncWorld.shared.reset(files: ["a.yaml": "x\n"])
        let other = GitHubSyncWorld.payload().replacingOccurrences(of: "Organization: acme", with: "Organization: other-org")
        let error = await #expect(throws: GitHubSyncError.self) {
            _ = try await run(other, commit: false, world: world)
        }
        guard case .privateKeyUnavailable(let organization, _)? = error else {
            Issue.record("expected a missing key, got \(String(describing: error))")
            return
        }
        #expect(organization == "other-org")
        #expect("\(error.map(String.init(describing:)) ?? "")".contains("GitHubSyncWorker.other-org"))
    }

    @Test("a JWT signed with another key is refused by the stub, and the error carries GitHub's message")
    func forgedKeyRefused() async throws {
        let world = try await GitHubSyncWorld.shared.reset(files: ["a.yaml": "x\n"])
        let forged = GitHubSyncWorld.payload()
            .replacingOccurrences(of: "Organization: acme", with: "Organization: \(GitHubSyncWorld.forgedOrganization)")
        let error = await #expect(throws: GitHubSyncError.self) {
            _ = try await run(forged, commit: false, world: world)
        }
        guard case .gitHubRefused(_, let status, let detail)? = error else {
            Issue.record("expected GitHub's refusal, got \(String(describing: error))")
            return
        }
        #expect(status == 401)
        #expect(detail.contains("bad signature"), "\(detail)")
    }

    // MARK: - Through the binary

    @Test("starfleet run --log-format jsonl carries the plan counts; github-sync token hides the token; download saves the zip")
    func binary() async throws {
        guard FileManager.default.isExecutableFile(atPath: GitHubSyncWorld.binary) else {
            Issue.record("\(GitHubSyncWorld.binary) is missing: build first with `swift build --build-tests`")
            return
        }
        let world = try await GitHubSyncWorld.shared.reset(files: Self.repository)
        let config = try world.configurationDirectory
        let payload = try world.payloadFile(Self.templatesOnly)
        let run = try await ProcessRunner.run(GitHubSyncWorld.binary, [
            "run", "GitHubSyncWorkerShip", "--config", config, "--payload", payload, "--log-format", "jsonl",
        ], environment: world.environment, timeout: 120)
        #expect(run.exitCode == 0, "\(run.summary)")
        let records = run.stderrText.split(separator: "\n").compactMap {
            (try? JSONSerialization.jsonObject(with: Data($0.utf8))) as? [String: Any]
        }
        // One record states the plan: the text for people, the counts as numbers for the console.
        let planRecords = records.filter { $0["plan_add"] != nil }
        #expect(planRecords.count == 1, "\(run.stderrText)")
        let plan = try #require(planRecords.first, "\(run.stderrText)")
        #expect((plan["message"] as? String)?.contains("Plan: 2 to add, 0 to change, 0 to destroy.") == true)
        #expect(plan["plan_add"] as? Int == 2)
        #expect(plan["plan_change"] as? Int == 0)
        #expect(plan["plan_destroy"] as? Int == 0)
        #expect(plan["no_changes"] == nil)

        let token = try await ProcessRunner.run(GitHubSyncWorld.binary, ["github-sync", "token", "--config", config, "--payload", payload],
                                                environment: world.environment, timeout: 60)
        #expect(token.exitCode == 0, "\(token.summary)")
        #expect(token.stdoutText.hasPrefix("expires_at: "))
        #expect(!token.stdoutText.contains("ghs_") && !token.stderrText.contains("ghs_"))
        let shown = try await ProcessRunner.run(GitHubSyncWorld.binary, ["github-sync", "token", "--config", config, "--payload", payload, "--show"],
                                                environment: world.environment, timeout: 60)
        #expect(shown.stdoutText.contains("token: ghs_"))

        let saveDir = try world.directory.write("", to: "downloads/.keep").deletingLastPathComponent()
        let download = try await ProcessRunner.run(GitHubSyncWorld.binary, [
            "github-sync", "download", "--config", config, "--payload", payload, "--save-dir", saveDir.path,
        ], environment: world.environment, timeout: 60)
        #expect(download.exitCode == 0, "\(download.summary)")
        let zip = try Data(contentsOf: saveDir.appendingPathComponent("templates.zip"))
        #expect(zip.prefix(2) == Data("PK".utf8))
    }
}
