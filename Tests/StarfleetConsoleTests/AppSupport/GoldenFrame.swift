import Foundation
import StarfleetTestSupport
import Testing
@testable import StarfleetConsole
@testable import StarfleetTUI

/// Whole-frame assertions: a rendered `MemorySurface` against the text kept in
/// `Tests/Fixtures/console/golden/<name>.txt`, so a layout change shows as a line diff.
/// `STARFLEET_RECORD_GOLDEN=1 swift test …` rewrites the files (and fails, so a recording run
/// is never mistaken for a passing one); review the diff before committing them.
enum GoldenFrame {
    static func url(_ name: String) -> URL { RepositoryPaths.fixture("console/golden/\(name).txt") }

    /// Every row of the frame, trailing spaces trimmed, one line each.
    static func text(of surface: MemorySurface) -> String {
        surface.lines().joined(separator: "\n") + "\n"
    }

    static func expect(_ surface: MemorySurface, matches name: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let actual = text(of: surface)
        let file = url(name)
        if ProcessInfo.processInfo.environment["STARFLEET_RECORD_GOLDEN"] == "1" {
            try? actual.write(to: file, atomically: true, encoding: .utf8)
            Issue.record("recorded \(file.path); run again without STARFLEET_RECORD_GOLDEN", sourceLocation: sourceLocation)
            return
        }
        guard let expected = try? String(contentsOf: file, encoding: .utf8) else {
            Issue.record("no golden frame at \(file.path) (record it with STARFLEET_RECORD_GOLDEN=1)", sourceLocation: sourceLocation)
            return
        }
        guard expected != actual else { return }
        let message = "frame differs from \(name).txt:\n" + diff(expected: expected, actual: actual)
        Issue.record(Comment(rawValue: message), sourceLocation: sourceLocation)
    }

    /// The rows that differ, numbered, expected (-) above actual (+).
    static func diff(expected: String, actual: String) -> String {
        let old = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let new = actual.split(separator: "\n", omittingEmptySubsequences: false)
        var lines: [String] = []
        for row in 0..<max(old.count, new.count) {
            let before = row < old.count ? String(old[row]) : "<none>"
            let after = row < new.count ? String(new[row]) : "<none>"
            guard before != after else { continue }
            lines.append(String(format: "%3d - ", row) + before)
            lines.append(String(format: "%3d + ", row) + after)
        }
        return lines.joined(separator: "\n")
    }
}
