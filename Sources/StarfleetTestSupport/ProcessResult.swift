import Foundation

/// What a finished child process left behind.
public struct ProcessResult: Sendable, Equatable {
    public var exitCode: Int32
    public var stdout: Data
    public var stderr: Data
    /// Whether the process was stopped because it ran past its timeout.
    public var timedOut: Bool
    /// Wall-clock seconds from start to exit.
    public var duration: TimeInterval

    public var stdoutText: String { String(decoding: stdout, as: UTF8.self) }
    public var stderrText: String { String(decoding: stderr, as: UTF8.self) }

    /// A one-paragraph summary for test failure messages.
    public var summary: String {
        "exit \(exitCode)\(timedOut ? " (timed out)" : "") after \(String(format: "%.2f", duration)) s\n"
            + "--- stdout ---\n\(stdoutText)\n--- stderr ---\n\(stderrText)"
    }
}
