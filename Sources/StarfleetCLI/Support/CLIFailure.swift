/// A command's failure: the exit code of DESIGN §6 and the message for stderr.
public struct CLIFailure: Error, Sendable, CustomStringConvertible {
    public enum Code: Int32, Sendable {
        case invalid = 1
        case usage = 2
        case executionFailed = 3
        case interrupted = 130
    }

    public let code: Code
    public let message: String?

    public init(_ code: Code, _ message: String?) {
        self.code = code
        self.message = message
    }

    public var description: String { message ?? "exit \(code.rawValue)" }
}
