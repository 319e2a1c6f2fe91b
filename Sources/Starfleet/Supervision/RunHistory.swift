import Foundation

/// One finished (or failed to start) run, as recorded in the history file.
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
    public let end: String
    public let exitStatus: Int32
    public let logPath: String

    public init(id: String, ship: String, payloadPath: String, payloadSHA256: String, mode: RunMode, accountId: String?,
                region: String?, start: String, end: String, exitStatus: Int32, logPath: String) {
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

    public func append(_ record: RunHistoryRecord) throws {
        try prepare()
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var line = try encoder.encode(record)
        line.append(0x0A)
        if let handle = FileHandle(forWritingAtPath: historyFile) {
            defer { try? handle.close() }
            try handle.seekToEnd()
            try handle.write(contentsOf: line)
        } else {
            try line.write(to: URL(fileURLWithPath: historyFile))
        }
    }

    /// Records, newest first. Unparseable lines are skipped.
    public func records() -> [RunHistoryRecord] {
        guard let data = FileManager.default.contents(atPath: historyFile) else { return [] }
        let decoder = JSONDecoder()
        return data.split(separator: 0x0A).compactMap { try? decoder.decode(RunHistoryRecord.self, from: Data($0)) }.reversed()
    }
}
