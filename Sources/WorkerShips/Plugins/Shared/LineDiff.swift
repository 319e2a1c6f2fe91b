/// A line diff of two texts (longest common subsequence), rendered either in full, like
/// Python's `difflib.ndiff` without hint lines, or compactly (changed lines with a little context).
public enum LineDiff {
    public enum Line: Sendable, Equatable {
        case same(String)
        case removed(String)
        case added(String)

        var rendered: String {
            switch self {
            case .same(let text): return "  " + text
            case .removed(let text): return "- " + text
            case .added(let text): return "+ " + text
            }
        }

        var isChange: Bool {
            if case .same = self { return false }
            return true
        }
    }

    public static func diff(_ before: [String], _ after: [String]) -> [Line] {
        let n = before.count, m = after.count
        // lengths[i][j]: LCS length of before[i...] and after[j...].
        var lengths = Array(repeating: Array(repeating: 0, count: m + 1), count: n + 1)
        if n > 0 && m > 0 {
            for i in stride(from: n - 1, through: 0, by: -1) {
                for j in stride(from: m - 1, through: 0, by: -1) {
                    lengths[i][j] = before[i] == after[j] ? lengths[i + 1][j + 1] + 1 : max(lengths[i + 1][j], lengths[i][j + 1])
                }
            }
        }
        var result: [Line] = []
        var i = 0, j = 0
        while i < n && j < m {
            if before[i] == after[j] {
                result.append(.same(before[i])); i += 1; j += 1
            } else if lengths[i + 1][j] >= lengths[i][j + 1] {
                result.append(.removed(before[i])); i += 1
            } else {
                result.append(.added(after[j])); j += 1
            }
        }
        while i < n { result.append(.removed(before[i])); i += 1 }
        while j < m { result.append(.added(after[j])); j += 1 }
        return result
    }

    /// Every line, prefixed `"  "`, `"- "` or `"+ "` (ndiff style).
    public static func full(_ before: String, _ after: String) -> String {
        diff(lines(before), lines(after)).map(\.rendered).joined(separator: "\n")
    }

    /// Only the changed lines and `context` unchanged lines around them; skipped runs show as `…`.
    public static func compact(_ before: String, _ after: String, context: Int = 1) -> [String] {
        let all = diff(lines(before), lines(after))
        var keep = Array(repeating: false, count: all.count)
        for (index, line) in all.enumerated() where line.isChange {
            for near in max(0, index - context)...min(all.count - 1, index + context) { keep[near] = true }
        }
        var output: [String] = []
        var skipped = false
        for (index, line) in all.enumerated() {
            if keep[index] {
                if skipped && !output.isEmpty { output.append("  …") }
                skipped = false
                output.append(line.rendered)
            } else {
                skipped = true
            }
        }
        return output
    }

    static func lines(_ text: String) -> [String] {
        text.isEmpty ? [] : text.components(separatedBy: "\n")
    }
}
