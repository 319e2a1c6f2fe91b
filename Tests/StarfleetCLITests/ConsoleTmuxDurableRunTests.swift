import Foundation
#if canImport(Glibc)
import Glibc
#endif
import Starfleet
import StarfleetAWS
import StarfleetTestSupport
import Testing

/// Point 7 of the fleet-runs issue: the console dying (SIGTERM) in the middle of a fleet commit
/// loses nothing. The children have sessions of their own and keep their own logs and history
/// records; the next console shows every run's true outcome.
extension ConsoleTmuxTests {
    @Test("SIGTERM to the console mid-commit: running commits finish, every log is complete, the next console shows each outcome")
    func consoleDiesDuringFleetCommit() async throws {
        let fixture = try await ConsoleTmuxWorld.shared.get()
        let suffix = UUID().uuidString.prefix(6).lowercased()
        let directory = try probeConfiguration(fixture, name: "durable")
        let bucket = "console-durable-\(suffix)"
        try await fixture.session.s3().createBucket(bucket: bucket)
        let payloads = fixture.directory.path + "/payloads-durable-\(suffix)"
        try fixture.directory.write("""
            TemplateName: ProbeSlowly
            TemplateDescription: Every account, each run taking a few seconds.
            IncludeAccounts:
              AllAccounts: true
            MarkerBucket: \(bucket)
            DelaySeconds: 4
            """, to: "payloads-durable-\(suffix)/ProbeAccountShip/slow.yaml")
        let launch = try ConsoleLaunch(fixture: fixture, binary: ConsoleTmuxWorld.probeFleet,
                                       arguments: ["--config", directory, "--payloads", payloads, "--fleet-concurrency", "8"])
        let console = try await TmuxConsole(width: 120, height: 40, script: launch.script)
        defer { console.kill() }
        try await console.wait(for: "ProbeAccountShip")
        try await select("ProbeAccountShip", in: console)
        try await open("slow.yaml", in: console)
        let count = fixture.seed.accounts.count
        try await markEveryTarget(count, in: console)
        try await console.keys("d")
        try await console.wait(for: "Fleet dry run · \(count)/\(count) done", timeout: 120)
        try await console.keys("C")
        try await console.wait(for: "Commit ProbeAccountShip to \(count) targets?")
        try await console.type("ProbeAccountShip \(count)")
        try await console.keys("Tab", "Enter")
        // Commits go one at a time: two done, the third inside its 4 s wait, the rest queued. Now the console dies.
        try await console.wait("two commits done and a third running", timeout: 90) {
            $0.contains("Fleet commit · 2/\(count) done · 1 running")
        }
        let shell = try #require(console.panePID)
        let children = try await ProcessRunner.run("pgrep", ["-P", String(shell)], timeout: 10)
        let consolePID = try #require(children.stdoutText.split(separator: "\n").compactMap { Int32($0) }.first)
        #expect(kill(consolePID, SIGTERM) == 0)
        try await console.wait(for: "CONSOLE-EXITED 130", timeout: 15)

        // The commits the console had started finish on their own and complete their records.
        let history = RunHistory(directory: launch.home + "/state/starfleet")
        var commits: [RunHistoryRecord] = []
        let deadline = Date().addingTimeInterval(60)
        repeat {
            try await Task.sleep(for: .milliseconds(200))
            commits = history.records().filter { $0.mode == .commit }
        } while (commits.isEmpty || commits.contains(where: \.isRunning)) && Date() < deadline
        #expect(commits.count >= 3 && commits.count < count, "started before the SIGTERM; the queued never start: \(commits.count)")
        #expect(commits.allSatisfy { $0.exitStatus == 0 }, "\(commits)")
        // What the history says is what happened: one marker per recorded commit, no other.
        let markers = try await fixture.session.s3().listObjectsV2(bucket: bucket, prefix: "probe/").map(\.key)
        #expect(Set(markers) == Set(commits.compactMap { $0.accountId.map { "probe/ProbeAccountShip/\($0).json" } }))
        for record in history.records() {
            let lines = try String(contentsOfFile: record.logPath, encoding: .utf8).split(separator: "\n")
            let last = try #require(lines.last.flatMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] },
                                    "\(record.logPath) ends with a JSON record")
            #expect(last["message"] as? String == "[✅] Done!", "\(record.logPath) is complete: \(lines.suffix(2))")
        }
        #expect(history.records().count == count + commits.count, "one record per run: \(count) dry runs, the commits")

        // A new console shows every commit with its real exit status; none is left "running".
        let restarted = try await TmuxConsole(width: 120, height: 40, script: launch.script)
        defer { restarted.kill() }
        try await restarted.wait(for: "ProbeAccountShip")
        try await restarted.keys("h")
        try await restarted.wait(for: "Run history · \(count + commits.count) runs")
        try await restarted.keys("/")
        try await restarted.type("commit")
        try await restarted.keys("Enter")
        let screen = try await restarted.wait(for: "filter “commit”")
        let rows = screen.split(separator: "\n").filter { $0.contains("ProbeAccountShip") && $0.contains("commit") }
        #expect(rows.count == commits.count, "\(screen)")
        #expect(rows.allSatisfy { $0.contains(" 0 ") && !$0.contains("running") }, "\(screen)")
        try await restarted.quitAndExpectRestoredTerminal()
    }
}
