import Foundation
import StarfleetAWS

/// A scripted HTTP server on a free loopback port for fault tests (`scripts/moto/http_stub.py`).
///
/// Each request consumes the next ``StubResponse``; the last one repeats forever:
/// ```swift
/// let stub = try await LocalHTTPStub.start([.jsonError("ThrottlingException"), .jsonError("ThrottlingException"), .json("{}")])
/// // … point a client at stub.endpoint …
/// #expect(try await stub.requests().count == 3)
/// ```
/// The stub exits when this process ends, or on ``stop()``/deinit.
public final class LocalHTTPStub: Sendable {
    public let endpoint: URL
    public let port: Int
    private let child: SupervisedProcess

    private init(endpoint: URL, port: Int, child: SupervisedProcess) {
        self.endpoint = endpoint
        self.port = port
        self.child = child
    }

    public static func start(_ responses: [StubResponse]) async throws -> LocalHTTPStub {
        struct Script: Encodable { var responses: [StubResponse] }
        let script = String(decoding: try JSONEncoder().encode(Script(responses: responses)), as: UTF8.self)
        let (child, port, endpoint) = try await SupervisedProcess.startLoopbackStub(
            script: RepositoryPaths.motoScript("http_stub.py"), arguments: [script], logName: "http-stub")
        return LocalHTTPStub(endpoint: endpoint, port: port, child: child)
    }

    /// "Answer `first` `times` times, then `then` forever."
    public static func start(repeating first: StubResponse, times: Int, then: StubResponse) async throws -> LocalHTTPStub {
        try await start(Array(repeating: first, count: times) + [then])
    }

    /// Every request received so far (control requests excluded).
    public func requests() async throws -> [RecordedRequest] {
        let request = AWSHTTPRequest(method: "GET", scheme: "http", host: "127.0.0.1", port: port, path: "/__stub__/requests")
        let response = try await AsyncHTTPClientTransport.shared.send(request, timeout: 10)
        return try JSONDecoder().decode([RecordedRequest].self, from: response.body)
    }

    /// Asks the stub to exit and returns at once (it is killed if it has not gone in 8 s).
    public func stop() {
        child.stop()
    }

    deinit {
        child.stop()
    }
}
