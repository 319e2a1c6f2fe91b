import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A file opened `O_APPEND` that takes whole lines: each line is one `write(2)`, so lines from
/// concurrent processes appending to the same file never interleave or overwrite each other.
public final class AppendOnlyFile: Sendable {
    public let path: String
    private let descriptor: Int32

    public enum Failure: Error, Sendable, CustomStringConvertible {
        case cannotOpen(path: String, reason: String)
        case writeFailed(path: String)

        public var description: String {
            switch self {
            case .cannotOpen(let path, let reason): return "\(path): cannot open for appending (\(reason))"
            case .writeFailed(let path): return "\(path): the write failed (is the disk full?)"
            }
        }
    }

    public init(path: String) throws(Failure) {
        self.path = path
        let descriptor = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw .cannotOpen(path: path, reason: String(cString: strerror(errno)))
        }
        self.descriptor = descriptor
    }

    deinit {
        close(descriptor)
    }

    /// Appends `line` and a newline in one write. Returns false when the write failed.
    @discardableResult
    public func append(line: String) -> Bool {
        append(Data((line.hasSuffix("\n") ? line : line + "\n").utf8))
    }

    @discardableResult
    public func append(_ data: Data) -> Bool {
        data.withUnsafeBytes { buffer -> Bool in
            guard let base = buffer.baseAddress else { return true }
            while true {
                let written = write(descriptor, base, buffer.count)
                if written == buffer.count { return true }
                if written < 0 && errno == EINTR { continue }
                // A short write on a regular file means the disk is full: the line is lost either way.
                return false
            }
        }
    }
}
