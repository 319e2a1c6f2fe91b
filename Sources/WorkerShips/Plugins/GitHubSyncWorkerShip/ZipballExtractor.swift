import Foundation
import ZIPFoundation

/// Unpacks a repository zipball safely: every entry is checked before anything is written —
/// no symbolic links, no path that escapes the target (`..`, absolute, drive letters), no more
/// entries or bytes than the limits — and the bytes actually written are counted again, since a
/// zip's declared sizes can lie. GitHub's single top-level folder (`<org>-<repo>-<sha>/`) is
/// stripped, so paths are relative to the repository root. Only files the filter accepts are
/// written; each is hashed as it is written.
public struct ZipballExtractor: Sendable {
    public struct Limits: Sendable, Equatable {
        public static let defaultMaxEntries = 100_000
        public static let defaultMaxTotalBytes = 2 * 1024 * 1024 * 1024

        public var maxEntries: Int
        public var maxTotalBytes: Int

        public init(maxEntries: Int = defaultMaxEntries, maxTotalBytes: Int = defaultMaxTotalBytes) {
            self.maxEntries = maxEntries
            self.maxTotalBytes = maxTotalBytes
        }
    }

    public var limits: Limits

    public init(limits: Limits = Limits()) {
        self.limits = limits
    }

    public func extract(_ archiveURL: URL, into directory: URL,
                        including: (String) -> Bool) throws(GitHubSyncError) -> [RepositoryFile] {
        let archive: Archive
        do {
            archive = try Archive(url: archiveURL, accessMode: .read)
        } catch {
            throw .unreadableArchive(detail: "\(error)")
        }
        let entries = Array(archive)
        guard !entries.isEmpty else { throw .emptyArchive }
        guard entries.count <= limits.maxEntries else {
            throw .archiveLimit("it has \(entries.count) entries, more than the limit of \(limits.maxEntries)")
        }
        var declared: UInt64 = 0
        for entry in entries {
            try Self.checkSafe(entry)
            if entry.type == .file { declared += entry.uncompressedSize }
        }
        guard declared <= UInt64(limits.maxTotalBytes) else {
            throw .archiveLimit("its files hold \(declared) bytes, more than the limit of \(limits.maxTotalBytes)")
        }

        let strip = Self.commonTopFolder(entries.map(\.path))
        var written = 0
        var files: [RepositoryFile] = []
        for entry in entries where entry.type == .file {
            let path = Self.relativePath(entry.path, stripping: strip)
            guard !path.isEmpty, including(path) else { continue }
            let target = directory.appendingPathComponent(path)
            var accumulator = FileDigest.Accumulator()
            do {
                try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
                guard FileManager.default.createFile(atPath: target.path, contents: nil) else {
                    throw GitHubSyncError.localFile(path: target.path, detail: "cannot create the file")
                }
                let handle = try FileHandle(forWritingTo: target)
                defer { try? handle.close() }
                let limit = limits.maxTotalBytes
                _ = try archive.extract(entry, skipCRC32: false) { chunk in
                    written += chunk.count
                    guard written <= limit else {
                        throw GitHubSyncError.archiveLimit("it expands past the limit of \(limit) bytes")
                    }
                    accumulator.update(chunk)
                    try handle.write(contentsOf: chunk)
                }
            } catch let error as GitHubSyncError {
                throw error
            } catch {
                throw .unreadableArchive(detail: "entry \"\(entry.path)\": \(error)")
            }
            files.append(RepositoryFile(path: path, url: target, digest: accumulator.finalize()))
        }
        return files.sorted { $0.path < $1.path }
    }

    static func checkSafe(_ entry: Entry) throws(GitHubSyncError) {
        let path = entry.path
        if entry.type == .symlink { throw .unsafeEntry(path: path, reason: "is a symbolic link") }
        if path.hasPrefix("/") || path.hasPrefix("\\") || path.dropFirst().hasPrefix(":") {
            throw .unsafeEntry(path: path, reason: "is an absolute path")
        }
        let components = path.split(whereSeparator: { $0 == "/" || $0 == "\\" })
        if components.contains("..") { throw .unsafeEntry(path: path, reason: "escapes the extraction directory (..)") }
    }

    /// The folder every entry is under (GitHub's `<org>-<repo>-<sha>`), or nil when there is none.
    static func commonTopFolder(_ paths: [String]) -> String? {
        guard let first = paths.first?.split(separator: "/").first else { return nil }
        let folder = String(first)
        let allUnder = paths.allSatisfy { $0 == folder + "/" || $0.hasPrefix(folder + "/") }
        return allUnder ? folder : nil
    }

    static func relativePath(_ path: String, stripping folder: String?) -> String {
        guard let folder else { return path }
        return String(path.dropFirst(folder.count + 1))
    }
}
