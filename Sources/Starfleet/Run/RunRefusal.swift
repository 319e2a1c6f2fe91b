import StarfleetSchema

/// Why a run did not start. Each case knows its exit code (DESIGN §6) and its message.
public enum RunRefusal: Error, Sendable, CustomStringConvertible {
    case unknownShip(String, known: [String])
    case missingOption(String)
    case invalidConfiguration(ship: String, errors: ValidationErrors, file: String?)
    case notConfigured(String)
    case disabled(String)
    case invalidPayload(ValidationErrors, file: String)
    case accountNotApplicable
    case accountRegionNotApplicable
    case accountIndex(AccountIndexError)
    case wrongTemplate(ship: String, required: String)

    public static let accountNotApplicableMessage = "[🙅‍♂️] The account provided is not applicable for this template. Not doing anything."
    public static let accountRegionNotApplicableMessage = "[🙅‍♂️] The account/region provided is not applicable for this template. Not doing anything."

    /// 1 for invalid input or a refusal, 2 for usage errors and unreadable input.
    public var exitCode: Int32 {
        switch self {
        case .unknownShip, .missingOption, .accountIndex, .wrongTemplate: return 2
        case .invalidConfiguration, .notConfigured, .disabled, .invalidPayload, .accountNotApplicable, .accountRegionNotApplicable: return 1
        }
    }

    public var description: String {
        switch self {
        case .unknownShip(let name, let known):
            return "unknown ship \(name); registered ships: \(known.joined(separator: ", "))"
        case .missingOption(let option):
            return "Error: Missing option '\(option)'"  // the original's wording (SPEC §4.4)
        case .invalidConfiguration(let ship, let errors, let file):
            let lines = errors.entries(prefix: [ship]).map { entry in
                "\(file ?? "configuration")\(entry.mark.map { ":\($0.line)" } ?? ""): \(entry.pathDescription): \(entry.message)"
            }
            return "[💥] Worker ship: \(ship) has an invalid configuration.\n" + lines.joined(separator: "\n")
        case .notConfigured(let ship):
            return "[⏭️] Worker ship: \(ship) has no configuration section; add one to the configuration directory."
        case .disabled(let ship):
            return "[⏭️] Worker ship: \(ship) is DISABLED in its configuration (Enabled: false). Not doing anything."
        case .invalidPayload(let errors, let file):
            let lines = errors.entries().map { entry in
                "\(file)\(entry.mark.map { ":\($0.line)" } ?? ""): \(entry.pathDescription): \(entry.message)"
            }
            return "[💥] The payload does not validate:\n" + lines.joined(separator: "\n")
        case .accountNotApplicable:
            return Self.accountNotApplicableMessage
        case .accountRegionNotApplicable:
            return Self.accountRegionNotApplicableMessage
        case .accountIndex(let error):
            return error.description
        case .wrongTemplate(let ship, let required):
            return "\(ship)'s payload template does not extend \(required), which its fan-out strategy requires"
        }
    }
}
