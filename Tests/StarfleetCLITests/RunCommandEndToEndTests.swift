import Foundation
import Starfleet
import StarfleetTestSupport
import Testing

/// `starfleet run` through the real binaries against a seeded moto organization: the account
/// index generator (dry run and commit) and the probe ships for ACCOUNT and ACCOUNT_REGION
/// payloads, with their refusals, exit codes, log formats and signal handling.
@Suite("run end to end")
struct RunCommandEndToEndTests {
    static let accountRefusal = "[🙅‍♂️] The account provided is not applicable for this template. Not doing anything."
    static let regionRefusal = "[🙅‍♂️] The account/region provided is not applicable for this template. Not doing anything."

    // MARK: - AccountIndexGeneratorShip

    @Test("generator dry run: logs the raw inventory on stderr and writes nothing")
    func generatorDryRun() async throws {
        let world = try await EndToEndWorld.shared.get()
        let bucket = try await world.makeBucket("e2e-dry-run")
        let payload = try world.payload(EndToEndWorld.generatorPayload(bucket: bucket, key: "accountIndex.json"))
        let result = try await world.starfleet(["run", "AccountIndexGeneratorShip", "--config", world.configuration,
                                                "--payload", payload])
        #expect(result.exitCode == 0, "\(result.summary)")
        #expect(result.stdout.isEmpty, "logs go to stderr")
        #expect(result.stderrText.contains("[🔍] DRY RUN"))
        #expect(result.stderrText.contains("[⚠️] Commit flag is disabled: not saving report to S3"))
        #expect(try await world.objectKeys(in: bucket).isEmpty, "a dry run writes nothing")

        // The inventory JSON follows the `[🍣] Raw Inventory:` line, from "{" to "}" at column 0.
        let lines = result.stderrText.components(separatedBy: "\n")
        let marker = try #require(lines.firstIndex { $0.hasSuffix("[🍣] Raw Inventory:") }, "\(result.summary)")
        let start = try #require(lines[marker...].firstIndex(of: "{"))
        let end = try #require(lines[start...].firstIndex(of: "}"))
        let json = lines[start...end].joined(separator: "\n")
        let inventory = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: [String: Any]])
        #expect(Set(inventory.keys) == world.memberIds.union([world.managementAccount]))
        #expect(json.contains("\n    \"\(world.seed.accounts[0].id)\": {\n        \"Arn\": "), "sorted keys, 4-space indent")
    }

    @Test("generator commit: the object is written, parseable, and right for every seeded account")
    func generatorCommit() async throws {
        let world = try await EndToEndWorld.shared.get()
        let bucket = try await world.makeBucket("e2e-commit")
        let key = "index/accountIndex.json"
        let payload = try world.payload(EndToEndWorld.generatorPayload(bucket: bucket, key: key))
        let result = try await world.starfleet(["run", "AccountIndexGeneratorShip", "--config", world.configuration,
                                                "--payload", payload, "--commit"])
        #expect(result.exitCode == 0, "\(result.summary)")
        #expect(result.stderrText.contains("[⚠️] COMMIT mode"))
        #expect(result.stderrText.contains("[💾] Wrote the account index to s3://\(bucket)/\(key) (\(world.seed.accounts.count + 1) accounts)."))
        #expect(try await world.objectKeys(in: bucket) == [key])
        #expect(try await world.contentType(bucket, key) == "application/json")

        let data = try await world.object(bucket, key)
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.hasPrefix("{\n    \"accounts\": {\n        \""), "4-space indent, accounts first (sorted keys)")
        let document = try AccountIndexDocument.decode(data)
        let generated = try #require(document.generated)
        #expect(generated.wholeMatch(of: /\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ/) != nil, "generated: \(generated)")
        #expect(Set(document.accounts.keys) == world.memberIds.union([world.managementAccount]))

        var deepest = 0
        for seeded in world.seed.accounts {
            let record = try #require(document.accounts[seeded.id])
            #expect(record.id == seeded.id)
            #expect(record.name == seeded.name)
            #expect(record.email == seeded.email)
            #expect(record.status == "ACTIVE")
            #expect(record.arn?.hasPrefix("arn:aws:organizations::\(world.managementAccount):account/") == true)
            #expect(record.tags == seeded.tags, "tags of \(seeded.name)")
            #expect(record.parents == world.expectedParents(of: seeded), "parents of \(seeded.name)")
            #expect(record.regions == world.enabledRegions.sorted(), "regions of \(seeded.name)")
            let joined = try #require(record.joinedTimestamp)
            #expect(joined.wholeMatch(of: /\d{4}-\d\d-\d\d \d\d:\d\d:\d\d(\.\d{6})?\+00:00/) != nil, "JoinedTimestamp: \(joined)")
            deepest = max(deepest, record.parents.count)
        }
        #expect(deepest == 4, "accounts three OUs deep have OU, OU, OU, ROOT")
        let management = try #require(document.accounts[world.managementAccount])
        #expect(management.parents == [ParentRecord(id: world.seed.rootId, name: "ROOT", type: "ROOT")])

        // The loaded index agrees: org root from the ARNs, OU names shared across branches are unions.
        let index = try DefaultAccountIndex(document: document)
        #expect(index.orgRoots == [world.managementAccount])
        #expect(index.accounts(byOrgUnit: "Team-A") == world.members(underUnitNamed: "Team-A"))
    }

    @Test("--expect-config-digest: a different configuration digest refuses to run; the right one runs and its jsonl carries the plan")
    func expectedDigests() async throws {
        let world = try await EndToEndWorld.shared.get()
        let bucket = try await world.makeBucket("e2e-digest")
        let payload = try world.payload(EndToEndWorld.generatorPayload(bucket: bucket, key: "accountIndex.json"))
        let names = try FileManager.default.contentsOfDirectory(atPath: world.configuration)
        let digest = RunFingerprint.configurationDigest(
            files: names.filter { $0.hasSuffix(".yaml") }.map { (world.configuration as NSString).appendingPathComponent($0) })
        let base = ["run", "AccountIndexGeneratorShip", "--config", world.configuration, "--payload", payload,
                    "--log-format", "jsonl"]

        let refused = try await world.starfleet(base + ["--expect-config-digest", String(repeating: "0", count: 64), "--commit"])
        #expect(refused.exitCode == 1, "\(refused.summary)")
        #expect(refused.stderrText.contains("The configuration changed since it was checked"), "\(refused.summary)")
        #expect(!refused.stderrText.contains("Inventorying"), "nothing ran")
        #expect(try await world.objectKeys(in: bucket).isEmpty)

        let ran = try await world.starfleet(base + ["--expect-config-digest", digest])
        #expect(ran.exitCode == 0, "\(ran.summary)")
        let plans = ran.stderrText.split(separator: "\n").map { RunLogRecord.parse(String($0)) }.compactMap(\.plan)
        #expect(plans == [PlanSummary(toChange: 1)], "one record carries the plan: \(ran.summary)")

        let usage = try await world.starfleet(base + ["--expect-index-digest", digest])
        #expect(usage.exitCode == 2, "--expect-index-digest without --account-index is a usage error: \(usage.summary)")
    }

    // MARK: - ACCOUNT (ProbeAccountShip)

    static func accountPayload(bucket: String, extra: String = "") -> String {
        """
        TemplateName: ProbeProd
        TemplateDescription: Accounts under any Prod OU.
        IncludeAccounts:
          ByOrgUnits: [Prod]
        MarkerBucket: \(bucket)
        \(extra)
        """
    }

    @Test("ACCOUNT run: dry run logs the assignment and writes nothing; --commit writes the marker")
    func accountRunDryThenCommit() async throws {
        let world = try await EndToEndWorld.shared.get()
        let bucket = try await world.makeBucket("e2e-account")
        let payload = try world.payload(Self.accountPayload(bucket: bucket))
        let account = try #require(world.members(underUnitNamed: "Prod").sorted().first)
        let key = "probe/ProbeAccountShip/\(account).json"

        let dry = try await world.probeFleet(["run", "ProbeAccountShip", "--config", world.configuration, "--payload", payload,
                                              "--account-id", account])
        #expect(dry.exitCode == 0, "\(dry.summary)")
        #expect(dry.stderrText.contains("[🆗] Template OK: Executing worker: ProbeAccountShip..."))
        #expect(dry.stderrText.contains("[🛰️] ProbeAccountShip assigned account \(account) (\(world.name(of: account) ?? "?"))"))
        #expect(dry.stderrText.contains("would write s3://\(bucket)/\(key)"))
        #expect(try await world.objectKeys(in: bucket).isEmpty, "a dry run writes nothing")

        let commit = try await world.probeFleet(["run", "ProbeAccountShip", "--config", world.configuration, "--payload", payload,
                                                 "--account-id", account, "--commit"])
        #expect(commit.exitCode == 0, "\(commit.summary)")
        #expect(try await world.objectKeys(in: bucket) == [key])
        let marker = try #require(try JSONSerialization.jsonObject(with: try await world.object(bucket, key)) as? [String: String])
        #expect(marker == ["ship": "ProbeAccountShip", "template_name": "ProbeProd", "starbase_assigned_account": account])
    }

    @Test("ACCOUNT run for an account the payload does not select: the exact refusal, exit 1, nothing written")
    func accountRefused() async throws {
        let world = try await EndToEndWorld.shared.get()
        let bucket = try await world.makeBucket("e2e-account-refused")
        let payload = try world.payload(Self.accountPayload(bucket: bucket))
        let outside = try #require(world.memberIds.subtracting(world.members(underUnitNamed: "Prod")).sorted().first)
        for account in [outside, "999999999999"] {
            let result = try await world.probeFleet(["run", "ProbeAccountShip", "--config", world.configuration, "--payload", payload,
                                                     "--account-id", account, "--commit"])
            #expect(result.exitCode == 1, "\(result.summary)")
            #expect(result.stderrLines.contains(Self.accountRefusal), "\(result.summary)")
            #expect(!result.stderrText.contains("Executing worker"))
        }
        #expect(try await world.objectKeys(in: bucket).isEmpty)
    }

    @Test("org root: the management account is refused unless OperateInOrgRoot: true")
    func orgRootRun() async throws {
        let world = try await EndToEndWorld.shared.get()
        let bucket = try await world.makeBucket("e2e-org-root")
        let everyone = """
        TemplateName: Everyone
        TemplateDescription: All accounts.
        IncludeAccounts:
          AllAccounts: true
        MarkerBucket: \(bucket)
        """
        let refused = try await world.probeFleet(["run", "ProbeAccountShip", "--config", world.configuration,
                                                  "--payload", try world.payload(everyone),
                                                  "--account-id", world.managementAccount, "--commit"])
        #expect(refused.exitCode == 1, "\(refused.summary)")
        #expect(refused.stderrLines.contains(Self.accountRefusal))

        let allowed = try await world.probeFleet(["run", "ProbeAccountShip", "--config", world.configuration,
                                                  "--payload", try world.payload(everyone + "\nOperateInOrgRoot: true"),
                                                  "--account-id", world.managementAccount, "--commit"])
        #expect(allowed.exitCode == 0, "\(allowed.summary)")
        #expect(try await world.objectKeys(in: bucket) == ["probe/ProbeAccountShip/\(world.managementAccount).json"])
    }

    // MARK: - ACCOUNT_REGION (ProbeAccountRegionShip)

    static func regionPayload(bucket: String) -> String {
        """
        TemplateName: ProbePaymentsRegions
        TemplateDescription: The payments team in two enabled regions and one that is not enabled.
        IncludeAccounts:
          ByTags:
            - Name: Team
              Value: payments
        IncludeRegions: [us-east-1, eu-west-1, ap-east-1]
        MarkerBucket: \(bucket)
        """
    }

    @Test("ACCOUNT_REGION run: refusals for a region or account outside the payload, marker only with --commit")
    func accountRegionRun() async throws {
        let world = try await EndToEndWorld.shared.get()
        let bucket = try await world.makeBucket("e2e-region")
        let payload = try world.payload(Self.regionPayload(bucket: bucket))
        let account = try #require(world.members(taggedWith: "Team", "payments").sorted().first)
        let outside = try #require(world.memberIds.subtracting(world.members(taggedWith: "Team", "payments")).sorted().first)

        // Not requested, requested but not enabled for the account, and an unselected account.
        for (candidate, region) in [(account, "us-west-2"), (account, "ap-east-1"), (outside, "us-east-1")] {
            let refused = try await world.probeFleet(["run", "ProbeAccountRegionShip", "--config", world.configuration,
                                                      "--payload", payload, "--account-id", candidate, "--region", region, "--commit"])
            #expect(refused.exitCode == 1, "\(candidate)/\(region): \(refused.summary)")
            #expect(refused.stderrLines.contains(Self.regionRefusal), "\(candidate)/\(region): \(refused.summary)")
        }

        let dry = try await world.probeFleet(["run", "ProbeAccountRegionShip", "--config", world.configuration, "--payload", payload,
                                              "--account-id", account, "--region", "eu-west-1"])
        #expect(dry.exitCode == 0, "\(dry.summary)")
        #expect(dry.stderrText.contains("[🛰️] ProbeAccountRegionShip assigned account \(account) (\(world.name(of: account) ?? "?")), region eu-west-1"))
        #expect(try await world.objectKeys(in: bucket).isEmpty)

        let commit = try await world.probeFleet(["run", "ProbeAccountRegionShip", "--config", world.configuration, "--payload", payload,
                                                 "--account-id", account, "--region", "eu-west-1", "--commit"])
        #expect(commit.exitCode == 0, "\(commit.summary)")
        let key = "probe/ProbeAccountRegionShip/\(account)/eu-west-1.json"
        #expect(try await world.objectKeys(in: bucket) == [key])
        let marker = try #require(try JSONSerialization.jsonObject(with: try await world.object(bucket, key)) as? [String: String])
        #expect(marker["starbase_assigned_account"] == account)
        #expect(marker["starbase_assigned_region"] == "eu-west-1")
    }

    @Test("ScopeToRegions: a region outside the scope is refused even when the payload asks for ALL")
    func scopeToRegionsRun() async throws {
        let world = try await EndToEndWorld.shared.get()
        let bucket = try await world.makeBucket("e2e-scoped")
        let payload = try world.payload("""
        TemplateName: Everywhere
        TemplateDescription: All accounts, all regions.
        IncludeAccounts:
          AllAccounts: true
        IncludeRegions: [ALL]
        MarkerBucket: \(bucket)
        """)
        let account = world.seed.accounts[5].id
        let unscoped = try await world.probeFleet(["run", "ProbeAccountRegionShip", "--config", world.configuration,
                                                   "--payload", payload, "--account-id", account, "--region", "us-west-2"])
        #expect(unscoped.exitCode == 0, "\(unscoped.summary)")
        let outside = try await world.probeFleet(["run", "ProbeAccountRegionShip", "--config", world.scopedConfiguration,
                                                  "--payload", payload, "--account-id", account, "--region", "us-west-2"])
        #expect(outside.exitCode == 1, "\(outside.summary)")
        #expect(outside.stderrLines.contains(Self.regionRefusal))
        let inside = try await world.probeFleet(["run", "ProbeAccountRegionShip", "--config", world.scopedConfiguration,
                                                 "--payload", payload, "--account-id", account, "--region", "eu-west-1"])
        #expect(inside.exitCode == 0, "\(inside.summary)")
    }

    // MARK: - Usage errors, invalid input, log format, signals

    @Test("missing --account-id (ACCOUNT) or --region (ACCOUNT_REGION): exit 2, naming the option")
    func missingOptions() async throws {
        let world = try await EndToEndWorld.shared.get()
        let account = try world.payload(Self.accountPayload(bucket: "unused-bucket"))
        let noAccount = try await world.probeFleet(["run", "ProbeAccountShip", "--config", world.configuration, "--payload", account])
        #expect(noAccount.exitCode == 2, "\(noAccount.summary)")
        #expect(noAccount.stderrText.contains("Error: Missing option '--account-id'"))

        let region = try world.payload(Self.regionPayload(bucket: "unused-bucket"))
        let noRegion = try await world.probeFleet(["run", "ProbeAccountRegionShip", "--config", world.configuration, "--payload", region,
                                                   "--account-id", world.seed.accounts[1].id])
        #expect(noRegion.exitCode == 2, "\(noRegion.summary)")
        #expect(noRegion.stderrText.contains("Error: Missing option '--region'"))
    }

    @Test("an invalid payload: exit 1 with every problem at its file:line")
    func invalidPayload() async throws {
        let world = try await EndToEndWorld.shared.get()
        let payload = try world.payload("""
        TemplateName: Broken
        TemplateDescription: Three problems.
        IncludeAccounts:
          ByIds: [123456789012]
        IncludeRegions: [ALL, us-east-1]
        MarkerBucket: b
        """)
        let result = try await world.probeFleet(["run", "ProbeAccountRegionShip", "--config", world.configuration, "--payload", payload,
                                                 "--account-id", world.seed.accounts[1].id, "--region", "us-east-1"])
        #expect(result.exitCode == 1, "\(result.summary)")
        #expect(result.stderrText.contains("[💥] The payload does not validate:"))
        #expect(result.stderrText.contains("\(payload):4: IncludeAccounts.ByIds.0: Not a valid string."), "\(result.summary)")
        #expect(result.stderrText.contains("\(payload):6: MarkerBucket: Length must be between 3 and 63."), "\(result.summary)")
        #expect(!result.stderrText.contains("Executing worker"))
    }

    @Test("--log-format jsonl: every stderr line is a JSON object with time, level, message, ship and mode")
    func jsonLines() async throws {
        let world = try await EndToEndWorld.shared.get()
        let bucket = try await world.makeBucket("e2e-jsonl")
        let account = try #require(world.members(taggedWith: "Team", "payments").sorted().first)
        let result = try await world.probeFleet(["run", "ProbeAccountRegionShip", "--config", world.configuration,
                                                 "--payload", try world.payload(Self.regionPayload(bucket: bucket)),
                                                 "--account-id", account, "--region", "us-east-1", "--commit", "--log-format", "jsonl"])
        #expect(result.exitCode == 0, "\(result.summary)")
        #expect(result.stderrLines.count >= 5)
        var messages: [String] = []
        for line in result.stderrLines {
            let object = try #require(try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any], "not JSON: \(line)")
            let time = try #require(object["time"] as? String, "\(line)")
            #expect(time.wholeMatch(of: /\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z/) != nil, "time: \(time)")
            #expect(["trace", "debug", "info", "notice", "warning", "error", "critical"].contains(object["level"] as? String ?? ""))
            #expect(object["ship"] as? String == "ProbeAccountRegionShip")
            #expect(object["mode"] as? String == "commit")
            messages.append(try #require(object["message"] as? String, "\(line)"))
        }
        #expect(messages.contains("[🆗] Template OK: Executing worker: ProbeAccountRegionShip..."))
        #expect(messages.contains("[✅] Done!"))
        #expect(messages.contains { $0.hasPrefix("[💾] Wrote the marker s3://\(bucket)/probe/ProbeAccountRegionShip/\(account)/us-east-1.json") })
    }

    @Test("SIGTERM during a run: exit 130, a log line saying it stopped, no marker")
    func sigtermStopsTheRun() async throws {
        let world = try await EndToEndWorld.shared.get()
        let bucket = try await world.makeBucket("e2e-sigterm")
        let account = try #require(world.members(underUnitNamed: "Prod").sorted().first)
        let payload = try world.payload(Self.accountPayload(bucket: bucket, extra: "DelaySeconds: 60"))
        let supervisor = RunSupervisor(
            executable: EndToEndWorld.probeBinary,
            arguments: ["run", "ProbeAccountShip", "--config", world.configuration, "--payload", payload, "--account-id", account,
                        "--commit", "--log-format", "jsonl"],
            environment: world.environment, logPath: world.directory.url.appendingPathComponent("sigterm-\(UUID().uuidString).log").path,
            gracePeriod: .seconds(20))
        let started = ContinuousClock.now
        var messages: [String] = []
        var finished: (status: Int32, signaled: Bool)?
        for await event in supervisor.start() {
            switch event {
            case .line(let record):
                messages.append(record.message)
                // Signal once the ship is inside its (cancellable) wait.
                if record.message.hasPrefix("[⏳] Waiting 60 s") { supervisor.cancel() }
            case .finished(let status, let signaled):
                finished = (status, signaled)
            case .failedToStart(let reason):
                Issue.record("the probe fleet did not start: \(reason)")
            }
        }
        let outcome = try #require(finished)
        #expect(outcome.status == 130, "\(messages)")
        #expect(!outcome.signaled, "the run exits by itself, not by the signal")
        #expect(ContinuousClock.now - started < .seconds(50), "stopped at the signal, not after the 60 s delay")
        #expect(messages.contains("[🛑] Received SIGTERM: stopping the run; work already done stays done."), "\(messages)")
        #expect(messages.contains { $0.hasPrefix("[🛑] Run interrupted") }, "\(messages)")
        #expect(!messages.contains("[✅] Done!"))
        #expect(try await world.objectKeys(in: bucket).isEmpty)
    }

    @Test("run with the index section pointing at a missing S3 object: clear error, exit 2")
    func missingIndexObject() async throws {
        let world = try await EndToEndWorld.shared.get()
        let payload = try world.payload(Self.accountPayload(bucket: "unused-bucket"))
        let result = try await world.probeFleet(["run", "ProbeAccountShip", "--config", world.missingIndexConfiguration,
                                                 "--payload", payload, "--account-id", world.seed.accounts[1].id])
        #expect(result.exitCode == 2, "\(result.summary)")
        #expect(result.stderrText.contains("the account index could not be loaded: s3://\(EndToEndWorld.indexBucket)/e2e/no-such-index.json"))
        #expect(result.stderrText.contains("NoSuchKey: The specified key does not exist."))
        #expect(!result.stderrText.contains("Executing worker"))
    }
}
