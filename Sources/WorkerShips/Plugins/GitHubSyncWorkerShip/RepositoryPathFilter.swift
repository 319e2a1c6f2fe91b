import Foundation

/// `IncludeRepoPaths` / `ExcludeRepoPaths`: a path is synced when some include pattern is found
/// anywhere in it and no exclude pattern is (Python's `re.search`, not a full match).
/// Patterns are ICU regular expressions (`NSRegularExpression`), which agree with Python's `re`
/// on the usual syntax (anchors, classes, groups, quantifiers, `\.`).
public struct RepositoryPathFilter {
    let includePatterns: [NSRegularExpression]
    let excludePatterns: [NSRegularExpression]

    public init(include: [String], exclude: [String]) throws(GitHubSyncError) {
        includePatterns = try Self.compileAll(include, key: "IncludeRepoPaths")
        excludePatterns = try Self.compileAll(exclude, key: "ExcludeRepoPaths")
    }

    /// Whether the repository-relative path (`/`-separated, no leading slash) is synced.
    public func includes(_ path: String) -> Bool {
        !Self.searches(excludePatterns, path) && Self.searches(includePatterns, path)
    }

    static func searches(_ patterns: [NSRegularExpression], _ path: String) -> Bool {
        let range = NSRange(path.startIndex..<path.endIndex, in: path)
        return patterns.contains { $0.firstMatch(in: path, options: [], range: range) != nil }
    }

    /// The compiled pattern, or the engine's complaint.
    static func compile(_ pattern: String) throws -> NSRegularExpression {
        try NSRegularExpression(pattern: pattern, options: [])
    }

    static func compileAll(_ patterns: [String], key: String) throws(GitHubSyncError) -> [NSRegularExpression] {
        var compiled: [NSRegularExpression] = []
        for (index, pattern) in patterns.enumerated() {
            do {
                compiled.append(try compile(pattern))
            } catch {
                throw .invalidPattern(key: key, index: index, pattern: pattern)
            }
        }
        return compiled
    }
}
