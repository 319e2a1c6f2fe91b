/// Why a child process could not be run.
public enum ProcessRunnerError: Error, CustomStringConvertible, Equatable {
    case executableNotFound(name: String, searchPath: String)
    case launchFailed(executable: String, reason: String)

    public var description: String {
        switch self {
        case .executableNotFound(let name, let searchPath):
            return "cannot run \(name): not found on PATH (\(searchPath))"
        case .launchFailed(let executable, let reason):
            return "cannot launch \(executable): \(reason)"
        }
    }
}
