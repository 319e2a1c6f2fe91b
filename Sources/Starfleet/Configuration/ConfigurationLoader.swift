import Foundation
import OrderedCollections
import StarfleetSchema

/// Reads every `*.yaml` file of a directory (not recursively) in file-name order and merges
/// their top-level sections; a later file wins, with a warning naming both files. An empty
/// file counts as an empty mapping (the original crashed on it, Q8).
public struct ConfigurationLoader: Sendable {
    public var reader: YAMLReader
    public var regions: RegionCatalog

    public init(reader: YAMLReader = YAMLReader(), regions: RegionCatalog = .active) {
        self.reader = reader
        self.regions = regions
    }

    public func load(directory: String) throws(ConfigurationError) -> Configuration {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory) else {
            throw .directoryMissing(directory)
        }
        guard isDirectory.boolValue else { throw .notADirectory(directory) }
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory)
        } catch {
            throw .unreadable(YAMLReadError(kind: .unreadable, file: directory, mark: nil, message: "cannot list the directory"))
        }
        let files = names.filter { $0.hasSuffix(".yaml") }.sorted().map { (directory as NSString).appendingPathComponent($0) }

        var sections = OrderedDictionary<String, YAMLNode>()
        var sectionFiles: [String: String] = [:]
        var warnings: [String] = []
        for file in files {
            let node: YAMLNode
            do {
                node = try reader.read(contentsOf: file)
            } catch {
                throw .unreadable(error)
            }
            switch node.value {
            case .null:
                continue
            case .mapping(let pairs):
                for pair in pairs {
                    let name = pair.key.value.keyDescription
                    if let previous = sectionFiles[name] {
                        warnings.append("section \(name) of \(previous) is replaced by \(file):\(pair.key.mark?.line ?? 0)")
                    }
                    sections[name] = pair.value
                    sectionFiles[name] = file
                }
            default:
                throw .notAMapping(file: file, line: node.mark?.line)
            }
        }
        return Configuration(directory: directory, files: files, sections: sections, sectionFiles: sectionFiles,
                             warnings: warnings, regions: regions)
    }

    /// `--config`, then `$STARFLEET_CONFIG_DIR`, then `./configuration_files`.
    public static func resolveDirectory(option: String?, environment: [String: String]) -> String {
        if let option, !option.isEmpty { return option }
        if let fromEnvironment = environment["STARFLEET_CONFIG_DIR"], !fromEnvironment.isEmpty { return fromEnvironment }
        return "./configuration_files"
    }
}
