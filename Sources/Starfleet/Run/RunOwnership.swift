/// What a `starfleet run` owns when a console starts it: its log file (every record it emits
/// is appended there, line by line), its history record (written at start and at the end), and
/// its own session (`--detach`), so that the console's death neither stops it nor loses its log.
public struct RunOwnership: Sendable, Hashable {
    /// `--log-file`: every log record is also appended to this file.
    public var logFile: String?
    /// `--history-dir`: the state directory whose `history.jsonl` gets the run's records.
    public var historyDirectory: String?
    /// `--run-id`: the id of the run's history records.
    public var runID: String?
    /// `--payload-label`: the payload as the history shows it (default: the `--payload` path).
    public var payloadLabel: String?
    /// `--detach`: a session of its own (no SIGHUP when the console's terminal goes away).
    public var detach: Bool

    public init(logFile: String? = nil, historyDirectory: String? = nil, runID: String? = nil,
                payloadLabel: String? = nil, detach: Bool = false) {
        self.logFile = logFile
        self.historyDirectory = historyDirectory
        self.runID = runID
        self.payloadLabel = payloadLabel
        self.detach = detach
    }

    public var arguments: [String] {
        var arguments: [String] = []
        if let logFile { arguments += ["--log-file", logFile] }
        if let historyDirectory { arguments += ["--history-dir", historyDirectory] }
        if let runID { arguments += ["--run-id", runID] }
        if let payloadLabel { arguments += ["--payload-label", payloadLabel] }
        if detach { arguments.append("--detach") }
        return arguments
    }
}
