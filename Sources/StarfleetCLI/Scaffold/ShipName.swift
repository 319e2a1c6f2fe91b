/// Checks a proposed ship type name: an UpperCamelCase Swift identifier that is not a keyword
/// and does not shadow a type the generated code relies on.
enum ShipName {
    /// Swift keywords and contextual names that cannot (or must not) name a type.
    static let keywords: Set<String> = [
        "associatedtype", "borrowing", "class", "consuming", "deinit", "enum", "extension", "fileprivate", "func",
        "import", "init", "inout", "internal", "let", "nonisolated", "open", "operator", "private", "precedencegroup",
        "protocol", "public", "rethrows", "static", "struct", "subscript", "typealias", "var", "break", "case",
        "catch", "continue", "default", "defer", "do", "else", "fallthrough", "for", "guard", "if", "in", "repeat",
        "return", "throw", "switch", "where", "while", "Any", "as", "await", "false", "is", "nil", "self", "Self",
        "super", "throws", "true", "try", "Type", "Protocol", "some", "any", "async", "actor", "macro", "package",
    ]

    /// Names the generated files import or use: a ship named like one of them would not compile.
    static let reserved: Set<String> = [
        "Starfleet", "StarfleetSchema", "StarfleetAWS", "StarfleetCLI", "StarfleetTestSupport", "WorkerShips",
        "Foundation", "Logging", "Testing", "Synchronization", "WorkerShip", "Fleet", "FleetCheck", "Payload",
        "PayloadMap", "PayloadValue", "PayloadTemplates", "WorkerShipConfigurationTemplate", "ShipContext",
        "ShipRegistry", "Schema", "Field", "FieldValidator", "FanOutStrategy", "Logger", "LogHandler", "LogEvent",
        "Alert", "AlertSender", "AlertPriority", "AccountIndex", "DefaultAccountIndex", "AccountIndexDocument",
        "AccountRecord", "ParentRecord", "ConfigurationLoader", "Configuration", "RunPreparation", "RunRequest",
        "YAMLNode", "YAMLReader", "URL", "String", "Int", "Bool", "Set", "Array", "Dictionary", "Error", "Never",
        "Mutex", "Task", "Suite", "Test",
    ]

    /// Why `name` cannot be a ship type name, or nil when it can.
    static func problem(with name: String) -> String? {
        guard let first = name.unicodeScalars.first else { return "the ship name is empty" }
        guard ("A"..."Z").contains(first) else {
            return "\(name) is not an UpperCamelCase Swift type name: it must start with an uppercase ASCII letter (A-Z)"
        }
        let allowed = name.unicodeScalars.allSatisfy { ("A"..."Z").contains($0) || ("a"..."z").contains($0) || ("0"..."9").contains($0) }
        guard allowed else {
            return "\(name) is not an UpperCamelCase Swift type name: use only ASCII letters and digits (no _, -, spaces or dots)"
        }
        if keywords.contains(name) { return "\(name) is a Swift keyword and cannot name a type" }
        if reserved.contains(name) {
            return "\(name) would shadow a type or module the generated ship uses; choose a more specific name such as \(name)Ship"
        }
        guard name.count <= 80 else { return "\(name) is longer than 80 characters" }
        return nil
    }

    /// `S3BucketAuditShip` → `s3-bucket-audit-ship` (queue names in the example configuration).
    static func kebab(_ name: String) -> String {
        var result = ""
        let characters = Array(name)
        for (offset, character) in characters.enumerated() {
            let isUpper = character.isUppercase
            if isUpper, offset > 0 {
                let previous = characters[offset - 1]
                let nextIsLower = offset + 1 < characters.count && characters[offset + 1].isLowercase
                if previous.isLowercase || previous.isNumber || (previous.isUppercase && nextIsLower) {
                    result.append("-")
                }
            }
            result.append(contentsOf: character.lowercased())
        }
        return result
    }
}
