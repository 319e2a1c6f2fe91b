import Foundation
import Starfleet
import StarfleetAWS
import StarfleetTestSupport
import Testing

/// `starfleet console` end to end: the real binary in tmux (120×40 and 80×24) against a seeded
/// moto_server. Each test has its own tmux server, killed at the end.
@Suite("Console in tmux", .serialized)
struct ConsoleTmuxTests {
    /// A payload directory with the generator's payloads; `commit.yaml` writes `key`.
    func payloads(_ fixture: ConsoleTmuxWorld.Fixture, key: String) throws -> String {
        let name = "payloads-\(UUID().uuidString.prefix(8))"
        try fixture.directory.write(ConsoleTmuxWorld.generatorPayload(key: key), to: "\(name)/AccountIndexGeneratorShip/commit.yaml")
        try fixture.directory.write("""
            TemplateName: GenerateAccountIndex
            TemplateDescription: Deliberately invalid - the bucket is missing and the region is a number.
            InventoryBucketRegion: 12
            """, to: "\(name)/AccountIndexGeneratorShip/invalid_missing_bucket.yaml")
        try fixture.directory.write("""
            TemplateName: ProbeEveryAccount
            TemplateDescription: Every account of the organization.
            IncludeAccounts:
              AllAccounts: true
            MarkerBucket: starfleet-templates
            """, to: "\(name)/ProbeAccountShip/all.yaml")
        return fixture.directory.path + "/" + name
    }

    /// The private fleet's ProbeAccountShip, enabled (a `probes.yaml` section).
    static let probeAccountSection = """
        ProbeAccountShip:
          Enabled: true
          TemplatePrefix: ProbeAccountShip/
          InvocationQueueUrl: https://sqs.us-east-1.amazonaws.com/000000000000/probe-account
          InvocationSources:
            - S3

        """

    /// A copy of the fixture's configuration with the private fleet's ProbeAccountShip enabled.
    func probeConfiguration(_ fixture: ConsoleTmuxWorld.Fixture, name: String) throws -> String {
        let directory = fixture.directory.path + "/config-\(name)-\(UUID().uuidString.prefix(6))"
        try FileManager.default.copyItem(atPath: fixture.configuration, toPath: directory)
        try Self.probeAccountSection.write(toFile: directory + "/probes.yaml", atomically: true, encoding: .utf8)
        return directory
    }

    /// On the fan-out tab: waits for the `count` targets and marks them all.
    func markEveryTarget(_ count: Int, in console: TmuxConsole) async throws {
        try await console.keys("f")
        try await console.wait(for: "\(count) invocations")
        try await console.keys("a")
        try await console.wait(for: "\(count) marked")
    }

    /// Opens the picker for the selected ship and the payload whose name contains `file`.
    func open(_ file: String, in console: TmuxConsole) async throws {
        try await console.keys("Enter")
        try await console.wait(for: "Payloads for")
        try await console.wait(for: file)
        try await console.keys("/")
        try await console.type(file)
        try await console.keys("Enter", "Enter")
        try await console.wait(for: "Source · ")
    }

    /// Filters the fleet down to one ship (the selection is then on it).
    func select(_ ship: String, in console: TmuxConsole) async throws {
        try await console.keys("/")
        try await console.type(ship)
        try await console.keys("Enter")
        try await console.wait(for: "filter “\(ship)”")
    }

    @Test("The fleet view shows each ship's queue and dead-letter depth when the queues answer, - otherwise")
    func queueDepths() async throws {
        let fixture = try await ConsoleTmuxWorld.shared.get()
        let suffix = UUID().uuidString.prefix(6).lowercased()
        let directory = fixture.directory.path + "/config-queues-\(suffix)"
        try FileManager.default.copyItem(atPath: fixture.configuration, toPath: directory)
        // The IAM ship's queue exists (3 waiting, 2 in its dead-letter queue); the others' do not.
        let sqs = try fixture.session.sqs()
        let deadLetter = try await sqs.createQueue(name: "console-iam-dlq-\(suffix)")
        let deadLetterArn = try #require(try await sqs.getQueueAttributes(queueURL: deadLetter, names: ["QueueArn"])["QueueArn"])
        let queue = try await sqs.createQueue(name: "console-iam-\(suffix)", attributes: [
            "RedrivePolicy": #"{"deadLetterTargetArn": "\#(deadLetterArn)", "maxReceiveCount": "4"}"#,
        ])
        for (url, count) in [(queue, 3), (deadLetter, 2)] {
            let entries = (0..<count).map { SQSSendEntry(id: "m\($0)", body: "{}") }
            #expect(try await sqs.sendMessageBatch(queueURL: url, entries: entries).failed.isEmpty)
        }
        let iamFile = directory + "/iam_role.yaml"
        let iam = try String(contentsOfFile: iamFile, encoding: .utf8)
            .replacingOccurrences(of: "/starfleet-iam-role-worker", with: "/console-iam-\(suffix)")
        try iam.write(toFile: iamFile, atomically: true, encoding: .utf8)

        let launch = try ConsoleLaunch(fixture: fixture, arguments: ["--config", directory])
        let console = try await TmuxConsole(width: 120, height: 40, script: launch.script)
        defer { console.kill() }
        func row(_ name: String, _ text: String) -> [Substring] {
            (text.split(separator: "\n").first { $0.contains(name + " ") } ?? "").split(separator: "│").first?
                .split(separator: " ") ?? []
        }
        let screen = try await console.wait("the IAM ship's queue depths") { row("IamRoleWorkerShip", $0).contains("3") }
        #expect(screen.contains("Queue") && screen.contains("DLQ"), "\(screen)")
        let iamRow = row("IamRoleWorkerShip", screen)
        #expect(Array(iamRow.suffix(from: 3).prefix(2)) == ["3", "2"], "\(iamRow)\n\(screen)")
        let configRow = row("AwsConfigWorkerShip", screen)
        #expect(Array(configRow.suffix(from: 3).prefix(2)) == ["-", "-"], "no queue answers for AwsConfigWorkerShip:\n\(screen)")
        try await console.quitAndExpectRestoredTerminal()
    }

    @Test("Browse the fleet: states, an invalid ship's errors with file:line, the fan-out tab, :reload (private fleet)")
    func browse() async throws {
        let fixture = try await ConsoleTmuxWorld.shared.get()
        let directory = fixture.directory.path + "/config-browse-\(UUID().uuidString.prefix(6))"
        try FileManager.default.copyItem(atPath: fixture.configuration, toPath: directory)
        let probes = Self.probeAccountSection + """
            ProbeAccountRegionShip:
              Enabled: true
              TemplatePrefix: ProbeAccountRegionShip/
              InvocationQueueUrl: https://sqs.us-east-1.amazonaws.com/000000000000/probe-region
              InvocationSources:
                - EVENTBRIDGE_TIMED_EVENT
              EventBridgeTimedFrequency: SOMETIMES

            """
        try probes.write(toFile: directory + "/probes.yaml", atomically: true, encoding: .utf8)
        let badLine = probes.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains("SOMETIMES") }! + 1
        let payloads = try payloads(fixture, key: "unused")
        let launch = try ConsoleLaunch(fixture: fixture, binary: ConsoleTmuxWorld.probeFleet,
                                       arguments: ["--config", directory, "--payloads", payloads])
        let console = try await TmuxConsole(width: 120, height: 40, script: launch.script)
        defer { console.kill() }

        var screen = try await console.wait(for: "ProbeAccountRegionShip")
        func row(_ name: String, _ text: String) -> String { text.split(separator: "\n").first { $0.contains(name + " ") }.map(String.init) ?? "" }
        #expect(screen.contains("Fleet · "))
        #expect(row("AccountIndexGeneratorShip", screen).contains("SINGLE_INVOCATION"))
        #expect(row("AccountIndexGeneratorShip", screen).contains("enabled"))
        #expect(row("ProbeAccountShip", screen).contains("ACCOUNT"))
        #expect(row("ProbeAccountShip", screen).contains("enabled"))
        #expect(row("ProbeAccountRegionShip", screen).contains("ACCOUNT_REGION"))
        #expect(row("ProbeAccountRegionShip", screen).contains("invalid configuration"))
        // At 120 columns the identity and endpoint come first in the header; a wide window shows the index too.
        try await console.resize(width: 240, height: 40)
        try await console.wait(for: "index s3://starfleet-account-index/console-e2e/accountIndex.json")
        try await console.resize(width: 120, height: 40)

        // The invalid ship: its error tree, with file:line.
        try await select("ProbeAccountRegionShip", in: console)
        try await console.keys("Enter")
        screen = try await console.wait(for: "ProbeAccountRegionShip · invalid configuration")
        #expect(screen.contains("EventBridgeTimedFrequency"))
        #expect(screen.contains("Must be one of"))
        #expect(screen.contains("probes.yaml:\(badLine)"), "\(screen)")
        try await console.keys("Escape")
        try await console.wait(for: "filter “ProbeAccountRegionShip”")
        try await console.keys("Escape")
        try await console.wait("the whole fleet") { !$0.contains("filter “") && $0.contains("ProbeAccountShip ") }

        // The ACCOUNT ship's fan-out: accounts from the index; pick one to run in.
        try await select("ProbeAccountShip", in: console)
        try await open("all.yaml", in: console)
        screen = try await console.wait(for: "marker_bucket: starfleet-templates")
        #expect(screen.contains("Target: none picked"))
        try await console.keys("f")
        let member = fixture.seed.accounts.sorted { $0.id < $1.id }[0]
        // The header comes first; the rows follow once the targets are resolved.
        screen = try await console.wait("the fan-out table with its first account") {
            $0.contains("invocations") && $0.contains("Account") && $0.contains(member.id)
        }
        #expect(screen.contains("Fan-out · ACCOUNT · \(fixture.seed.accounts.count) invocations"), "\(screen)")
        #expect(screen.contains(member.name))
        try await console.keys("Enter")
        screen = try await console.wait(for: "Target: \(member.id) (\(member.name))")
        #expect(screen.contains("TARGET"))

        // Disable one ship and drop another's section, then :reload.
        try (try String(contentsOfFile: directory + "/probes.yaml", encoding: .utf8))
            .replacingOccurrences(of: "Enabled: true\n  TemplatePrefix: ProbeAccountShip/", with: "Enabled: false\n  TemplatePrefix: ProbeAccountShip/")
            .write(toFile: directory + "/probes.yaml", atomically: true, encoding: .utf8)
        try FileManager.default.removeItem(atPath: directory + "/account_index_generator.yaml")
        for _ in 0..<10 {
            let current = try await console.screen()
            if current.contains("╭─ Fleet · ") && !current.contains("filter “") { break }
            try await console.keys("Escape")
        }
        try await console.keys(":")
        try await console.type("reload")
        try await console.keys("Enter")
        screen = try await console.wait("the reloaded states") { row("ProbeAccountShip", $0).contains("disabled") }
        #expect(row("AccountIndexGeneratorShip", screen).contains("not configured"))
        try await console.quitAndExpectRestoredTerminal()
    }

    @Test("Fleet dry run of every account (4 at a time): summary, row outcomes, logs, history; then one commit of them all")
    func fleetDryRun() async throws {
        let fixture = try await ConsoleTmuxWorld.shared.get()
        let directory = try probeConfiguration(fixture, name: "fleet")
        let launch = try ConsoleLaunch(fixture: fixture, binary: ConsoleTmuxWorld.probeFleet,
                                       arguments: ["--config", directory, "--payloads", try payloads(fixture, key: "unused"),
                                                   "--fleet-concurrency", "4"])
        let console = try await TmuxConsole(width: 120, height: 40, script: launch.script)
        defer { console.kill() }
        try await console.wait(for: "ProbeAccountShip")
        try await select("ProbeAccountShip", in: console)
        try await open("all.yaml", in: console)
        try await console.wait(for: "marker_bucket: starfleet-templates")
        let count = fixture.seed.accounts.count
        try await markEveryTarget(count, in: console)
        try await console.keys("d")
        var screen = try await console.wait(for: "Fleet dry run · \(count)/\(count) done", timeout: 180)
        #expect(!screen.contains("failed"), "\(screen)")
        let rows = screen.split(separator: "\n").filter { $0.contains("│") && $0.contains("✔ succeeded") }
        #expect(rows.count == count, "every row shows its own successful dry run: \(screen)")

        // One saved log and one history record per target (its final one: each run writes a
        // "running" record when it starts and the final one when it ends).
        let state = launch.home + "/state/starfleet"
        let logs = try FileManager.default.contentsOfDirectory(atPath: state + "/runs").filter { $0.hasSuffix(".log") }
        #expect(logs.count == count)
        let history = RunHistory(directory: state).records()
        #expect(history.count == count)
        #expect(history.allSatisfy { $0.exitStatus == 0 }, "\(history)")
        #expect(Set(history.compactMap(\.accountId)).count == count)

        // L opens the selected target's saved log.
        try await console.keys("L")
        screen = try await console.wait(for: "Dry run: would write s3://starfleet-templates/")
        #expect(screen.contains("assigned account"))

        // C commits every marked target behind one dialog whose phrase names the count; each writes its marker.
        try await console.keys("Escape")
        try await console.wait(for: "\(count) marked")
        try await console.keys("C")
        screen = try await console.wait(for: "Commit ProbeAccountShip to \(count) targets?")
        #expect(screen.contains("\(count) to commit"))
        try await console.type("ProbeAccountShip \(count)")
        try await console.keys("Tab", "Enter")
        screen = try await console.wait(for: "Fleet commit · \(count)/\(count) done", timeout: 180)
        #expect(!screen.contains("failed"), "\(screen)")
        let markers = try await fixture.session.s3().listObjectsV2(bucket: "starfleet-templates", prefix: "probe/ProbeAccountShip/")
        #expect(Set(markers.map(\.key)) == Set(fixture.seed.accounts.map { "probe/ProbeAccountShip/\($0.id).json" }))
        try await console.quitAndExpectRestoredTerminal()
    }

    @Test("Open an invalid payload: each error at its line, the error tree beside it")
    func invalidPayload() async throws {
        let fixture = try await ConsoleTmuxWorld.shared.get()
        let launch = try ConsoleLaunch(fixture: fixture, arguments: ["--config", fixture.configuration,
                                                                     "--payloads", try payloads(fixture, key: "unused")])
        let console = try await TmuxConsole(width: 120, height: 40, script: launch.script)
        defer { console.kill() }
        try await console.wait(for: "AccountIndexGeneratorShip")
        try await console.keys("Enter")
        var screen = try await console.wait(for: "✗ invalid (2)")
        #expect(screen.split(separator: "\n").contains { $0.contains("invalid_missing_bucket.yaml") && $0.contains("✗ invalid (2)") })
        #expect(screen.split(separator: "\n").contains { $0.contains("commit.yaml") && $0.contains("✔ valid") })
        try await console.keys("Escape")
        try await open("invalid_missing_bucket", in: console)
        screen = try await console.wait(for: "Errors (2)")
        #expect(screen.contains("▌3 InventoryBucketRegion: 12  ◀ InventoryBucketRegion: Not"), "\(screen)")
        #expect(screen.contains("▌1 TemplateName: GenerateAccountIndex  ◀ AccountInventoryB"))
        #expect(screen.contains("AccountInventoryBucket  line 1"))
        #expect(screen.contains("✗ Missing data for required field."))
        #expect(screen.contains("InventoryBucketRegion  line 3"))
        #expect(screen.contains("✗ Not a valid string."))
        try await console.keys("d")
        try await console.wait(for: "does not validate")

        // The same ship's templates in S3 (TemplateBucket/TemplatePrefix), listed and validated through our client.
        let prefix = "AccountIndexGeneratorShip/"
        let s3 = try fixture.session.s3()
        let name = "s3-\(UUID().uuidString.prefix(6).lowercased())"
        try await s3.putObject(bucket: "starfleet-templates", key: prefix + name + "-valid.yaml",
                               body: Data(ConsoleTmuxWorld.generatorPayload(key: "unused").utf8), contentType: nil, acl: nil)
        try await s3.putObject(bucket: "starfleet-templates", key: prefix + name + "-broken.yaml",
                               body: Data("TemplateName: [\n".utf8), contentType: nil, acl: nil)
        try await console.keys("Escape")
        try await console.wait(for: "Payloads for")
        try await console.keys("Tab")
        screen = try await console.wait("the S3 listing") { $0.contains("\(name)-valid.yaml") && $0.contains("✔ valid") }
        #expect(screen.contains("S3  s3://starfleet-templates/AccountIndexGeneratorShip/"))
        #expect(screen.split(separator: "\n").contains { $0.contains("\(name)-broken.yaml") && $0.contains("✗ unreadable") })
        try await console.keys("/")
        try await console.type("\(name)-valid")
        try await console.keys("Enter", "Enter")
        screen = try await console.wait(for: "Source · \(name)-valid.yaml")
        try await console.wait(for: "account_inventory_bucket: starfleet-account-index")
        try await console.quitAndExpectRestoredTerminal()
    }

    @Test("Dry run streams its log; commit is refused before it, then offered behind the typed confirmation; the object exists")
    func dryRunAndCommit() async throws {
        let fixture = try await ConsoleTmuxWorld.shared.get()
        let key = "e2e/\(UUID().uuidString.prefix(8).lowercased()).json"
        let launch = try ConsoleLaunch(fixture: fixture, arguments: ["--config", fixture.configuration,
                                                                     "--payloads", try payloads(fixture, key: key)])
        let console = try await TmuxConsole(width: 120, height: 40, script: launch.script)
        defer { console.kill() }
        try await console.wait(for: "AccountIndexGeneratorShip")
        try await open("commit", in: console)
        try await console.wait(for: "inventory_object_prefix: \(key)")

        // Commit before any dry run: refused, with the reason; no dialog.
        try await console.keys("C")
        var screen = try await console.wait(for: "Commit needs a successful dry run")
        #expect(!screen.contains("Type AccountIndexGeneratorShip to confirm"))

        // Dry run: lines appear while it runs, then the final status and exit code.
        try await console.keys("d")
        screen = try await console.wait("log lines while running") {
            $0.contains("● running") && $0.contains("[🛃] Validating the template...")
        }
        #expect(screen.contains("DRY RUN  AccountIndexGeneratorShip"))
        screen = try await console.wait(for: "✔ succeeded · exit 0", timeout: 90)
        #expect(screen.contains("would write s3://starfleet-account-index/"))
        let logs = try FileManager.default.contentsOfDirectory(atPath: launch.home + "/state/starfleet/runs").filter { $0.hasSuffix(".log") }
        #expect(logs.count == 1)
        let saved = try String(contentsOfFile: launch.home + "/state/starfleet/runs/" + logs[0], encoding: .utf8)
        #expect(saved.contains("would write s3://starfleet-account-index/\(key)"))
        #expect(screen.contains("[console] ✔ dry run succeeded · exit 0"))

        // Commit: C opens the dialog (Cancel focused); the name must be typed; Tab, Enter.
        try await console.keys("C")
        screen = try await console.wait(for: "Commit AccountIndexGeneratorShip?")
        #expect(screen.contains("[ Cancel ]"))
        #expect(screen.contains("Ship:     AccountIndexGeneratorShip"))
        #expect(screen.contains("commit.yaml"))
        #expect(screen.contains("Target:   single invocation"))
        #expect(screen.contains("Dry run:  succeeded · exit 0"))
        #expect(screen.contains("Plan:     0 to add, 1 to change, 0 to destroy"), "the plan the ship reported as data")
        #expect(screen.contains("Commit flag is disabled"))
        try await console.keys("Tab", "Enter")
        try await console.wait(for: "Type the ship's name to confirm.")
        try await console.type("AccountIndexGeneratorShip")
        try await console.keys("Enter")
        screen = try await console.wait("the commit to start") { $0.contains("COMMIT  AccountIndexGeneratorShip") }
        screen = try await console.wait(for: "✔ succeeded · exit 0", timeout: 90)
        #expect(screen.contains("Wrote the account index to s3://starfleet-account-index/\(key)"))
        let keys = try await fixture.session.s3().listObjectsV2(bucket: ConsoleTmuxWorld.bucket, prefix: key).map(\.key)
        #expect(keys == [key])

        // History: both runs, newest first; open the commit's log.
        try await console.keys("h")
        screen = try await console.wait(for: "Run history · 2 runs")
        let rows = screen.split(separator: "\n").filter { $0.contains("AccountIndexGeneratorShip") }
        #expect(rows.count == 2)
        #expect(rows.first?.contains("commit") == true)
        #expect(rows.last?.contains("dry-run") == true)
        try await console.keys("Enter")
        screen = try await console.wait(for: "Wrote the account index")
        #expect(screen.contains("· commit ·"))
        try await console.quitAndExpectRestoredTerminal()
    }

    @Test("Cancel a running job; resize during the run (120×40 → 80×24 → too small → back)")
    func cancelAndResize() async throws {
        let fixture = try await ConsoleTmuxWorld.shared.get()
        // An endpoint that never answers keeps the run going until it is cancelled.
        let stub = try await LocalHTTPStub.start([StubResponse(action: .hang)])
        defer { stub.stop() }
        let launch = try ConsoleLaunch(fixture: fixture, arguments: ["--config", fixture.configuration,
                                                                     "--payloads", try payloads(fixture, key: "unused")],
                                       endpoint: stub.endpoint.absoluteString)
        let console = try await TmuxConsole(width: 120, height: 40, script: launch.script)
        defer { console.kill() }
        try await console.wait(for: "AccountIndexGeneratorShip")
        try await open("commit", in: console)
        try await console.keys("d")
        var screen = try await console.wait("the run to reach AWS") {
            $0.contains("● running") && $0.contains("Inventorying the organization")
        }
        try await console.resize(width: 80, height: 24)
        screen = try await console.wait("the 80×24 layout") {
            $0.contains("…") && $0.contains("● running") && $0.contains("Inventorying")
        }
        #expect(screen.split(separator: "\n").count <= 24)
        try await console.resize(width: 70, height: 20)
        try await console.wait(for: "Terminal too small")
        try await console.wait(for: "70x20 — needs at least 80x24")
        try await console.resize(width: 120, height: 40)
        screen = try await console.wait("the run view again") { $0.contains("● running") && $0.contains("Inventorying") }
        try await console.keys("C-l")
        try await console.wait(for: "● running")

        try await console.keys("x")
        screen = try await console.wait(for: "■ cancelled", timeout: 30)
        #expect(screen.contains("[console] Cancelling: SIGTERM now"))
        #expect(screen.contains("Run cancelled.") || screen.contains("■ dry run cancelled") || screen.contains("[console] ■"))
        // The console keeps working after the run ended.
        try await console.keys("Escape")
        try await console.wait(for: "Source · commit.yaml")
        try await console.quitAndExpectRestoredTerminal()
    }

    @Test("--readonly at 80×24: [R] in the header, no commit key anywhere, even after a successful dry run")
    func readOnly() async throws {
        let fixture = try await ConsoleTmuxWorld.shared.get()
        let launch = try ConsoleLaunch(fixture: fixture, arguments: ["--config", fixture.configuration, "--readonly",
                                                                     "--payloads", try payloads(fixture, key: "unused")])
        let console = try await TmuxConsole(width: 80, height: 24, script: launch.script)
        defer { console.kill() }
        var screen = try await console.wait(for: "AccountIndexGeneratorShip")
        #expect(screen.split(separator: "\n").first?.contains("[R]") == true)
        try await open("commit", in: console)
        screen = try await console.screen()
        #expect(!screen.contains("Commit"))
        try await console.keys("d")
        screen = try await console.wait(for: "✔ succeeded · exit 0", timeout: 90)
        #expect(!screen.contains("C Commit"))
        try await console.keys("C")
        try await Task.sleep(for: .milliseconds(500))
        screen = try await console.screen()
        #expect(!screen.contains("Type AccountIndexGeneratorShip"))
        #expect(!screen.contains("Commit AccountIndexGeneratorShip?"))
        try await console.keys("?")
        screen = try await console.wait(for: "Keys · Esc closes")
        #expect(!screen.contains("Commit"))
        try await console.keys("Escape")
        try await console.quitAndExpectRestoredTerminal()
    }

    @Test("A crashing ship does not disturb the console: the run shows the crash, the console carries on")
    func crashingShip() async throws {
        let fixture = try await ConsoleTmuxWorld.shared.get()
        let crasher = fixture.directory.path + "/crasher-\(UUID().uuidString.prefix(6)).sh"
        try """
            #!/bin/sh
            echo '{"time": "2026-11-29T10:00:00.000Z", "level": "info", "message": "about to crash"}' >&2
            echo 'Fatal error: something went very wrong' >&2
            kill -SEGV $$
            """.write(toFile: crasher, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: crasher)
        let launch = try ConsoleLaunch(fixture: fixture, arguments: ["--config", fixture.configuration,
                                                                     "--payloads", try payloads(fixture, key: "unused")],
                                       extraEnvironment: ["STARFLEET_CONSOLE_RUN_EXECUTABLE": crasher])
        let console = try await TmuxConsole(width: 120, height: 40, script: launch.script)
        defer { console.kill() }
        try await console.wait(for: "AccountIndexGeneratorShip")
        try await open("commit", in: console)
        try await console.keys("d")
        let screen = try await console.wait(for: "✘ crashed · signal 11")
        #expect(screen.contains("about to crash"))
        #expect(screen.contains("Fatal error: something went very wrong"))
        try await console.keys("Escape")
        try await console.wait(for: "Source · commit.yaml")
        try await console.quitAndExpectRestoredTerminal()
    }
}

