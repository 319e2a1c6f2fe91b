import Foundation
import StarfleetAWS

/// The local GitHub API stand-in (`scripts/moto/github_api_stub.py`): checks the app JWT with
/// the app's public key, issues installation tokens, answers zipball downloads with a redirect
/// to the archive the test set with ``setZipball(_:)``.
public final class GitHubAPIStub: Sendable {
    /// The zip the stub serves: `files` and `symlinks` under `top/`, `raw` entries verbatim,
    /// and every file of `directory`.
    public struct Zipball: Encodable, Sendable {
        public var top: String
        public var files: [String: String]
        public var symlinks: [String: String]
        public var raw: [String: String]
        public var directory: String?

        public init(top: String = "acme-templates-1a2b3c4", files: [String: String] = [:], symlinks: [String: String] = [:],
                    raw: [String: String] = [:], directory: String? = nil) {
            self.top = top
            self.files = files
            self.symlinks = symlinks
            self.raw = raw
            self.directory = directory
        }
    }

    public struct Request: Decodable, Sendable, Equatable {
        public var method: String
        public var path: String
        public var authorization: Bool
    }

    public let endpoint: URL
    public let port: Int
    private let child: SupervisedProcess

    private init(endpoint: URL, port: Int, child: SupervisedProcess) {
        self.endpoint = endpoint
        self.port = port
        self.child = child
    }

    public static func start(appId: String, installationId: String) async throws -> GitHubAPIStub {
        let settings = String(decoding: try JSONEncoder().encode(["app_id": appId, "installation_id": installationId]), as: UTF8.self)
        let (child, port, endpoint) = try await SupervisedProcess.startLoopbackStub(
            script: RepositoryPaths.motoScript("github_api_stub.py"), arguments: [settings], logName: "github-stub")
        return GitHubAPIStub(endpoint: endpoint, port: port, child: child)
    }

    /// The app's private key (PKCS#1 PEM), to store where the ship reads it.
    public func appKeyPEM() async throws -> String {
        String(decoding: try await control("GET", "/__stub__/app-key").body, as: UTF8.self)
    }

    public func setZipball(_ zipball: Zipball) async throws {
        _ = try await control("POST", "/__stub__/zipball", body: try JSONEncoder().encode(zipball))
    }

    /// Every API request so far (control requests excluded).
    public func requests() async throws -> [Request] {
        try JSONDecoder().decode([Request].self, from: try await control("GET", "/__stub__/requests").body)
    }

    private func control(_ method: String, _ path: String, body: Data = Data()) async throws -> AWSHTTPResponse {
        let request = AWSHTTPRequest(method: method, scheme: "http", host: "127.0.0.1", port: port, path: path, body: body)
        let response = try await AsyncHTTPClientTransport.shared.send(request, timeout: 60)
        guard response.isSuccess else {
            throw MotoServerError(message: "GitHub stub \(method) \(path): HTTP \(response.statusCode) \(response.bodySnippet())")
        }
        return response
    }

    public func stop() {
        child.stop()
    }

    deinit {
        child.stop()
    }
}
