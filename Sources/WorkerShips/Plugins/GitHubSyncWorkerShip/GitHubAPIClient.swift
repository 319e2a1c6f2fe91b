import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1

/// The two GitHub REST calls the sync makes: exchanging the app's JWT for an installation token,
/// and downloading a branch's zipball (streamed to a file, following GitHub's redirect to its
/// download URL without forwarding the token there). `GITHUB_API_URL` overrides the API root
/// (GitHub Enterprise Server, tests).
public struct GitHubAPIClient: Sendable {
    public static let defaultAPIURL = "https://api.github.com"
    public static let environmentVariable = "GITHUB_API_URL"
    public static let apiVersion = "2022-11-28"
    /// Large enough for any template repository; a guard against an endless body.
    public static let defaultMaxDownloadBytes = 1024 * 1024 * 1024

    /// One client for the process, never shut down (it dies with the process). Redirects are
    /// followed here, not by the client, so the Authorization header is not forwarded.
    private static let processClient: HTTPClient = {
        var configuration = HTTPClient.Configuration(redirectConfiguration: .disallow, decompression: .disabled)
        configuration.connectionPool.retryConnectionEstablishment = false
        return HTTPClient(eventLoopGroup: .singletonMultiThreadedEventLoopGroup, configuration: configuration)
    }()

    public let apiURL: URL
    public var timeout: TimeInterval = 30
    public var downloadTimeout: TimeInterval = 600
    public var maxRedirects = 5
    public var maxDownloadBytes = GitHubAPIClient.defaultMaxDownloadBytes

    public init(environment: [String: String]) throws(GitHubSyncError) {
        let text = environment[Self.environmentVariable].flatMap { $0.isEmpty ? nil : $0 } ?? Self.defaultAPIURL
        let trimmed = text.hasSuffix("/") ? String(text.dropLast()) : text
        guard let url = URL(string: trimmed), let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https",
              url.host != nil
        else { throw .invalidAPIURL(text) }
        self.apiURL = url
    }

    // MARK: - Installation token

    /// `POST /app/installations/{id}/access_tokens` with the app's JWT.
    public func installationToken(installationId: String, jwt: String) async throws(GitHubSyncError) -> GitHubInstallationToken {
        let operation = "the installation token exchange for installation \(installationId)"
        let url = endpoint("app", "installations", installationId, "access_tokens")
        var request = HTTPClientRequest(url: url.absoluteString)
        request.method = .POST
        addHeaders(to: &request, bearer: jwt)
        let response = try await execute(request, operation: operation, timeout: timeout)
        let body = try await collect(response, operation: operation)
        guard response.status == .created || response.status == .ok else {
            throw .gitHubRefused(operation: operation, status: Int(response.status.code), detail: Self.message(in: body))
        }
        guard let object = (try? JSONSerialization.jsonObject(with: body)) as? [String: Any],
              let token = object["token"] as? String, !token.isEmpty,
              let expiry = object["expires_at"] as? String,
              let expiresAt = try? Date(expiry, strategy: .iso8601)
        else { throw .malformedAnswer(operation: operation, detail: "expected JSON with \"token\" and \"expires_at\"") }
        return GitHubInstallationToken(token: token, expiresAt: expiresAt)
    }

    // MARK: - Zipball

    /// `GET /repos/{org}/{repo}/zipball/{branch}`, written to `file`. Returns the byte count.
    @discardableResult
    public func downloadZipball(organization: String, repository: String, branch: String, token: String,
                                to file: URL) async throws(GitHubSyncError) -> Int {
        let operation = "the download of \(organization)/\(repository) at \(branch)"
        var url = endpoint("repos", organization, repository, "zipball", branch)
        var bearer: String? = token
        for _ in 0...maxRedirects {
            var request = HTTPClientRequest(url: url.absoluteString)
            addHeaders(to: &request, bearer: bearer)
            let response = try await execute(request, operation: operation, timeout: downloadTimeout)
            if [301, 302, 303, 307, 308].contains(response.status.code) {
                guard let location = response.headers.first(name: "Location"),
                      let next = URL(string: location, relativeTo: url)?.absoluteURL
                else { throw .malformedAnswer(operation: operation, detail: "a redirect without a usable Location") }
                // The redirect URL authorizes itself (a short-lived token in its query, on
                // codeload.github.com or GHE's /_codeload): the installation token stays behind.
                bearer = nil
                url = next
                continue
            }
            guard response.status == .ok else {
                let body = try await collect(response, operation: operation)
                throw .gitHubRefused(operation: operation, status: Int(response.status.code), detail: Self.message(in: body))
            }
            return try await write(response, to: file, operation: operation)
        }
        throw .tooManyRedirects(operation: operation)
    }

    private func write(_ response: HTTPClientResponse, to file: URL, operation: String) async throws(GitHubSyncError) -> Int {
        guard FileManager.default.createFile(atPath: file.path, contents: nil),
              let handle = try? FileHandle(forWritingTo: file)
        else { throw .localFile(path: file.path, detail: "cannot create the file") }
        defer { try? handle.close() }
        var written = 0
        do {
            for try await chunk in response.body {
                written += chunk.readableBytes
                guard written <= maxDownloadBytes else { throw GitHubSyncError.downloadTooLarge(limit: maxDownloadBytes) }
                try handle.write(contentsOf: chunk.withUnsafeReadableBytes { Data($0) })
            }
        } catch let error as GitHubSyncError {
            throw error
        } catch {
            throw .gitHubUnreachable(operation: operation, detail: "the download stopped: \(error)")
        }
        return written
    }

    // MARK: - Plumbing

    func endpoint(_ segments: String...) -> URL {
        var allowed = CharacterSet.urlPathAllowed
        allowed.remove(charactersIn: "?#")
        // A branch may contain `/` (feature/x): GitHub takes the rest of the path as the ref.
        let path = segments.map { $0.addingPercentEncoding(withAllowedCharacters: allowed) ?? $0 }.joined(separator: "/")
        return URL(string: apiURL.absoluteString + "/" + path) ?? apiURL
    }

    private func addHeaders(to request: inout HTTPClientRequest, bearer: String?) {
        request.headers.add(name: "Accept", value: "application/vnd.github+json")
        request.headers.add(name: "X-GitHub-Api-Version", value: Self.apiVersion)
        // GitHub refuses requests without a User-Agent.
        request.headers.add(name: "User-Agent", value: "Starfleet-GitHubSyncWorkerShip")
        if let bearer { request.headers.add(name: "Authorization", value: "Bearer \(bearer)") }
    }

    private func execute(_ request: HTTPClientRequest, operation: String, timeout: TimeInterval) async throws(GitHubSyncError) -> HTTPClientResponse {
        do {
            return try await Self.processClient.execute(request, timeout: .seconds(Int64(max(1, timeout))))
        } catch {
            // AsyncHTTPClient's errors name the host and the failure, never the headers.
            throw .gitHubUnreachable(operation: operation, detail: "\(error)")
        }
    }

    private func collect(_ response: HTTPClientResponse, operation: String) async throws(GitHubSyncError) -> Data {
        do {
            let buffer = try await response.body.collect(upTo: 1024 * 1024)
            return buffer.withUnsafeReadableBytes { Data($0) }
        } catch {
            throw .gitHubUnreachable(operation: operation, detail: "reading the answer: \(error)")
        }
    }

    /// GitHub's `{"message": "…"}`, or the start of the body.
    static func message(in body: Data) -> String {
        if let object = (try? JSONSerialization.jsonObject(with: body)) as? [String: Any], let message = object["message"] as? String {
            return message
        }
        return String(decoding: body.prefix(200), as: UTF8.self)
    }
}
