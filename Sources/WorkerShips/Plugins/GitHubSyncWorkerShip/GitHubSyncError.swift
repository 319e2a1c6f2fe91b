/// Why a GitHub sync stopped. Every message names what to fix; none carries a token or a key.
public enum GitHubSyncError: Error, Sendable, Equatable, CustomStringConvertible {
    case invalidPattern(key: String, index: Int, pattern: String)
    /// The secret has no usable PEM at `GitHubSyncWorker.<organization>`.
    case privateKeyUnavailable(organization: String, detail: String)
    case invalidPrivateKey(organization: String, detail: String)
    case invalidAPIURL(String)
    /// GitHub answered with an unexpected status; `detail` is GitHub's own message, if any.
    case gitHubRefused(operation: String, status: Int, detail: String)
    case gitHubUnreachable(operation: String, detail: String)
    case malformedAnswer(operation: String, detail: String)
    case tooManyRedirects(operation: String)
    case downloadTooLarge(limit: Int)
    case unreadableArchive(detail: String)
    case emptyArchive
    case unsafeEntry(path: String, reason: String)
    case archiveLimit(String)
    case localFile(path: String, detail: String)

    public var description: String {
        switch self {
        case let .invalidPattern(key, index, pattern):
            return "\(key)[\(index)]: not a valid regular expression: \(pattern)"
        case let .privateKeyUnavailable(organization, detail):
            return "no GitHub App private key for organization \(organization) in the fleet's secret "
                + "(expected a PEM string at GitHubSyncWorker.\(organization)): \(detail)"
        case let .invalidPrivateKey(organization, detail):
            return "the GitHub App private key at GitHubSyncWorker.\(organization) is not an RSA private key in PEM form: \(detail)"
        case .invalidAPIURL(let url):
            return "GITHUB_API_URL \(url) is not an http(s) URL"
        case let .gitHubRefused(operation, status, detail):
            return "GitHub refused \(operation) (HTTP \(status))\(detail.isEmpty ? "" : ": \(detail)")"
        case let .gitHubUnreachable(operation, detail):
            return "cannot reach GitHub for \(operation): \(detail)"
        case let .malformedAnswer(operation, detail):
            return "GitHub's answer to \(operation) is not what was expected: \(detail)"
        case .tooManyRedirects(let operation):
            return "GitHub redirected \(operation) too many times"
        case .downloadTooLarge(let limit):
            return "the repository archive is larger than the download limit of \(limit) bytes"
        case .unreadableArchive(let detail):
            return "the repository archive is not a readable zip file: \(detail)"
        case .emptyArchive:
            return "the repository archive is empty"
        case let .unsafeEntry(path, reason):
            return "refusing the repository archive: entry \"\(path)\" \(reason); nothing was extracted or uploaded"
        case .archiveLimit(let detail):
            return "refusing the repository archive: \(detail); nothing was extracted or uploaded"
        case let .localFile(path, detail):
            return "cannot read or write \(path): \(detail)"
        }
    }
}
