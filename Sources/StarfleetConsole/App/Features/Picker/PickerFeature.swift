import Foundation
import StarfleetTUI

/// Choosing a payload: a local directory or the ship's S3 prefix, validated in the background.
enum PickerFeature: ConsoleFeature {
    static func reduce(_ action: Action, _ state: inout AppState) -> [Effect] {
        switch action {
        case .pickerListed(let generation, let directory, let result):
            return listed(&state, generation: generation, directory: directory, result: result)
        case .pickerValidated(let generation, let results):
            guard var picker = state.picker, picker.generation == generation else { return [] }
            for (index, validity) in results where index < picker.entries.count {
                picker.entries[index].validity = validity
            }
            picker.validatedCount += results.count
            state.picker = picker
            return []
        default:
            return []
        }
    }

    static func perform(_ command: ConsoleCommand, _ state: inout AppState) -> [Effect] {
        switch command {
        case .openEntry: return open(&state)
        case .toggleSource: return toggleSource(&state)
        case .parentDirectory:
            guard let picker = state.picker, picker.source == .local else { return [] }
            return listDirectory(&state, (picker.directory as NSString).deletingLastPathComponent, preferShip: false)
        case .refreshListing: return refresh(&state)
        case .move(let motion):
            guard var picker = state.picker else { return [] }
            picker.list.move(motion, count: picker.visibleIndices.count, visible: ConsoleLayout(state).pickerVisibleRows)
            state.picker = picker
            return []
        default: return []
        }
    }

    static func disabledReason(for command: ConsoleCommand, in state: AppState) -> String? {
        if command == .toggleSource, state.picker?.source == .local, state.fleet.snapshot?.templateBucket == nil {
            return "STARFLEET.TemplateBucket is not set."
        }
        return nil
    }

    static func filter(in state: AppState) -> String? { state.picker?.list.filter ?? "" }

    static func setFilter(_ text: String, _ state: inout AppState) { state.picker?.list.setFilter(text) }

    /// Starts a listing of `directory` (its `<ship>/` subdirectory when `preferShip` and it exists).
    static func listDirectory(_ state: inout AppState, _ directory: String, preferShip: Bool) -> [Effect] {
        guard var picker = state.picker else { return [] }
        picker.generation = state.nextID()
        picker.source = .local
        picker.directory = directory
        picker.startListing()
        state.picker = picker
        return [.listLocal(generation: picker.generation, directory: directory,
                           preferSubdirectory: preferShip ? picker.ship : nil)]
    }

    static func refresh(_ state: inout AppState) -> [Effect] {
        guard let picker = state.picker else { return [] }
        if picker.source == .s3 {
            state.picker?.source = .local
            return toggleSource(&state)
        }
        return listDirectory(&state, picker.directory, preferShip: false)
    }

    static func toggleSource(_ state: inout AppState) -> [Effect] {
        guard var picker = state.picker else { return [] }
        if picker.source == .s3 { return listDirectory(&state, picker.directory, preferShip: false) }
        guard let snapshot = state.fleet.snapshot, let bucket = snapshot.templateBucket else {
            state.showFlash("STARFLEET.TemplateBucket is not set.", .warning)
            return []
        }
        guard let prefix = state.shipRow(named: picker.ship)?.templatePrefix else {
            state.showFlash("\(picker.ship) has no TemplatePrefix (its configuration is missing or invalid).", .warning)
            return []
        }
        picker.generation = state.nextID()
        picker.source = .s3
        picker.s3Location = "s3://\(bucket)/\(prefix)"
        picker.startListing()
        state.picker = picker
        return [.listS3(generation: picker.generation, bucket: bucket, prefix: prefix,
                        region: snapshot.deploymentRegion ?? "us-east-1")]
    }

    static func listed(_ state: inout AppState, generation: Int, directory: String,
                       result: Result<[PickerEntry], ConsoleFailure>) -> [Effect] {
        guard var picker = state.picker, picker.generation == generation else { return [] }
        picker.isLoading = false
        var effects: [Effect] = []
        switch result {
        case .success(let entries):
            picker.entries = entries
            if picker.source == .local {
                picker.directory = directory
                // A ship's own subdirectory is not where the next ship's picker starts: its parent is.
                let root = (directory as NSString).lastPathComponent == picker.ship
                    ? (directory as NSString).deletingLastPathComponent : directory
                state.payloadDirectory = root
                effects.append(.rememberPayloadDirectory(root))
            }
            var files: [Int: PayloadOrigin] = [:]
            for (index, entry) in entries.enumerated() where entry.kind == .file {
                if let origin = entry.origin { files[index] = origin }
            }
            if !files.isEmpty {
                effects.insert(.validateEntries(generation: generation, ship: picker.ship, entries: files), at: 0)
            }
        case .failure(let failure):
            picker.error = failure.message
            if picker.source == .local { picker.directory = directory }
        }
        state.picker = picker
        return effects
    }

    static func open(_ state: inout AppState) -> [Effect] {
        guard let picker = state.picker else { return [] }
        let visible = picker.visibleIndices
        guard let position = picker.list.index(in: visible.count) else { return [] }
        let entry = picker.entries[visible[position]]
        switch entry.kind {
        case .parent, .directory:
            return listDirectory(&state, entry.directory ?? picker.directory, preferShip: false)
        case .file:
            guard let origin = entry.origin else { return [] }
            return InspectorFeature.open(origin, ship: picker.ship, &state)
        }
    }
}
