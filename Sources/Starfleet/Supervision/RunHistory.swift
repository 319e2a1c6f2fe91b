import Foundation

/// One run as recorded in the history file. A run appends a record without `end` and
/// `exit_status` when it starts and a complete one, with the same id, when it ends; the
/// latest record of an id is the run's state.
public struct RunHistoryRecord: Sendable, Hashable, Codable {
    public let id: String
    public let ship: String
    public let payloadPath: String
    public let payloadSHA256: String
    /// Old files hold the same `dry-run`/`commit` strings, so they still decode.
    public let mode: RunMode
    public let accountId: String?
    public let region: String?
    public let start: String
    /// nil while the run is in progress.
    public let end: String?
    /// nil while the run is in progress.
    public let exitStatus: Int32?
    public let logPath: String

    public init(id: String, ship: String, payloadPath: String, payloadSHA256: String, mode: RunMode, accountId: String?,
                region: String?, start: String, end: String?, exitStatus: Int32?, logPath: String) {
        self.id = id
        self.ship = ship
        self.payloadPath = payloadPath
        self.payloadSHA256 = payloadSHA256
        self.mode = mode
        self.accountId = accountId
        self.region = region
        self.start = start
        self.end = end
        self.exitStatus = exitStatus
        self.logPath = logPath
    }

    /// Whether this is the record of a run that has not ended (yet).
    public var isRunning: Bool { exitStatus == nil }

    /// The same run, ended.
    public func finished(end: String, exitStatus: Int32) -> RunHistoryRecord {
        RunHistoryRecord(id: id, ship: ship, payloadPath: payloadPath, payloadSHA256: payloadSHA256, mode: mode,
                         accountId: accountId, region: region, start: start, end: end, exitStatus: exitStatus, logPath: logPath)
    }

    enum CodingKeys: String, CodingKey {
        case id, ship, mode, region, start, end
        case payloadPath = "payload_path", payloadSHA256 = "payload_sha256", accountId = "account_id"
        case exitStatus = "exit_status", logPath = "log_path"
    }
}

/// The run history: JSON lines in `$XDG_STATE_HOME/starfleet/history.jsonl` (default
/// `~/.local/state/starfleet/`), each run's full log in `runs/<id>.log` beside it.
public struct RunHistory: Sendable {
    public let directory: String

    public init(directory: String) {
        self.directory = directory
    }

    public init(environment: [String: String]) {
        let base = environment["XDG_STATE_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? ((environment["HOME"] ?? NSHomeDirectory()) + "/.local/state")
        self.init(directory: base + "/starfleet")
    }

    public var historyFile: String { directory + "/history.jsonl" }
    public var runsDirectory: String { directory + "/runs" }

    public func logPath(for id: String) -> String { runsDirectory + "/\(id).log" }

    public func prepare() throws {
        try FileManager.default.createDirectory(atPath: runsDirectory, withIntermediateDirectories: true)
    }

    /// Appends one line: a single `write` on an `O_APPEND` descriptor, so runs that end at the
    /// same time in different processes never interleave their records.
    public func append(_ record: RunHistoryRecord) throws {
        try prepare()
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var line = try encoder.encode(record)
        line.append(0x0A)
        let file = try AppendOnlyFile(path: historyFile)
        guard file.append(line) else { throw AppendOnlyFile.Failure.writeFailed(path: historyFile) }
    }

    /// Each run's latest record, newest run first (by when its first record was written).
    /// Unparseable lines are skipped.
    public func records() -> [RunHistoryRecord] {
        guard let data = FileManager.default.contents(atPath: historyFile) else { return [] }
        let decoder = JSONDecoder()
        var latest: [String: (order: Int, record: RunHistoryRecord)] = [:]
        var order = 0
        for line in data.split(separator: 0x0A) {
            guard let record = try? decoder.decode(RunHistoryRecord.self, from: Data(line)) else { continue }
            latest[record.id] = (latest[record.id]?.order ?? order, record)
            order += 1
        }
        return latest.values.sorted { $0.order > $1.order }.map(\.record)
    }

    /// The latest record of one run: the last line naming the id, found by its bytes (records are
    /// written with sorted keys, `"id":"…"`) so that only candidate lines are decoded — a console
    /// asks once per finished run, and the file only grows.
    public func record(id: String) -> RunHistoryRecord? {
        guard let data = FileManager.default.contents(atPath: historyFile) else { return nil }
        let needle = Data("\"id\":\"\(id)\"".utf8)
        let decoder = JSONDecoder()
        var end = data.endIndex
        while let found = data.range(of: needle, options: .backwards, in: data.startIndex..<end) {
            let lineStart = data[..<found.lowerBound].lastIndex(of: 0x0A).map { $0 + 1 } ?? data.startIndex
            let lineEnd = data[found.upperBound...].firstIndex(of: 0x0A) ?? data.endIndex
            if let record = try? decoder.decode(RunHistoryRecord.self, from: data[lineStart..<lineEnd]), record.id == id {
                return record
            }
            end = lineStart
        }
        return nil
    }
}
