import Foundation
import Synchronization

/// Writes command output: results on stdout, diagnostics on stderr — or into a capture,
/// so tests can run commands in-process.
enum Output {
    @TaskLocal static var capture: OutputCapture?

    static func out(_ text: String) {
        let line = text.hasSuffix("\n") ? text : text + "\n"
        if let capture { capture.append(stdout: line) } else { FileHandle.standardOutput.write(Data(line.utf8)) }
    }

    static func err(_ text: String) {
        let line = text.hasSuffix("\n") ? text : text + "\n"
        if let capture { capture.append(stderr: line) } else { FileHandle.standardError.write(Data(line.utf8)) }
    }
}

/// Collected output of an in-process command run.
final class OutputCapture: Sendable {
    private let buffers = Mutex<(stdout: String, stderr: String)>(("", ""))

    func append(stdout text: String) { buffers.withLock { $0.stdout += text } }
    func append(stderr text: String) { buffers.withLock { $0.stderr += text } }
    var stdout: String { buffers.withLock { $0.stdout } }
    var stderr: String { buffers.withLock { $0.stderr } }
}
