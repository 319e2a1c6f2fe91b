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

    /// UTF-8 bytes plus a newline, written as they are (a large JSON document skips the copies
    /// a String would take).
    static func out(bytes: [UInt8]) {
        if let capture {
            capture.append(stdout: String(decoding: bytes, as: UTF8.self) + "\n")
            return
        }
        bytes.withUnsafeBytes(writeToStandardOutput)
        withUnsafeBytes(of: UInt8(0x0A)) { writeToStandardOutput($0) }
    }

    private static func writeToStandardOutput(_ buffer: UnsafeRawBufferPointer) {
        guard let base = buffer.baseAddress else { return }
        var offset = 0
        while offset < buffer.count {
            let written = write(STDOUT_FILENO, base + offset, buffer.count - offset)
            if written > 0 {
                offset += written
            } else if written < 0 && errno == EINTR {
                continue
            } else {
                return  // stdout is gone (a closed pipe): nothing more to write
            }
        }
    }

    static func err(_ text: String) {
        let line = text.hasSuffix("\n") ? text : text + "\n"
        // `try?`: stderr may be a pipe whose reader is gone (a console's detached child).
        if let capture { capture.append(stderr: line) } else { try? FileHandle.standardError.write(contentsOf: Data(line.utf8)) }
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
