import StarfleetSchema

/// Human output of `validate`: the source with line numbers, then the loaded payload or the
/// errors, each with its file:line.
enum PayloadReport {
    static func text(source: PayloadSource, schema: Schema, result: LoadResult) -> String {
        var lines: [String] = []
        lines.append("── \(source.path) (\(schema.name))")
        let sourceLines = source.text.split(separator: "\n", omittingEmptySubsequences: false)
        let width = String(sourceLines.count).count
        for (number, line) in sourceLines.enumerated() where !(number == sourceLines.count - 1 && line.isEmpty) {
            let label = String(number + 1)
            lines.append(String(repeating: " ", count: width - label.count) + label + " │ " + line)
        }
        if result.isValid {
            lines.append("── valid: loaded payload (snake_case)")
            lines.append(JSONWriter().string(.map(result.data)))
        } else {
            let entries = result.errors.entries()
            lines.append("── invalid: \(entries.count) problem(s)")
            for entry in entries {
                let location = entry.mark.map { "\(source.path):\($0.line)" } ?? source.path
                lines.append("\(location): \(entry.pathDescription): \(entry.message)")
            }
        }
        return lines.joined(separator: "\n")
    }
}
