import Foundation
import StarfleetAWS

/// A local Lambda Runtime API (`scripts/lambda/runtime_api_stub.py`) on a free loopback port: it
/// hands out the given events, one per `next` call, then blocks `next`; it records what the
/// function posts back.
///
/// ```swift
/// let stub = try await RuntimeAPIStub.start([.init(id: "r1", event: #"{"name": "DAILY"}"#)])
/// // run the binary with AWS_LAMBDA_RUNTIME_API=stub.address …
/// let results = try await stub.waitForResults(1, timeout: 60)
/// ```
public final class RuntimeAPIStub: Sendable {
    public struct Event: Sendable {
        public let id: String
        /// The event as JSON text.
        public let event: String

        public init(id: String, event: String) {
            self.id = id
            self.event = event
        }

        var json: String {
            let quotedId = String(decoding: (try? JSONEncoder().encode(id)) ?? Data("\"\"".utf8), as: UTF8.self)
            return "{\"id\": \(quotedId), \"event\": \(event)}"
        }
    }

    /// One call the function made back: `response`, `error` or `init_error`.
    public struct Result: Sendable, Decodable {
        public let kind: String
        public let id: String?
        public let body: String
        public let headers: [String: String]

        public var json: [String: Any]? { (try? JSONSerialization.jsonObject(with: Data(body.utf8))) as? [String: Any] }
    }

    public struct State: Sendable, Decodable {
        public let next_calls: Int
        /// `time.monotonic()` of the stub's first `next` call (CLOCK_MONOTONIC seconds).
        public let first_next_at: Double?
        public let results: [Result]
    }

    public let port: Int
    private let child: SupervisedProcess
    private let directory: TemporaryDirectory

    /// `AWS_LAMBDA_RUNTIME_API` for the function.
    public var address: String { "127.0.0.1:\(port)" }

    private init(port: Int, child: SupervisedProcess, directory: TemporaryDirectory) {
        self.port = port
        self.child = child
        self.directory = directory
    }

    public static func start(_ events: [Event]) async throws -> RuntimeAPIStub {
        let directory = try TemporaryDirectory(prefix: "runtime-api-stub")
        let file = try directory.write("[" + events.map(\.json).joined(separator: ",\n") + "]", to: "events.json")
        let (child, port) = try await SupervisedProcess.startPythonStub(
            script: RepositoryPaths.root.appendingPathComponent("scripts/lambda/runtime_api_stub.py"), arguments: [file.path],
            logName: "runtime-api-stub")
        return RuntimeAPIStub(port: port, child: child, directory: directory)
    }

    public func state() async throws -> State {
        let request = AWSHTTPRequest(method: "GET", scheme: "http", host: "127.0.0.1", port: port, path: "/__stub__/results")
        let response = try await AsyncHTTPClientTransport.shared.send(request, timeout: 10)
        return try JSONDecoder().decode(State.self, from: response.body)
    }

    /// Waits until at least `count` results were posted (or `timeout` passes) and returns them all.
    public func waitForResults(_ count: Int, timeout: TimeInterval) async throws -> [Result] {
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            let results = try await state().results
            if results.count >= count || Date() >= deadline { return results }
            try await Task.sleep(nanoseconds: 100_000_000)
        }
    }

    public func stop() {
        child.stop()
    }

    deinit {
        child.stop()
    }
}
