/// Whether a run may change anything. Written as `dry-run`/`commit` in history files and
/// log records (the CLI's `--commit` flag chooses it).
public enum RunMode: String, Sendable, Hashable, Codable, CaseIterable {
    case dryRun = "dry-run"
    case commit

    public init(commit: Bool) { self = commit ? .commit : .dryRun }

    public var isCommit: Bool { self == .commit }

    /// How the console and messages name it: `dry run`, `commit`.
    public var label: String {
        switch self {
        case .dryRun: return "dry run"
        case .commit: return "commit"
        }
    }

    /// Also reads the spaced spelling, so history lines written by hand or by an early console parse.
    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        switch text {
        case "dry-run", "dry run", "dryRun": self = .dryRun
        case "commit": self = .commit
        default:
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath,
                                                    debugDescription: "unknown run mode \(text) (expected dry-run or commit)"))
        }
    }
}
