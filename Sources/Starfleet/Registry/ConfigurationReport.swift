import OrderedCollections
import StarfleetSchema

/// Every problem of a configuration at once, keyed by top-level section
/// (`STARFLEET`, each ship's name, `StarfleetDefaultAccountIndex`).
public struct ConfigurationReport: Sendable {
    public let errors: ValidationErrors
    public let warnings: [String]
    /// Which file each section with errors came from.
    public let sectionFiles: [String: String]

    public init(configuration: Configuration, fleet: Fleet) {
        var errors = configuration.starfleetErrors
        for status in ShipRegistry(fleet: fleet, configuration: configuration).statuses {
            if case .invalidConfiguration(let tree) = status.state {
                errors.merge(tree, at: status.name)
            }
        }
        let indexSection = DefaultAccountIndexConfigurationTemplate.sectionName
        if let section = configuration.section(indexSection) {
            errors.merge(DefaultAccountIndexConfigurationTemplate.schema.validate(section), at: indexSection)
        } else if configuration.isValid, configuration.accountIndexName == indexSection {
            errors.add(SchemaMessages.missing, at: indexSection)
        }
        self.errors = errors
        self.warnings = configuration.warnings
        self.sectionFiles = configuration.sectionFiles
    }

    public var isValid: Bool { errors.isEmpty }

    /// `file:line: Section.Key: message` lines for people.
    public func lines(defaultFile: String) -> [String] {
        errors.entries().map { entry in
            let section = entry.path.first ?? ""
            let file = sectionFiles[section] ?? defaultFile
            let line = entry.mark.map { ":\($0.line)" } ?? ""
            return "\(file)\(line): \(entry.pathDescription): \(entry.message)"
        }
    }
}
