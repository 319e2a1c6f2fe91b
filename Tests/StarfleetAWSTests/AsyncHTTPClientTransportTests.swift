import Foundation
import StarfleetTestSupport
import Testing

@testable import StarfleetAWS

/// The transport alone against the scripted local HTTP stub: deadlines, connection failures,
/// and that what arrives on the wire is what the signer signed.
@Suite("AsyncHTTPClient transport")
struct AsyncHTTPClientTransportTests {
    let transport = AsyncHTTPClientTransport.shared

    static func request(_ method: String, to stub: LocalHTTPStub, path: String = "/", body: Data = Data()) -> AWSHTTPRequest {
        AWSHTTPRequest(method: method, scheme: "http", host: "127.0.0.1", port: stub.port, path: path, body: body)
    }

    /// Sends `request` with `timeout`, expecting a ``TransportError``; returns it and the seconds taken.
    func failure(of request: AWSHTTPRequest, timeout: TimeInterval) async throws -> (TransportError, TimeInterval) {
        let started = Date()
        let error = try await #require(throws: TransportError.self) { try await transport.send(request, timeout: timeout) }
        return (error, Date().timeIntervalSince(started))
    }

    @Test func aHangingServerFailsAtTheDeadline() async throws {
        let stub = try await LocalHTTPStub.start([.hang])
        let (error, elapsed) = try await failure(of: Self.request("GET", to: stub), timeout: 0.5)
        #expect(error == .timedOut(0.5))
        #expect(error.description == "no response within 0.50 s")
        // Upper bounds leave room for a loaded CI machine; the server itself never answers.
        #expect(elapsed >= 0.5 && elapsed < 60, "took \(elapsed) s")
    }

    @Test func aTricklingBodyFailsAtTheDeadline() async throws {
        // The head arrives at once and a byte every 0.2 s: only a deadline on the whole exchange stops it.
        let stub = try await LocalHTTPStub.start([.trickle])
        let (error, elapsed) = try await failure(of: Self.request("GET", to: stub), timeout: 1)
        #expect(error == .timedOut(1))
        #expect(elapsed >= 1 && elapsed < 60, "took \(elapsed) s")
    }

    @Test func aClosedPortCannotConnect() async throws {
        let port = try FreePort.find()
        let request = AWSHTTPRequest(method: "GET", scheme: "http", host: "127.0.0.1", port: port)
        let (error, elapsed) = try await failure(of: request, timeout: 60)
        guard case .cannotConnect(let detail) = error else {
            Issue.record("expected cannotConnect, got \(error)")
            return
        }
        #expect(detail == "Connection refused (errno \(ECONNREFUSED))")
        #expect(error.description == "cannot connect (Connection refused (errno \(ECONNREFUSED)))")
        // Far below the 60 s timeout: refused at once, not retried until the deadline (a loaded CI
        // machine has taken 7 s to schedule it).
        #expect(elapsed < 90, "a refused connection must fail at once, took \(elapsed) s")
    }

    @Test func aDroppedConnectionIsLost() async throws {
        let stub = try await LocalHTTPStub.start([StubResponse(action: .close)])
        let (error, _) = try await failure(of: Self.request("GET", to: stub), timeout: 10)
        guard case .connectionLost = error else {
            Issue.record("expected connectionLost, got \(error)")
            return
        }
    }

    @Test func cancellingTheTaskStopsTheExchange() async throws {
        let stub = try await LocalHTTPStub.start([.hang])
        let request = Self.request("GET", to: stub)
        let started = Date()
        let task = Task { try await transport.send(request, timeout: 300) }
        try await Task.sleep(for: .milliseconds(300))
        task.cancel()
        await #expect(throws: CancellationError.self) { try await task.value }
        #expect(Date().timeIntervalSince(started) < 120, "cancelled, not ended by the 300 s deadline")
    }

    @Test func theHostWithANonDefaultPortArrivesAsSigned() async throws {
        let stub = try await LocalHTTPStub.start([.json("{}")])
        let credentials = AWSCredentials(accessKeyId: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY")
        let scope = SigningScope(region: "us-east-1", service: "organizations")
        let date = Date(timeIntervalSince1970: 1_700_000_000)
        var unsigned = Self.request("POST", to: stub, body: Data(#"{"MaxResults":20}"#.utf8))
        unsigned.headers.add(name: "Content-Type", value: "application/x-amz-json-1.1")
        unsigned.headers.add(name: "X-Amz-Target", value: "AWSOrganizationsV20161128.ListAccounts")
        let signed = SigV4Signer.standard.sign(unsigned, credentials: credentials, scope: scope, date: date)
        #expect(signed.hostHeader == "127.0.0.1:\(stub.port)")

        let response = try await transport.send(signed, timeout: 10)
        #expect(response.statusCode == 200)
        #expect(response.headers["Content-Type"] == "application/x-amz-json-1.1")

        let arrived = try #require(try await stub.requests().first)
        #expect(arrived.header("Host") == "127.0.0.1:\(stub.port)")
        // Nothing but the signed headers and the framing went on the wire.
        let sentNames = Set(signed.headers.map { $0.name.lowercased() } + ["host", "content-length"])
        #expect(Set(arrived.headers.keys.map { $0.lowercased() }) == sentNames)
        // What a server verifies: the signature recomputed over what arrived matches the one sent.
        var received = Self.request(arrived.method, to: stub, path: arrived.path, body: Data(arrived.body.utf8))
        for (name, value) in arrived.headers where name.lowercased() != "authorization" {
            received.headers.add(name: name, value: value)
        }
        let recomputed = SigV4Signer.standard.signature(for: received, credentials: credentials, scope: scope, date: date)
        #expect(arrived.header("Authorization") == recomputed.authorizationHeader)
    }

    @Test func anEmptyPostSendsContentLengthZero() async throws {
        let stub = try await LocalHTTPStub.start([.json("{}")])
        _ = try await transport.send(Self.request("POST", to: stub), timeout: 10)
        _ = try await transport.send(Self.request("PUT", to: stub), timeout: 10)
        _ = try await transport.send(Self.request("GET", to: stub), timeout: 10)
        let arrived = try await stub.requests()
        #expect(arrived.map(\.method) == ["POST", "PUT", "GET"])
        #expect(arrived.map { $0.header("Content-Length") } == ["0", "0", nil])
        #expect(arrived.allSatisfy { $0.header("Transfer-Encoding") == nil })
    }

    @Test func aLargeBodyRoundTrips() async throws {
        let stub = try await LocalHTTPStub.start([StubResponse(headers: ["Content-Type": "text/plain"], action: .echo)])
        let payload = Data((0..<5 * 1024 * 1024).map { UInt8(ascii: "a") + UInt8($0 % 26) })
        let response = try await transport.send(Self.request("PUT", to: stub, path: "/big", body: payload), timeout: 120)
        #expect(response.statusCode == 200)
        // The echo is the request's headers, a blank line, then the body.
        #expect(response.body.count > payload.count)
        #expect(response.body.suffix(payload.count) == payload)
        let arrived = try #require(try await stub.requests().first)
        #expect(arrived.header("Content-Length") == String(payload.count))
    }

    @Test func anOversizedBodyIsRefusedWithAClearError() async throws {
        let stub = try await LocalHTTPStub.start([StubResponse(body: String(repeating: "x", count: 4096))])
        let small = AsyncHTTPClientTransport(maximumBodyBytes: 1024)
        let error = try await #require(throws: TransportError.self) { try await small.send(Self.request("GET", to: stub), timeout: 10) }
        #expect(error == .other("the response body is larger than the 1024 bytes this client accepts"))
        // The limit is per transport: the shared one still reads the same answer.
        #expect(try await transport.send(Self.request("GET", to: stub), timeout: 10).body.count == 4096)
    }
}
