/// The operator-facing message texts of the schema engine (marshmallow 3 wording, SPEC §2.4).
public enum SchemaMessages {
    public static let missing = "Missing data for required field."
    public static let null = "Field may not be null."
    public static let unknown = "Unknown field."
    public static let invalidInput = "Invalid input type."
    public static let notString = "Not a valid string."
    public static let notBoolean = "Not a valid boolean."
    public static let notInteger = "Not a valid integer."
    /// A number with a fractional part for an integer field (the original truncated it; we refuse it).
    public static func fractionalInteger(_ number: Double) -> String {
        let truncated = abs(number) < 9.2e18 ? " to \(Int(number.rounded(.towardZero)))" : ""
        return "Not a valid integer: \(number) has a fractional part (it is refused, not truncated\(truncated))."
    }
    public static let notURL = "Not a valid URL."
    public static let notList = "Not a valid list."
    public static let notMapping = "Not a valid mapping type."

    /// Choices are listed sorted, so the message is stable from run to run (Q9).
    public static func mustBeOneOf(_ choices: some Sequence<String>) -> String {
        "Must be one of: \(choices.sorted().joined(separator: ", "))."
    }

    public static func length(min: Int?, max: Int?, equal: Int?) -> (tooShort: String, tooLong: String) {
        if let equal { return ("Length must be \(equal).", "Length must be \(equal).") }
        switch (min, max) {
        case let (low?, high?):
            let text = "Length must be between \(low) and \(high)."
            return (text, text)
        case let (low?, nil):
            return ("Shorter than minimum length \(low).", "")
        case let (nil, high?):
            return ("", "Longer than maximum length \(high).")
        case (nil, nil):
            return ("", "")
        }
    }

    public static func range(min: Int?, max: Int?) -> String {
        switch (min, max) {
        case let (low?, high?): return "Must be greater than or equal to \(low) and less than or equal to \(high)."
        case let (low?, nil): return "Must be greater than or equal to \(low)."
        case let (nil, high?): return "Must be less than or equal to \(high)."
        case (nil, nil): return ""
        }
    }
}
