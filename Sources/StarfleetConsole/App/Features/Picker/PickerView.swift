import StarfleetTUI

/// Payload picker: a local directory or the S3 template bucket, each entry marked valid or
/// invalid for the ship (validated in the background).
enum PickerView {
    static func render(_ state: AppState, layout: ConsoleLayout, on surface: inout MemorySurface) {
        let theme = state.theme
        guard let picker = state.picker else { return }
        var title = "Payloads for \(picker.ship)"
        if !picker.list.filter.isEmpty { title += " · filter “\(picker.list.filter)”" }
        ConsoleView.frame(title, in: layout.pickerFrame, on: &surface, theme: theme)

        let files = picker.fileCount
        var location = StyledLine()
        if picker.source == .local {
            location.append(Span("Local ", .badgeDryRun))
            location.append(Span(" " + picker.directory))
        } else {
            location.append(Span("S3 ", .badgeDryRun))
            location.append(Span(" " + picker.s3Location))
        }
        if !picker.isLoading && picker.error == nil {
            location.append(Span("  · \(files) payload\(files == 1 ? "" : "s")", .textMuted))
            if files > 0 && picker.validatedCount < files {
                location.append(Span(" · validating \(picker.validatedCount)/\(files)…", .notice))
            }
        }
        let area = layout.pickerLocation
        surface.put(location, row: area.row, column: area.column + 1, base: theme[.text], theme: theme, maxWidth: area.width - 2)

        let tableArea = layout.pickerTable
        if picker.isLoading {
            ConsoleView.message([StyledLine(picker.source == .local ? "Listing…" : "Listing the template bucket…",
                                            style: .theme(.textMuted))], in: tableArea, on: &surface, theme: theme)
            return
        }
        if let error = picker.error {
            ConsoleView.message([StyledLine("✗ " + error, style: .theme(.error)), StyledLine(),
                                 StyledLine(picker.source == .local ? "Backspace goes up; :payloads DIR opens another directory."
                                                                    : "Tab goes back to the local directory.",
                                            style: .theme(.textMuted))],
                                in: tableArea, on: &surface, theme: theme)
            return
        }
        let indices = picker.visibleIndices
        let columns = [
            TableColumn("", width: .fixed(2)),
            TableColumn("Name", width: .flex(weight: 3, min: 10)),
            TableColumn("For \(picker.ship)", width: .flex(weight: 1, min: 14)),
        ]
        ConsoleView.table(columns: columns, count: indices.count, list: picker.list,
                          in: tableArea, emptyMessage: "No YAML payloads here.", on: &surface, theme: theme) { row in
            let entry = picker.entries[indices[row]]
            switch entry.kind {
            case .parent:
                return TableRow([StyledLine("↰"), StyledLine(".."), StyledLine("parent directory", style: .theme(.textMuted))])
            case .directory:
                return TableRow([StyledLine("▸"), StyledLine(entry.name + "/", style: .theme(.yamlKey)),
                                 StyledLine("directory", style: .theme(.textMuted))])
            case .file:
                return TableRow([StyledLine(" "), StyledLine(entry.name), validity(entry.validity)])
            }
        }
    }

    static func validity(_ validity: EntryValidity) -> StyledLine {
        switch validity {
        case .pending: return StyledLine("…", style: .theme(.textMuted))
        case .valid: return StyledLine("✔ valid", style: .theme(.diffAdd))
        case .invalid(let count): return StyledLine("✗ invalid (\(count))", style: .theme(.error))
        case .unreadable: return StyledLine("✗ unreadable", style: .theme(.error))
        }
    }
}
