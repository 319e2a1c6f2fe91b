import Dispatch
import Foundation
import Starfleet
import StarfleetTestSupport
import Testing

/// The history file: a run writes a "running" record and later its final one with the same id;
/// readers see each run's latest record; many processes append to it at once.
@Suite("RunHistory: latest record per run, atomic appends")
struct RunHistoryTests {
    static func record(_ id: String, exitStatus: Int32?, payload: String = "p.yaml") -> RunHistoryRecord {
        RunHistoryRecord(id: id, ship: "ProbeAccountShip", payloadPath: payload, payloadSHA256: "ab", mode: .commit,
                         accountId: "000000000001", region: nil, start: "2026-12-05T06:00:00.000Z",
                         end: exitStatus == nil ? nil : "2026-12-05T06:01:00.000Z", exitStatus: exitStatus, logPath: "/l/\(id).log")
    }

    @Test("A run's final record replaces its running one; runs stay in the order they started, newest first")
    func latestRecordPerRun() throws {
        let directory = try TemporaryDirectory(prefix: "history")
        let history = RunHistory(directory: directory.path)
        try history.append(Self.record("a", exitStatus: nil))
        try history.append(Self.record("b", exitStatus: nil))
        try history.append(Self.record("a", exitStatus: 3))
        let records = history.records()
        #expect(records.map(\.id) == ["b", "a"])
        #expect(records.map(\.exitStatus) == [nil, 3])
        #expect(records[0].isRunning && !records[1].isRunning)
        #expect(history.record(id: "a")?.end == "2026-12-05T06:01:00.000Z")
    }

    @Test("One run's latest record: an id that is a prefix of another's, or that appears inside another field, is not mistaken for it")
    func oneRunsLatestRecord() throws {
        let directory = try TemporaryDirectory(prefix: "history")
        let history = RunHistory(directory: directory.path)
        try history.append(Self.record("run-1", exitStatus: nil))
        try history.append(Self.record("run-1", exitStatus: 2))
        try history.append(Self.record("run-10", exitStatus: nil, payload: #"{"id":"run-1"}.yaml"#))
        #expect(history.record(id: "run-1")?.exitStatus == 2)
        #expect(history.record(id: "run-10")?.isRunning == true)
        #expect(history.record(id: "run-2") == nil)
        #expect(RunHistory(directory: directory.path + "/missing").record(id: "run-1") == nil)
    }

    @Test("A running record has no end and no exit_status; records of older files (always complete) still decode")
    func formatStaysCompatible() throws {
        let directory = try TemporaryDirectory(prefix: "history")
        let history = RunHistory(directory: directory.path)
        try history.prepare()
        let old = #"{"account_id":"000000000002","end":"2026-11-01T10:00:05.000Z","exit_status":0,"id":"old","log_path":"/l/old.log","mode":"dry-run","payload_path":"x.yaml","payload_sha256":"cd","region":null,"ship":"S","start":"2026-11-01T10:00:00.000Z"}"#
        try (old + "\nnot json\n").write(toFile: history.historyFile, atomically: true, encoding: .utf8)
        try history.append(Self.record("new", exitStatus: nil))
        let lines = try String(contentsOfFile: history.historyFile, encoding: .utf8).split(separator: "\n")
        #expect(!lines[2].contains("exit_status") && !lines[2].contains("\"end\""), "\(lines[2])")
        let records = history.records()
        #expect(records.map(\.id) == ["new", "old"])
        #expect(records[1].exitStatus == 0 && records[1].mode == .dryRun && records[1].end == "2026-11-01T10:00:05.000Z")
    }

    @Test("Concurrent appends of long records from many writers: every line is whole, none lost")
    func concurrentAppends() throws {
        let directory = try TemporaryDirectory(prefix: "history")
        let history = RunHistory(directory: directory.path)
        // ~6 KB lines: buffered or seek-then-write appends would interleave or overwrite at this size.
        let longPayload = String(repeating: "payloads/deeply/nested/", count: 260) + "role.yaml"
        let writers = 8, perWriter = 60
        DispatchQueue.concurrentPerform(iterations: writers) { writer in
            for index in 0..<perWriter {
                let id = "w\(writer)-\(index)"
                try? history.append(Self.record(id, exitStatus: nil, payload: longPayload))
                try? history.append(Self.record(id, exitStatus: Int32(index % 4), payload: longPayload))
            }
        }
        let text = try String(contentsOfFile: history.historyFile, encoding: .utf8)
        let lines = text.split(separator: "\n")
        #expect(lines.count == writers * perWriter * 2)
        let decoder = JSONDecoder()
        #expect(lines.allSatisfy { (try? decoder.decode(RunHistoryRecord.self, from: Data($0.utf8))) != nil })
        let records = history.records()
        #expect(records.count == writers * perWriter)
        #expect(records.allSatisfy { !$0.isRunning }, "every run's latest record is its final one")
    }

    @Test("A recorder writes its final record once, however many paths end the run")
    func recorderEndsOnce() throws {
        let directory = try TemporaryDirectory(prefix: "history")
        let history = RunHistory(directory: directory.path)
        let recorder = RunRecorder(history: history, started: Self.record("r", exitStatus: nil))
        try recorder.recordStart()
        #expect(history.record(id: "r")?.isRunning == true)
        try recorder.recordEnd(exitStatus: 130)
        try recorder.recordEnd(exitStatus: 0)
        #expect(history.record(id: "r")?.exitStatus == 130)
        #expect(try String(contentsOfFile: history.historyFile, encoding: .utf8).split(separator: "\n").count == 2)
    }
}
