import Foundation

/// Reads static keys for a profile from the shared credentials file, then the config file.
///
/// Profiles that get their keys another way (`role_arn`, `credential_process`, `sso_*`) are not
/// supported; they are reported as such instead of being skipped silently.
public struct ProfileCredentialsProvider: CredentialsSource {
    public let files: SharedConfigFiles

    public init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.files = SharedConfigFiles(environment: environment)
    }

    public init(files: SharedConfigFiles) {
        self.files = files
    }

    public func lookUp() async throws -> CredentialsLookup {
        let profile = files.profile
        let credentialsSection = try files.credentialsFileProfile()
        let configSection = try files.configFileProfile()
        let candidates: [(section: [String: String], path: String)] = [
            credentialsSection.map { ($0, files.credentialsFilePath) },
            configSection.map { ($0, files.configFilePath) },
        ].compactMap { $0 }

        for (section, path) in candidates {
            let keyId = SharedConfigFiles.nonEmpty(section["aws_access_key_id"])
            let secret = SharedConfigFiles.nonEmpty(section["aws_secret_access_key"])
            switch (keyId, secret) {
            case (.some(let keyId), .some(let secret)):
                return .found(AWSCredentials(
                    accessKeyId: keyId, secretAccessKey: secret,
                    sessionToken: SharedConfigFiles.nonEmpty(section["aws_session_token"]),
                    source: "profile \"\(profile)\" in \(path)"))
            case (.some, nil), (nil, .some):
                throw AWSError.credentials(
                    "profile \"\(profile)\" in \(path) has only one of aws_access_key_id and aws_secret_access_key: set both")
            case (nil, nil):
                let unsupported = ["role_arn", "credential_process", "sso_start_url", "sso_session", "web_identity_token_file"]
                    .filter { section[$0] != nil }
                if !unsupported.isEmpty {
                    throw AWSError.credentials(
                        "profile \"\(profile)\" in \(path) uses \(unsupported.joined(separator: ", ")), which Starfleet's AWS client does not support; "
                            + "use a profile with aws_access_key_id and aws_secret_access_key, or environment variables")
                }
            }
        }

        if files.profileExplicitlySet && credentialsSection == nil && configSection == nil {
            throw AWSError.credentials(
                "AWS_PROFILE names profile \"\(profile)\", which is in neither \(files.credentialsFilePath) "
                    + "([\(profile)]) nor \(files.configFilePath) ([profile \(profile)])")
        }
        return .notFound(
            "profile \"\(profile)\" in shared credentials file \(files.credentialsFilePath) (\(describe(credentialsSection, path: files.credentialsFilePath))) "
                + "and config file \(files.configFilePath) (\(describe(configSection, path: files.configFilePath)))")
    }

    private func describe(_ section: [String: String]?, path: String) -> String {
        if section != nil { return "profile has no keys" }
        return FileManager.default.fileExists(atPath: path) ? "no such profile" : "file not found"
    }
}
