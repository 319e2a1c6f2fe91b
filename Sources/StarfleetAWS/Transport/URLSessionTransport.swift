import Foundation

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// ``HTTPTransport`` over Foundation's `URLSession`.
///
/// The timeout is a hard deadline on the whole exchange, so a server that accepts the
/// connection and never answers (or trickles bytes) still fails in time.
public final class URLSessionTransport: HTTPTransport, @unchecked Sendable {
    // `URLSession` is thread-safe; the class only holds it.
    private let session: URLSession

    public static let shared = URLSessionTransport()

    public init() {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
        configuration.urlCache = nil
        configuration.httpCookieStorage = nil
        configuration.httpShouldSetCookies = false
        self.session = URLSession(configuration: configuration)
    }

    deinit {
        session.finishTasksAndInvalidate()
    }

    public func send(_ request: AWSHTTPRequest, timeout: TimeInterval) async throws -> AWSHTTPResponse {
        guard let url = request.url else {
            throw TransportError.invalidRequest("cannot form a URL from \(request.endpointDescription)\(request.path)")
        }
        var urlRequest = URLRequest(url: url)
        urlRequest.httpMethod = request.method
        // Foundation on Linux truncates this to whole seconds (0.5 becomes "time out at once"), so
        // it is only a backstop; the hard deadline below enforces the real timeout.
        urlRequest.timeoutInterval = timeout.rounded(.up) + 1
        for field in request.headers where field.name.lowercased() != "host" {
            urlRequest.addValue(field.value, forHTTPHeaderField: field.name)
        }
        if !request.body.isEmpty || ["POST", "PUT", "PATCH"].contains(request.method.uppercased()) {
            urlRequest.httpBody = request.body
        }

        let exchange = Exchange()
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<AWSHTTPResponse, any Error>) in
                exchange.start(continuation)
                let task = session.dataTask(with: urlRequest) { data, response, error in
                    exchange.finish(Self.result(data: data, response: response, error: error, timeout: timeout))
                }
                exchange.attach(task)
                task.resume()
                DispatchQueue.global().asyncAfter(deadline: .now() + timeout) {
                    exchange.finish(.failure(TransportError.timedOut(timeout)))
                }
            }
        } onCancel: {
            exchange.finish(.failure(CancellationError()))
        }
    }

    private static func result(data: Data?, response: URLResponse?, error: (any Error)?, timeout: TimeInterval) -> Result<AWSHTTPResponse, any Error> {
        if let error {
            return .failure(map(error, timeout: timeout))
        }
        guard let http = response as? HTTPURLResponse else {
            return .failure(TransportError.other("the response is not an HTTP response"))
        }
        var headers = HTTPHeaders()
        for (name, value) in http.allHeaderFields {
            headers.add(name: String(describing: name), value: String(describing: value))
        }
        return .success(AWSHTTPResponse(statusCode: http.statusCode, headers: headers, body: data ?? Data()))
    }

    private static func map(_ error: any Error, timeout: TimeInterval) -> TransportError {
        guard let urlError = error as? URLError else {
            return .other(String(describing: error))
        }
        let detail = urlError.localizedDescription
        switch urlError.code {
        case .timedOut:
            return .timedOut(timeout)
        case .cannotConnectToHost, .cannotFindHost, .dnsLookupFailed, .notConnectedToInternet,
            .secureConnectionFailed, .serverCertificateUntrusted, .serverCertificateHasBadDate,
            .serverCertificateNotYetValid, .serverCertificateHasUnknownRoot, .clientCertificateRejected,
            .cannotLoadFromNetwork, .internationalRoamingOff, .dataNotAllowed:
            return .cannotConnect("\(detail), URLError \(urlError.code.rawValue)")
        case .networkConnectionLost, .badServerResponse, .zeroByteResource, .cannotParseResponse:
            return .connectionLost("\(detail), URLError \(urlError.code.rawValue)")
        default:
            return .other("\(detail), URLError \(urlError.code.rawValue)")
        }
    }
}

/// One request's completion: resumes the continuation exactly once, whichever of the data task,
/// the deadline or cancellation comes first, and cancels the data task when it lost.
private final class Exchange: @unchecked Sendable {
    private let lock = NSLock()
    private var continuation: CheckedContinuation<AWSHTTPResponse, any Error>?
    private var task: URLSessionDataTask?
    private var pending: Result<AWSHTTPResponse, any Error>?
    private var done = false

    func start(_ continuation: CheckedContinuation<AWSHTTPResponse, any Error>) {
        lock.lock()
        if let pending {
            done = true
            lock.unlock()
            continuation.resume(with: pending)
            return
        }
        self.continuation = continuation
        lock.unlock()
    }

    func attach(_ task: URLSessionDataTask) {
        lock.lock()
        let alreadyDone = done
        self.task = task
        lock.unlock()
        if alreadyDone { task.cancel() }
    }

    func finish(_ result: Result<AWSHTTPResponse, any Error>) {
        lock.lock()
        guard !done else {
            lock.unlock()
            return
        }
        guard let continuation else {
            // Cancelled before the continuation existed: remember the outcome for `start`.
            if pending == nil { pending = result }
            lock.unlock()
            return
        }
        done = true
        self.continuation = nil
        let task = self.task
        lock.unlock()
        continuation.resume(with: result)
        if case .failure = result { task?.cancel() }
    }
}
