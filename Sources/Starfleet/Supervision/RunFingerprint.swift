import Crypto
import Foundation

/// What makes two runs "the same" for the commit gate: the ship, the exact payload bytes,
/// the exact configuration files, the account index file (when one is given), and the account/region. A commit is offered only after a
/// successful dry run with an identical fingerprint.
public struct RunFingerprint: Sendable, Hashable, Codable {
    public let ship: String
    public let payloadSHA256: String
    public let configurationSHA256: String
    /// The `--account-index` file's digest; nil when the index comes from S3 (or is not needed).
    public let accountIndexSHA256: String?
    public let accountId: String?
    public let region: String?

    public init(ship: String, payloadSHA256: String, configurationSHA256: String, accountIndexSHA256: String? = nil,
                accountId: String?, region: String?) {
        self.ship = ship
        self.payloadSHA256 = payloadSHA256
        self.configurationSHA256 = configurationSHA256
        self.accountIndexSHA256 = accountIndexSHA256
        self.accountId = accountId
        self.region = region
    }

    public static func sha256(_ data: Data) -> String {
        SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined()
    }

    /// The digest of one file's bytes, nil when it cannot be read.
    public static func fileDigest(path: String) -> String? {
        FileManager.default.contents(atPath: path).map(sha256)
    }

    /// A digest over every configuration file's name and bytes, in name order.
    public static func configurationDigest(files: [String]) -> String {
        var hasher = SHA256()
        for file in files.sorted() {
            hasher.update(data: Data(file.utf8))
            hasher.update(data: Data([0]))
            hasher.update(data: FileManager.default.contents(atPath: file) ?? Data())
            hasher.update(data: Data([0]))
        }
        return hasher.finalize().map { String(format: "%02x", $0) }.joined()
    }

    /// Why a commit with this fingerprint is not allowed after `lastDryRun`, or nil when it is.
    public func commitRefusal(lastSuccessfulDryRun: RunFingerprint?) -> String? {
        guard let last = lastSuccessfulDryRun else {
            return "Commit needs a successful dry run of this ship and payload first (press d)."
        }
        if last.ship != ship { return "The last successful dry run was of \(last.ship), not \(ship)." }
        if last.payloadSHA256 != payloadSHA256 { return "The payload changed since the last successful dry run; dry-run it again." }
        if last.configurationSHA256 != configurationSHA256 { return "The configuration changed since the last successful dry run; dry-run again." }
        if last.accountIndexSHA256 != accountIndexSHA256 {
            return "The account index changed since the last successful dry run; dry-run again."
        }
        if last.accountId != accountId || last.region != region {
            return "The last successful dry run was for another account/region; dry-run this one first."
        }
        return nil
    }
}
