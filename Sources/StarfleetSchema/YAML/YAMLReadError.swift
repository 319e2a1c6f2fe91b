/// Why a YAML document could not be read. The description names the file, line and column.
public struct YAMLReadError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable {
        case unreadable
        case invalidUTF8
        case syntax
        case duplicateKey(String)
        case aliasExpansionTooLarge
        case multipleDocuments
    }

    public let kind: Kind
    public let file: String?
    public let mark: SourceMark?
    public let message: String

    public init(kind: Kind, file: String?, mark: SourceMark?, message: String) {
        self.kind = kind
        self.file = file
        self.mark = mark
        self.message = message
    }

    public var description: String {
        var location = file ?? "<input>"
        if let mark { location += ":\(mark.line):\(mark.column)" }
        return "\(location): \(message)"
    }
}
