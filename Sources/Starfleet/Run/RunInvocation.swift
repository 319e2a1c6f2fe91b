/// One `starfleet run` as data: what the console starts as a child process and what the CLI
/// parsed from its arguments. `arguments` and the CLI's parser are each other's inverse
/// (a test parses them back), so the console cannot drift from the command line.
public struct RunInvocation: Sendable, Hashable {
    public var ship: String
    /// `--config`; nil leaves the CLI's default (`$STARFLEET_CONFIG_DIR`, then `./configuration_files`).
    public var configurationDirectory: String?
    public var payloadPath: String
    public var accountId: String?
    public var region: String?
    /// `--account-index`: read the index from this file instead of S3.
    public var accountIndexFile: String?
    public var mode: RunMode
    public var logFormat: LogFormat
    /// `--expect-config-digest`: the child refuses to run when the configuration's digest differs
    /// (what the commit gate approved is what runs: no gap between the check and the start).
    public var expectedConfigurationDigest: String?
    /// `--expect-index-digest`: the same for the `--account-index` file.
    public var expectedAccountIndexDigest: String?
    /// What the run keeps itself, so that nothing is lost when the console goes away.
    public var ownership: RunOwnership

    public init(ship: String, configurationDirectory: String?, payloadPath: String, accountId: String? = nil,
                region: String? = nil, accountIndexFile: String? = nil, mode: RunMode, logFormat: LogFormat = .text,
                expectedConfigurationDigest: String? = nil, expectedAccountIndexDigest: String? = nil,
                ownership: RunOwnership = RunOwnership()) {
        self.ship = ship
        self.configurationDirectory = configurationDirectory
        self.payloadPath = payloadPath
        self.accountId = accountId
        self.region = region
        self.accountIndexFile = accountIndexFile
        self.mode = mode
        self.logFormat = logFormat
        self.expectedConfigurationDigest = expectedConfigurationDigest
        self.expectedAccountIndexDigest = expectedAccountIndexDigest
        self.ownership = ownership
    }

    /// The exact arguments after the executable: `run SHIP --config DIR --payload FILE …`.
    public var arguments: [String] {
        var arguments = ["run", ship]
        if let configurationDirectory { arguments += ["--config", configurationDirectory] }
        arguments += ["--payload", payloadPath, "--log-format", logFormat.rawValue]
        if let accountId { arguments += ["--account-id", accountId] }
        if let region { arguments += ["--region", region] }
        if let accountIndexFile { arguments += ["--account-index", accountIndexFile] }
        if let expectedConfigurationDigest { arguments += ["--expect-config-digest", expectedConfigurationDigest] }
        if let expectedAccountIndexDigest { arguments += ["--expect-index-digest", expectedAccountIndexDigest] }
        if mode.isCommit { arguments.append("--commit") }
        return arguments + ownership.arguments
    }

    /// Why the inputs on disk are not the ones this invocation expects (nil: they are, or it
    /// expects nothing).
    public func digestRefusal(configurationDigest: String, accountIndexDigest: String?) -> String? {
        if let expected = expectedConfigurationDigest, expected != configurationDigest {
            return "The configuration changed since it was checked (digest \(expected.prefix(12))…, now "
                + "\(configurationDigest.prefix(12))…); dry-run again. Not doing anything."
        }
        if let expected = expectedAccountIndexDigest, expected != accountIndexDigest {
            return "The account index changed since it was checked (digest \(expected.prefix(12))…, now "
                + "\(accountIndexDigest.map { "\($0.prefix(12))…" } ?? "unreadable")); dry-run again. Not doing anything."
        }
        return nil
    }

    /// What the commit gate compares: this run's target with the digests of its inputs.
    public func fingerprint(payloadSHA256: String, configurationDigest: String,
                            accountIndexDigest: String?) -> RunFingerprint {
        RunFingerprint(ship: ship, payloadSHA256: payloadSHA256, configurationSHA256: configurationDigest,
                       accountIndexSHA256: accountIndexDigest, accountId: accountId, region: region)
    }
}
