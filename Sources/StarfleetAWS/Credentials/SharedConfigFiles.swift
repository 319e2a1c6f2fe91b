import Foundation

/// Where the shared credentials and config files are, and the profile to read from them.
///
/// Honours `AWS_SHARED_CREDENTIALS_FILE`, `AWS_CONFIG_FILE` and `AWS_PROFILE` (falling back to
/// `AWS_DEFAULT_PROFILE`, then `default`); `~` expands to `HOME` from the same environment.
public struct SharedConfigFiles: Sendable, Equatable {
    public var credentialsFilePath: String
    public var configFilePath: String
    public var profile: String
    /// Whether the profile was named explicitly (then a missing profile is an error).
    public var profileExplicitlySet: Bool

    public init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        let home = environment["HOME"] ?? NSHomeDirectory()
        func expand(_ path: String) -> String {
            if path == "~" { return home }
            if path.hasPrefix("~/") { return home + path.dropFirst() }
            return path
        }
        credentialsFilePath = expand(Self.nonEmpty(environment["AWS_SHARED_CREDENTIALS_FILE"]) ?? "~/.aws/credentials")
        configFilePath = expand(Self.nonEmpty(environment["AWS_CONFIG_FILE"]) ?? "~/.aws/config")
        if let named = Self.nonEmpty(environment["AWS_PROFILE"]) ?? Self.nonEmpty(environment["AWS_DEFAULT_PROFILE"]) {
            profile = named
            profileExplicitlySet = true
        } else {
            profile = "default"
            profileExplicitlySet = false
        }
    }

    /// The profile's keys from the credentials file (`[name]`), or nil when file or section is absent.
    public func credentialsFileProfile() throws -> [String: String]? {
        try Self.read(credentialsFilePath)?[profile]
    }

    /// The profile's keys from the config file (`[profile name]`, or `[default]`), or nil.
    public func configFileProfile() throws -> [String: String]? {
        guard let file = try Self.read(configFilePath) else { return nil }
        if let section = file["profile \(profile)"] { return section }
        return profile == "default" ? file["default"] : nil
    }

    /// The region configured for the profile in the config file, if any.
    public func region() -> String? {
        guard let section = try? configFileProfile() else { return nil }
        return Self.nonEmpty(section["region"])
    }

    static func read(_ path: String) throws -> INIFile? {
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        do {
            let text = try String(contentsOfFile: path, encoding: .utf8)
            return INIFile(parsing: text)
        } catch {
            throw AWSError.credentials("cannot read AWS shared file \(path): \(error.localizedDescription)")
        }
    }

    static func nonEmpty(_ value: String?) -> String? {
        guard let value, !value.isEmpty else { return nil }
        return value
    }
}
