import OrderedCollections
import StarfleetSchema

/// The merged configuration of a directory, with the `STARFLEET` section loaded and typed.
///
/// The rest of the program reads the loaded values (`starfleet`, `loadedSection`), never the
/// raw YAML (the original read raw values, so `Enabled: "false"` counted as enabled — Q2).
public struct Configuration: Sendable {
    public let directory: String
    /// The `*.yaml` files read, in name order.
    public let files: [String]
    /// Top-level sections after the merge, in first-seen order.
    public let sections: OrderedDictionary<String, YAMLNode>
    /// Which file each section finally came from.
    public let sectionFiles: [String: String]
    /// Non-fatal findings (a section redefined by a later file).
    public let warnings: [String]
    /// The loaded `STARFLEET` section; empty when invalid.
    public let starfleet: PayloadMap
    /// Errors of the top-level schema, keyed like `{"STARFLEET": …}`.
    public let starfleetErrors: ValidationErrors

    public init(directory: String, files: [String], sections: OrderedDictionary<String, YAMLNode>,
                sectionFiles: [String: String], warnings: [String], regions: RegionCatalog = .active) {
        self.directory = directory
        self.files = files
        self.sections = sections
        self.sectionFiles = sectionFiles
        self.warnings = warnings
        let root = YAMLNode(.mapping(sections.map { YAMLPair(key: YAMLNode(.string($0.key)), value: $0.value) }),
                            mark: SourceMark(line: 1, column: 1))
        let schema = regions == .active ? StarfleetSectionTemplate.active : StarfleetSectionTemplate.configuration(regions: regions)
        let result = schema.loadResult(root)
        self.starfleetErrors = result.errors
        self.starfleet = result.data["starfleet"]?.map ?? [:]
    }

    public var isValid: Bool { starfleetErrors.isEmpty }

    public func section(_ name: String) -> YAMLNode? { sections[name] }

    // MARK: - Typed STARFLEET values

    public var deploymentRegion: String? { starfleet["deployment_region"]?.string }
    public var templateBucket: String? { starfleet["template_bucket"]?.string }
    public var accountIndexName: String { starfleet["account_index"]?.string ?? "StarfleetDefaultAccountIndex" }
    public var scopeToRegions: [String] { starfleet["scope_to_regions"]?.strings ?? [] }
    public var logLevel: String { starfleet["log_level"]?.string ?? "INFO" }
    public var slackEnabled: Bool { starfleet["slack_enabled"]?.bool ?? false }
}
