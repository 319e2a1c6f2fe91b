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
        var warnings = configuration.warnings
        let registry = ShipRegistry(fleet: fleet, configuration: configuration)
        for status in registry.statuses {
            if case .invalidConfiguration(let tree) = status.state {
                errors.merge(tree, at: status.name)
            }
        }
        // The original reads the index section only when an index is loaded: a fleet that has not
        // generated its index yet is valid. A present section is validated in full.
        let indexSection = DefaultAccountIndexConfigurationTemplate.sectionName
        if let section = configuration.section(indexSection) {
            errors.merge(DefaultAccountIndexConfigurationTemplate.schema.validate(section), at: indexSection)
        } else if configuration.isValid, configuration.accountIndexName == indexSection {
            let fanningOut = registry.statuses.filter { status in
                status.state == .enabled && status.shipType.fanOutStrategy != .singleInvocation
            }.map(\.name)
            if !fanningOut.isEmpty {
                warnings.append(Self.missingIndexWarning(ships: fanningOut))
            }
        }
        self.errors = errors
        self.warnings = warnings
        self.sectionFiles = configuration.sectionFiles
    }

    public var isValid: Bool { errors.isEmpty }

    static func missingIndexWarning(ships: [String]) -> String {
        "no \(DefaultAccountIndexConfigurationTemplate.sectionName) section: fan-out of "
            + ships.joined(separator: ", ")
            + " will need the account index (add the section, or pass --account-index FILE where a command takes it)"
    }

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
