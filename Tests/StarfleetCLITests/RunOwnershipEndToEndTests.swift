import Foundation
#if canImport(Glibc)
import Glibc
#endif
import Starfleet
import StarfleetTestSupport
import Testing

/// `starfleet run --log-file --history-dir --run-id --detach`: the run keeps its own log and
/// history record, so nothing is lost when whoever reads its output (the console) goes away.
@Suite("run owns its log and history record")
struct RunOwnershipEndToEndTests {
    @Test("The reader closes the pipe at once and a SIGHUP arrives: the detached commit finishes, its log is complete, its record final")
    func logAndRecordWithoutAReader() async throws {
        let world = try await EndToEndWorld.shared.get()
        let bucket = try await world.makeBucket("e2e-owned")
        let account = try #require(world.members(underUnitNamed: "Prod").sorted().first)
        let payload = try world.payload(RunCommandEndToEndTests.accountPayload(bucket: bucket, extra: "DelaySeconds: 2"))
        let state = try TemporaryDirectory(prefix: "owned-run")
        let logFile = state.path + "/runs/r1.log"
        try FileManager.default.createDirectory(atPath: state.path + "/runs", withIntermediateDirectories: true)

        let child = Process()
        child.executableURL = URL(fileURLWithPath: EndToEndWorld.probeBinary)
        child.arguments = ["run", "ProbeAccountShip", "--config", world.configuration, "--payload", payload,
                           "--account-id", account, "--commit", "--log-format", "jsonl", "--log-file", logFile,
                           "--history-dir", state.path, "--run-id", "r1", "--payload-label", "s3://b/role.yaml", "--detach"]
        child.environment = world.environment
        child.standardInput = FileHandle.nullDevice
        let pipe = Pipe()
        child.standardOutput = pipe
        child.standardError = pipe
        try CleanSignalSpawner.run(child)
        // Nobody reads: every write to stderr from now on fails (EPIPE, or SIGPIPE if not ignored).
        try pipe.fileHandleForReading.close()
        try pipe.fileHandleForWriting.close()

        let history = RunHistory(directory: state.path)
        var running: RunHistoryRecord?
        for _ in 0..<100 where running == nil {
            running = history.record(id: "r1")
            if running == nil { try await Task.sleep(for: .milliseconds(50)) }
        }
        #expect(running?.isRunning == true, "a running record first: \(String(describing: running))")
        if child.isRunning {
            // --detach: a process group of its own, out of the caller's, so a terminal's SIGHUP/SIGINT never reaches it.
            #expect(getpgid(child.processIdentifier) == child.processIdentifier)
            #expect(getpgid(child.processIdentifier) != getpgid(0))
            // A hang-up (the console's terminal closing) does not stop it.
            #expect(kill(child.processIdentifier, SIGHUP) == 0)
        }
        let deadline = Date().addingTimeInterval(60)
        while child.isRunning && Date() < deadline { try await Task.sleep(for: .milliseconds(50)) }
        #expect(!child.isRunning)
        #expect(child.terminationReason == .exit && child.terminationStatus == 0,
                "not killed by SIGPIPE: \(child.terminationReason.rawValue) \(child.terminationStatus)")

        let lines = try String(contentsOfFile: logFile, encoding: .utf8).split(separator: "\n")
        let messages = try lines.map { line in
            let object = try #require(try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any], "\(line)")
            return object["message"] as? String ?? ""
        }
        #expect(messages.contains { $0.hasPrefix("[💾] Wrote the marker") }, "\(messages)")
        #expect(messages.last == "[✅] Done!", "the log ends with the run's final record: \(messages)")
        #expect(try await world.objectKeys(in: bucket) == ["probe/ProbeAccountShip/\(account).json"])

        let record = try #require(history.record(id: "r1"))
        #expect(record.exitStatus == 0 && record.end != nil && record.mode == .commit)
        #expect(record.accountId == account && record.logPath == logFile && record.payloadPath == "s3://b/role.yaml")
        #expect(record.payloadSHA256 == RunFingerprint.fileDigest(path: payload))
        #expect(try String(contentsOfFile: history.historyFile, encoding: .utf8).split(separator: "\n").count == 2)
    }

    @Test("A run refused before it starts still completes its record and its log says why")
    func refusedRunCompletesItsRecord() async throws {
        let world = try await EndToEndWorld.shared.get()
        let payload = try world.payload(RunCommandEndToEndTests.accountPayload(bucket: "unused-bucket"))
        let state = try TemporaryDirectory(prefix: "owned-run")
        let logFile = state.path + "/r2.log"
        let result = try await world.probeFleet(["run", "ProbeAccountShip", "--config", world.configuration,
                                                 "--payload", payload, "--account-id", "999999999999", "--commit",
                                                 "--log-file", logFile, "--history-dir", state.path, "--run-id", "r2"])
        #expect(result.exitCode == 1, "\(result.summary)")
        let log = try String(contentsOfFile: logFile, encoding: .utf8)
        #expect(log.contains(RunCommandEndToEndTests.accountRefusal), "\(log)")
        #expect(RunHistory(directory: state.path).record(id: "r2")?.exitStatus == 1)
    }
}
