import Foundation
import Starfleet
import StarfleetSchema
import StarfleetTUI

/// One problem of a configuration or payload, with where it was written.
public struct ErrorEntry: Hashable, Sendable {
    /// Dotted key path as written in YAML (`AccountIndexGeneratorShip.EventBridgeTimedFrequency`).
    public var path: [String]
    public var message: String
    public var file: String?
    public var line: Int?

    public init(path: [String], message: String, file: String?, line: Int?) {
        self.path = path
        self.message = message
        self.file = file
        self.line = line
    }

    public var pathDescription: String { path.isEmpty ? "(document)" : path.joined(separator: ".") }

    /// `file:line`, `file`, `line N` or nothing.
    public var location: String {
        switch (file, line) {
        case (let file?, let line?): return "\(file):\(line)"
        case (let file?, nil): return file
        case (nil, let line?): return "line \(line)"
        default: return ""
        }
    }

    static func entries(_ errors: ValidationErrors, prefix: [String] = [], file: String?) -> [ErrorEntry] {
        errors.entries(prefix: prefix).map {
            ErrorEntry(path: $0.path, message: $0.message, file: file, line: $0.mark?.line)
        }
    }
}

/// A ship's standing, as the fleet view shows it.
public enum ShipRowState: Hashable, Sendable {
    case enabled, disabled, notConfigured, invalid

    public var label: String {
        switch self {
        case .enabled: return "enabled"
        case .disabled: return "disabled"
        case .notConfigured: return "not configured"
        case .invalid: return "invalid configuration"
        }
    }

    public var badge: ThemeKey {
        switch self {
        case .enabled: return .badgeEnabled
        case .disabled: return .badgeDisabled
        case .notConfigured: return .badgeNotConfigured
        case .invalid: return .badgeInvalid
        }
    }
}

/// One registered ship.
public struct ShipRow: Hashable, Sendable {
    public var name: String
    public var strategy: FanOutStrategy
    public var state: ShipRowState
    /// The configuration file its section came from.
    public var file: String?
    public var templatePrefix: String?
    /// Its payload template's name.
    public var payloadTemplate: String
    /// For an invalid configuration: every problem with file:line.
    public var errors: [ErrorEntry]
    /// `InvocationQueueUrl` of a valid configuration (its depth is shown when reachable).
    public var queueURL: String?

    public init(name: String, strategy: FanOutStrategy, state: ShipRowState, file: String?, templatePrefix: String?,
                payloadTemplate: String, errors: [ErrorEntry], queueURL: String? = nil) {
        self.name = name
        self.strategy = strategy
        self.state = state
        self.file = file
        self.templatePrefix = templatePrefix
        self.payloadTemplate = payloadTemplate
        self.errors = errors
        self.queueURL = queueURL
    }
}

/// What the console knows of a configuration directory after loading it.
public struct FleetSnapshot: Hashable, Sendable {
    public var directory: String
    public var ships: [ShipRow]
    /// Problems outside the ships' sections (`STARFLEET`, the account index section).
    public var globalErrors: [ErrorEntry]
    public var warnings: [String]
    /// Where the account index comes from, or why it cannot be read.
    public var indexSource: String
    public var indexSourceIsValid: Bool
    public var templateBucket: String?
    public var deploymentRegion: String?
    /// Digest of every configuration file (part of the commit gate's fingerprint).
    public var configurationDigest: String
    /// Digest of the `--account-index` file, when one is given (also part of the fingerprint).
    public var accountIndexDigest: String?

    public init(directory: String, ships: [ShipRow], globalErrors: [ErrorEntry] = [], warnings: [String] = [],
                indexSource: String, indexSourceIsValid: Bool = true, templateBucket: String? = nil,
                deploymentRegion: String? = nil, configurationDigest: String,
                accountIndexDigest: String? = nil) {
        self.directory = directory
        self.ships = ships
        self.globalErrors = globalErrors
        self.warnings = warnings
        self.indexSource = indexSource
        self.indexSourceIsValid = indexSourceIsValid
        self.templateBucket = templateBucket
        self.deploymentRegion = deploymentRegion
        self.configurationDigest = configurationDigest
        self.accountIndexDigest = accountIndexDigest
    }

    /// Evaluates every ship of `fleet` against a loaded configuration (the library's registry).
    public static func make(configuration: Configuration, fleet: Fleet, accountIndexFile: String?) -> FleetSnapshot {
        let registry = ShipRegistry(fleet: fleet, configuration: configuration)
        let ships = registry.statuses.map { status -> ShipRow in
            let state: ShipRowState
            var errors: [ErrorEntry] = []
            switch status.state {
            case .enabled: state = .enabled
            case .disabled: state = .disabled
            case .notConfigured: state = .notConfigured
            case .invalidConfiguration(let tree):
                state = .invalid
                errors = ErrorEntry.entries(tree, prefix: [status.name], file: status.file)
            }
            return ShipRow(name: status.name, strategy: status.fanOutStrategy, state: state, file: status.file,
                           templatePrefix: status.templatePrefix, payloadTemplate: status.shipType.payloadTemplate.name,
                           errors: errors, queueURL: status.invocationQueueURL)
        }
        var globalErrors: [ErrorEntry] = []
        let report = ConfigurationReport(configuration: configuration, fleet: fleet)
        let shipNames = Set(fleet.names)
        for entry in report.errors.entries() where !shipNames.contains(entry.path.first ?? "") {
            let section = entry.path.first ?? ""
            globalErrors.append(ErrorEntry(path: entry.path, message: entry.message,
                                           file: report.sectionFiles[section] ?? configuration.files.first,
                                           line: entry.mark?.line))
        }
        let indexSource: String
        let indexValid: Bool
        do {
            indexSource = try AccountIndexSource.resolve(configuration: configuration, overrideFile: accountIndexFile).description
            indexValid = true
        } catch {
            indexSource = "unavailable (\(error.description))"
            indexValid = false
        }
        return FleetSnapshot(directory: configuration.directory, ships: ships, globalErrors: globalErrors,
                             warnings: configuration.warnings, indexSource: indexSource, indexSourceIsValid: indexValid,
                             templateBucket: configuration.templateBucket, deploymentRegion: configuration.deploymentRegion,
                             configurationDigest: RunFingerprint.configurationDigest(files: configuration.files),
                             accountIndexDigest: accountIndexFile.flatMap(RunFingerprint.fileDigest(path:)))
    }
}
