import Foundation
import StarfleetAWS

/// A real `moto_server` on a free loopback port, for end-to-end AWS tests.
///
/// ```swift
/// let moto = try await MotoServer.start()
/// let session = AWSSession(region: "us-east-1", credentialsProvider: MotoServer.credentialsProvider,
///                          environment: moto.clientEnvironment)
/// ```
/// The server is started through `scripts/moto/supervise.py`, whose stdin is a pipe from this
/// process: when this process ends for any reason, the server is stopped too. ``stop()`` (or
/// deinit) stops it earlier. For a suite, share one server through ``SharedMotoServer``.
public final class MotoServer: Sendable {
    public let endpoint: URL
    public let port: Int
    /// `INITIAL_NO_AUTH_ACTION_COUNT` the server was started with (then it verifies SigV4 after
    /// that many requests), or nil.
    public let initialNoAuthActionCount: Int?
    private let child: SupervisedProcess

    /// The dummy credentials moto is started with.
    public static let accessKeyId = "testing"
    public static let secretAccessKey = "testing"
    public static let region = "us-east-1"
    public static let credentialsProvider = StaticCredentialsProvider(accessKeyId: accessKeyId, secretAccessKey: secretAccessKey)

    /// Environment for clients and child processes (the `starfleet` binary, boto3 scripts):
    /// dummy credentials, region, `AWS_ENDPOINT_URL` pointing here; nothing else.
    public var clientEnvironment: [String: String] {
        [
            "AWS_ACCESS_KEY_ID": Self.accessKeyId, "AWS_SECRET_ACCESS_KEY": Self.secretAccessKey,
            "AWS_DEFAULT_REGION": Self.region, "AWS_REGION": Self.region, "AWS_ENDPOINT_URL": endpoint.absoluteString,
        ]
    }

    /// This process's environment with ``clientEnvironment`` laid over it (and no AWS profile,
    /// session token or per-service endpoint from the outside leaking in).
    public var inheritedClientEnvironment: [String: String] {
        var environment = ProcessInfo.processInfo.environment.filter { key, _ in
            !key.hasPrefix("AWS_ENDPOINT_URL") && !["AWS_PROFILE", "AWS_SESSION_TOKEN", "AWS_DEFAULT_PROFILE"].contains(key)
        }
        environment.merge(clientEnvironment) { _, new in new }
        return environment
    }

    private init(endpoint: URL, port: Int, initialNoAuthActionCount: Int?, child: SupervisedProcess) {
        self.endpoint = endpoint
        self.port = port
        self.initialNoAuthActionCount = initialNoAuthActionCount
        self.child = child
    }

    /// Starts a server and waits until it answers.
    /// - Parameter initialNoAuthActionCount: when set, moto verifies signatures (and IAM
    ///   permissions) after that many requests.
    public static func start(initialNoAuthActionCount: Int? = nil, startupTimeout: TimeInterval = 30) async throws -> MotoServer {
        guard let motoServer = ProcessRunner.which("moto_server") else { throw MotoServerError.notInstalled }
        guard let python = ProcessRunner.which("python3") else {
            throw MotoServerError(message: "python3 is not on PATH; it is needed to supervise moto_server")
        }
        var environment = ProcessInfo.processInfo.environment
        environment["AWS_ACCESS_KEY_ID"] = accessKeyId
        environment["AWS_SECRET_ACCESS_KEY"] = secretAccessKey
        environment["AWS_DEFAULT_REGION"] = region
        environment["AWS_SESSION_TOKEN"] = nil
        // Loading the AMI catalogue is most of the cost of each account's first EC2 call, and
        // nothing here uses AMIs (see scripts/moto/start.sh).
        environment["MOTO_EC2_LOAD_DEFAULT_AMIS"] = environment["MOTO_EC2_LOAD_DEFAULT_AMIS"] ?? "false"
        if let initialNoAuthActionCount {
            environment["INITIAL_NO_AUTH_ACTION_COUNT"] = String(initialNoAuthActionCount)
        } else {
            environment["INITIAL_NO_AUTH_ACTION_COUNT"] = nil
        }

        var failures: [String] = []
        for _ in 0..<3 {
            let port = try FreePort.find()
            let child = try SupervisedProcess(
                executable: python,
                arguments: [RepositoryPaths.motoScript("supervise.py").path, motoServer, "-H", "127.0.0.1", "-p", String(port)],
                environment: environment, logName: "moto-\(port)")
            guard let endpoint = URL(string: "http://127.0.0.1:\(port)") else { continue }
            if await waitUntilAnswering(endpoint, child: child, timeout: startupTimeout) {
                return MotoServer(endpoint: endpoint, port: port, initialNoAuthActionCount: initialNoAuthActionCount, child: child)
            }
            failures.append("port \(port): \(child.logTail(8))")
            child.stop()
        }
        throw MotoServerError(message: "moto_server did not start:\n" + failures.joined(separator: "\n"))
    }

    private static func waitUntilAnswering(_ endpoint: URL, child: SupervisedProcess, timeout: TimeInterval) async -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if !child.isRunning { return false }
            if let response = try? await control("GET", "/moto-api/", endpoint: endpoint, timeout: 1), response.statusCode == 200 {
                return true
            }
            try? await Task.sleep(nanoseconds: 100_000_000)
        }
        return false
    }

    /// Clears every resource (`POST /moto-api/reset`).
    public func reset() async throws {
        let response = try await Self.control("POST", "/moto-api/reset", endpoint: endpoint, timeout: 10)
        guard response.statusCode == 200 else {
            throw MotoServerError(message: "moto reset answered HTTP \(response.statusCode): \(response.bodySnippet())")
        }
    }

    /// Switches signature/permission checking: verify after `count` more requests (nil: never).
    public func setInitialNoAuthActionCount(_ count: Int?) async throws {
        let body = count.map(String.init) ?? "inf"
        // text/plain: moto reads the raw body; a form content type would leave it empty.
        let response = try await Self.control(
            "POST", "/moto-api/reset-auth", endpoint: endpoint, headers: ["Content-Type": "text/plain"], body: Data(body.utf8),
            timeout: 10)
        guard response.statusCode == 200 else {
            throw MotoServerError(message: "moto reset-auth answered HTTP \(response.statusCode): \(response.bodySnippet())")
        }
    }

    /// The server's stderr so far (its request log), for failure messages.
    public func logTail(_ lines: Int = 20) -> String { child.logTail(lines) }

    public var isRunning: Bool { child.isRunning }

    /// The moto_server process id (the supervisor's child), once announced.
    public var serverProcessID: Int32? { child.announcedChildPID }

    /// Stops the server and waits (off the cooperative pool) for it to exit.
    public func stop() async {
        await child.stopAndWait()
    }

    deinit {
        child.stop()
    }

    static func control(
        _ method: String, _ path: String, endpoint: URL, headers: HTTPHeaders = HTTPHeaders(), body: Data = Data(),
        timeout: TimeInterval
    ) async throws -> AWSHTTPResponse {
        let request = AWSHTTPRequest(
            method: method, scheme: "http", host: endpoint.host ?? "127.0.0.1", port: endpoint.port, path: path,
            headers: headers, body: body)
        return try await AsyncHTTPClientTransport.shared.send(request, timeout: timeout)
    }
}
