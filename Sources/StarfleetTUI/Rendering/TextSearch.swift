/// Case-insensitive substring search that reports matches as column ranges,
/// for highlighting what is on screen.
public enum TextSearch {
    /// Whether `text` contains `query`, ignoring case.
    public static func contains(_ text: String, _ query: String) -> Bool {
        guard !query.isEmpty else { return false }
        return !matchColumns(in: text, query: query, limit: 1).isEmpty
    }

    /// Column ranges (display cells from the start of `text`) of every
    /// non-overlapping case-insensitive occurrence of `query`.
    public static func matchColumns(in text: String, query: String, limit: Int = .max) -> [Range<Int>] {
        guard !query.isEmpty else { return [] }
        let needle = query.map(fold)
        let haystack = Array(text)
        guard haystack.count >= needle.count else { return [] }
        let folded = haystack.map(fold)
        var columns: [Int] = []
        columns.reserveCapacity(haystack.count + 1)
        var column = 0
        for character in haystack {
            columns.append(column)
            column += DisplayWidth.of(character)
        }
        columns.append(column)

        var ranges: [Range<Int>] = []
        var start = 0
        while start + needle.count <= folded.count, ranges.count < limit {
            if folded[start] == needle[0], Array(folded[start..<(start + needle.count)]) == needle {
                ranges.append(columns[start]..<columns[start + needle.count])
                start += needle.count
            } else {
                start += 1
            }
        }
        return ranges
    }

    private static func fold(_ character: Character) -> String {
        String(character).lowercased()
    }
}
