import Foundation

/// What the function's environment says, read once per container.
public struct LambdaSettings: Sendable, Equatable {
    public static let defaultAccountIndexMaxAge: TimeInterval = 900

    public let handler: LambdaHandlerName
    public let configurationDirectory: String
    /// `STARFLEET_COMMIT`, compared case-insensitively with `true` as the original did. Lambda
    /// fixes a function's environment for the life of a container, so reading it once is the
    /// same as reading it on every call.
    public let commit: Bool
    /// `STARFLEET_ACCOUNT_INDEX_MAX_AGE` in seconds (default 900).
    public let accountIndexMaxAge: TimeInterval

    public init(environment: [String: String], executablePath: String) throws(LambdaInitError) {
        let handlerText = environment["_HANDLER"] ?? ""
        guard let handler = LambdaHandlerName(handlerText) else {
            throw .invalidSetting("_HANDLER is \"\(handlerText)\"; expected starbase-timed, starbase-fanout or worker:<ShipName>")
        }
        self.handler = handler
        self.configurationDirectory = Self.configurationDirectory(environment: environment, executablePath: executablePath)
        self.commit = environment["STARFLEET_COMMIT"]?.lowercased() == "true"
        if let text = environment["STARFLEET_ACCOUNT_INDEX_MAX_AGE"], !text.isEmpty {
            guard let seconds = TimeInterval(text), seconds >= 0, seconds.isFinite else {
                throw .invalidSetting("STARFLEET_ACCOUNT_INDEX_MAX_AGE is \"\(text)\"; expected a number of seconds")
            }
            self.accountIndexMaxAge = seconds
        } else {
            self.accountIndexMaxAge = Self.defaultAccountIndexMaxAge
        }
    }

    /// `STARFLEET_CONFIG_DIR`, else `configuration_files/` in `LAMBDA_TASK_ROOT`, else beside the binary.
    public static func configurationDirectory(environment: [String: String], executablePath: String) -> String {
        if let directory = environment["STARFLEET_CONFIG_DIR"], !directory.isEmpty { return directory }
        let root = environment["LAMBDA_TASK_ROOT"].flatMap { $0.isEmpty ? nil : $0 }
            ?? URL(fileURLWithPath: executablePath).deletingLastPathComponent().path
        return URL(fileURLWithPath: root).appendingPathComponent("configuration_files").path
    }
}
