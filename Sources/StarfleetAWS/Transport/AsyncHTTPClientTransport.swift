import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix
import NIOSSL

/// ``HTTPTransport`` over AsyncHTTPClient (SwiftNIO).
///
/// Replaces `URLSession`, whose Linux implementation spins while a request is outstanding.
/// The timeout is a hard deadline on the whole exchange, body included, so a server that
/// accepts the connection and never answers (or trickles bytes) still fails in time.
public struct AsyncHTTPClientTransport: HTTPTransport {
    public static let shared = AsyncHTTPClientTransport()

    /// One client for the whole process, never shut down: its event-loop threads die with the
    /// process, and a static is never deinitialised, so nothing waits at exit.
    private static let processClient: HTTPClient = {
        var configuration = HTTPClient.Configuration(redirectConfiguration: .disallow, decompression: .disabled)
        // SigV4 signs the Host header; HTTP/2 would carry it as :authority instead.
        configuration.httpVersion = .http1Only
        // Fail a refused connection at once, like URLSession did: RetryPolicy decides about retries.
        configuration.connectionPool.retryConnectionEstablishment = false
        // The Starbase keeps dozens of SQS batches in flight; AHC's default allows 8 connections per host.
        configuration.connectionPool.concurrentHTTP1ConnectionsPerHostSoftLimit = 64
        return HTTPClient(eventLoopGroup: .singletonMultiThreadedEventLoopGroup, configuration: configuration)
    }()

    /// The largest response body accepted; the AWS answers we read are far smaller.
    public let maximumBodyBytes: Int
    private let client: HTTPClient

    public init(maximumBodyBytes: Int = 256 * 1024 * 1024) {
        self.maximumBodyBytes = maximumBodyBytes
        self.client = Self.processClient
    }

    public func send(_ request: AWSHTTPRequest, timeout: TimeInterval) async throws -> AWSHTTPResponse {
        let outgoing = try Self.makeRequest(request)
        guard timeout.isFinite, timeout > 0 else {
            throw TransportError.invalidRequest("the timeout must be a positive number of seconds, not \(timeout)")
        }
        // Clamped so the nanosecond count fits in 64 bits; a year is "no timeout" here.
        let nanoseconds = Int64(min(timeout, 365 * 86_400) * 1_000_000_000)
        let deadline = NIODeadline.now() + .nanoseconds(nanoseconds)
        return try await withThrowingTaskGroup(of: AWSHTTPResponse.self) { group in
            group.addTask { try await exchange(outgoing, deadline: deadline, timeout: timeout) }
            // AsyncHTTPClient's deadline stops at the response head; this one also covers the body.
            group.addTask {
                try await Task.sleep(nanoseconds: UInt64(nanoseconds))
                throw TransportError.timedOut(timeout)
            }
            defer { group.cancelAll() }
            guard let first = try await group.next() else {
                throw TransportError.other("the HTTP exchange ended without a result")
            }
            return first
        }
    }

    private func exchange(_ outgoing: HTTPClientRequest, deadline: NIODeadline, timeout: TimeInterval) async throws -> AWSHTTPResponse {
        do {
            let response = try await client.execute(outgoing, deadline: deadline)
            let body = try await response.body.collect(upTo: maximumBodyBytes)
            var headers = HTTPHeaders()
            for (name, value) in response.headers {
                headers.add(name: name, value: value)
            }
            return AWSHTTPResponse(statusCode: Int(response.status.code), headers: headers, body: Data(body.readableBytesView))
        } catch {
            if Task.isCancelled { throw CancellationError() }
            throw Self.map(error, timeout: timeout, maximumBodyBytes: maximumBodyBytes)
        }
    }

    /// The request exactly as signed: every signed header, and the Host the signer used.
    static func makeRequest(_ request: AWSHTTPRequest) throws -> HTTPClientRequest {
        guard let url = request.url else {
            throw TransportError.invalidRequest("cannot form a URL from \(request.endpointDescription)\(request.path)")
        }
        var outgoing = HTTPClientRequest(url: url.absoluteString)
        outgoing.method = HTTPMethod(rawValue: request.method.uppercased())
        if !request.headers.contains("host") {
            // The signer signs `hostHeader` when the request has no Host of its own.
            outgoing.headers.add(name: "Host", value: request.hostHeader)
        }
        for field in request.headers {
            outgoing.headers.add(name: field.name, value: field.value)
        }
        // With no body, AsyncHTTPClient still sends `Content-Length: 0` for POST and PUT.
        if !request.body.isEmpty {
            outgoing.body = .bytes(request.body)
        }
        return outgoing
    }

    static func map(_ error: any Error, timeout: TimeInterval, maximumBodyBytes: Int) -> TransportError {
        switch error {
        case let error as HTTPClientError:
            switch error {
            case .deadlineExceeded, .readTimeout, .writeTimeout:
                return .timedOut(timeout)
            case .connectTimeout:
                return .cannotConnect("connecting timed out")
            case .tlsHandshakeTimeout:
                return .cannotConnect("the TLS handshake timed out")
            case .remoteConnectionClosed:
                return .connectionLost("the server closed the connection")
            case .invalidURL, .emptyHost, .emptyScheme, .traceRequestWithBody:
                return .invalidRequest("\(error)")
            default:
                return .other("HTTP client error: \(error)")
            }
        case let error as NIOConnectionError:
            return .cannotConnect(Self.describe(error))
        case let error as NIOSSLError:
            return .cannotConnect("TLS failure: \(error)")
        case is NIOTooManyBytesError:
            return .other("the response body is larger than the \(maximumBodyBytes) bytes this client accepts")
        case let error as IOError where [ECONNRESET, EPIPE, ECONNABORTED].contains(error.errnoCode):
            return .connectionLost(describe(error))
        case let error as IOError where [ECONNREFUSED, EHOSTUNREACH, ENETUNREACH, ETIMEDOUT].contains(error.errnoCode):
            return .cannotConnect(describe(error))
        case let error as ChannelError where error == .eof || error == .ioOnClosedChannel || error == .outputClosed:
            return .connectionLost("\(error)")
        case let error as HTTPParserError:
            return .connectionLost("unparsable HTTP response: \(error)")
        default:
            return .other("HTTP transport failure: \(String(reflecting: error))")
        }
    }

    /// "Connection refused, example.com:443": NIO's own description is a struct dump.
    private static func describe(_ error: NIOConnectionError) -> String {
        let causes = error.connectionErrors.map { describe($0.error) }
            + [error.dnsAError, error.dnsAAAAError].compactMap { $0.map { "DNS lookup failed: \($0)" } }
        let cause = causes.first ?? "no address to connect to"
        return "\(cause), \(error.host):\(error.port)"
    }

    /// "Connection refused (errno 111)" rather than NIO's "connection reset (error set): …".
    private static func describe(_ error: any Error) -> String {
        guard let error = error as? IOError else { return "\(error)" }
        return "\(String(cString: strerror(error.errnoCode))) (errno \(error.errnoCode))"
    }
}
