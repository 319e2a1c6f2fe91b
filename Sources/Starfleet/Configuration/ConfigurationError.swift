import StarfleetSchema

/// Why a configuration directory could not be read at all (exit 2). Schema problems are not
/// errors here: they are reported, all at once, by `ConfigurationReport`.
public enum ConfigurationError: Error, Sendable, CustomStringConvertible {
    case directoryMissing(String)
    case notADirectory(String)
    case noFiles(String)
    case unreadable(YAMLReadError)
    case notAMapping(file: String, line: Int?)

    public var description: String {
        switch self {
        case .directoryMissing(let path):
            return "\(path): configuration directory not found"
        case .notADirectory(let path):
            return "\(path): not a directory"
        case .noFiles(let path):
            return "\(path): no *.yaml configuration files found"
        case .unreadable(let error):
            return error.description
        case .notAMapping(let file, let line):
            return "\(file)\(line.map { ":\($0)" } ?? ""): the top level of a configuration file must be a mapping of sections"
        }
    }
}
