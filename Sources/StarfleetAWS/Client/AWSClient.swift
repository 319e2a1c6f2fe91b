import Foundation
import Logging

/// The generic client for one service in one region: resolves credentials, signs with SigV4,
/// sends through an ``HTTPTransport``, retries per ``RetryPolicy`` and turns failures into
/// ``AWSError``s that name the service, operation and endpoint.
///
/// Protocol helpers (``query(_:_:)``, ``json(_:input:)``) live in extensions; typed service
/// clients (`OrganizationsClient`, `S3Client`…) wrap it.
public struct AWSClient: AWSRequestSender {
    public let service: AWSService
    public let region: String
    public let endpoint: ResolvedEndpoint
    public let credentialsProvider: any CredentialsProvider
    public let transport: any HTTPTransport
    public let signer: any RequestSigner
    public let configuration: AWSClientConfiguration
    public let logger: Logger

    /// A client whose endpoint comes from `endpointResolver` (standard names or `AWS_ENDPOINT_URL…`).
    public init(
        service: AWSService, region: String, credentialsProvider: any CredentialsProvider,
        endpointResolver: EndpointResolver = EndpointResolver(),
        transport: any HTTPTransport = AsyncHTTPClientTransport.shared,
        configuration: AWSClientConfiguration = AWSClientConfiguration(),
        signer: (any RequestSigner)? = nil,
        logger: Logger = Logger(label: "starfleet.aws")
    ) throws {
        let endpoint = try endpointResolver.resolve(service, region: region)
        self.init(
            service: service, region: region, endpoint: endpoint, credentialsProvider: credentialsProvider,
            transport: transport, configuration: configuration, signer: signer, logger: logger)
    }

    /// A client for an explicit endpoint.
    public init(
        service: AWSService, region: String, endpoint: ResolvedEndpoint, credentialsProvider: any CredentialsProvider,
        transport: any HTTPTransport = AsyncHTTPClientTransport.shared,
        configuration: AWSClientConfiguration = AWSClientConfiguration(),
        signer: (any RequestSigner)? = nil,
        logger: Logger = Logger(label: "starfleet.aws")
    ) {
        self.service = service
        self.region = region
        self.endpoint = endpoint
        self.credentialsProvider = credentialsProvider
        self.transport = transport
        self.configuration = configuration
        self.signer = signer ?? (service.signingName == "s3" ? SigV4Signer.s3 : SigV4Signer.standard)
        self.logger = logger
    }

    public func makeRequest(
        method: String, path: String = "/", query: [QueryItem] = [], headers: HTTPHeaders = HTTPHeaders(), body: Data = Data()
    ) -> AWSHTTPRequest {
        let relative = path.hasPrefix("/") ? path : "/" + path
        return AWSHTTPRequest(
            method: method, scheme: endpoint.scheme, host: endpoint.host, port: endpoint.port,
            path: endpoint.basePath + relative, query: query, headers: headers, body: body)
    }

    public func send(operation: String, request: AWSHTTPRequest) async throws -> AWSHTTPResponse {
        let policy = configuration.retryPolicy
        let endpointText = request.endpointDescription + request.path
        var metadata: Logger.Metadata = [
            "aws.service": "\(service.displayName)", "aws.operation": "\(operation)",
            "aws.region": "\(region)", "aws.endpoint": "\(endpointText)",
        ]
        var attempt = 0
        while true {
            attempt += 1
            metadata["aws.attempt"] = "\(attempt)"
            let credentials = try await resolveCredentials(operation: operation)
            let redactor = Redactor(credentials: credentials)
            var unsigned = request
            unsigned.headers.replaceOrAdd(name: "User-Agent", value: configuration.userAgent)
            let signed = signer.sign(
                unsigned, credentials: credentials,
                scope: SigningScope(region: endpoint.signingRegion, service: endpoint.signingName), date: Date())

            logger.debug("AWS request", metadata: metadata)
            let started = Date()
            let error: AWSError
            do {
                let response = try await transport.send(signed, timeout: configuration.timeout)
                let elapsed = Date().timeIntervalSince(started)
                var responseMetadata = metadata
                responseMetadata["aws.status"] = "\(response.statusCode)"
                responseMetadata["aws.elapsed_ms"] = "\(Int(elapsed * 1000))"
                if let requestId = response.requestIdHeader { responseMetadata["aws.request_id"] = "\(requestId)" }
                logger.debug("AWS response", metadata: responseMetadata)
                if response.isSuccess { return response }
                error = makeError(from: response, operation: operation, endpoint: endpointText, redactor: redactor)
            } catch let transportError as TransportError {
                error = makeError(from: transportError, operation: operation, endpoint: endpointText, redactor: redactor)
            } catch is CancellationError {
                throw CancellationError()
            }

            var failure = error
            failure.attempts = attempt
            guard attempt < policy.maxAttempts, policy.isRetryable(error) else {
                var failureMetadata = metadata
                failureMetadata["aws.error_code"] = "\(failure.code)"
                logger.debug("AWS call failed", metadata: failureMetadata)
                throw failure
            }
            let delay = policy.delay(beforeRetry: attempt)
            var retryMetadata = metadata
            retryMetadata["aws.error_code"] = "\(error.code)"
            retryMetadata["aws.retry_in_ms"] = "\(Int(delay * 1000))"
            logger.warning("AWS call failed, retrying: \(error.code)", metadata: retryMetadata)
            if delay > 0 {
                try await Task.sleep(nanoseconds: UInt64(delay * 1_000_000_000))
            }
        }
    }

    // MARK: - Failures

    private func resolveCredentials(operation: String) async throws -> AWSCredentials {
        do {
            return try await credentialsProvider.credentials()
        } catch var error as AWSError where error.kind == .credentials {
            error.service = service.displayName
            error.operation = operation
            throw error
        }
    }

    func makeError(from response: AWSHTTPResponse, operation: String, endpoint: String, redactor: Redactor) -> AWSError {
        if let parsed = AWSErrorParser.parse(response) {
            return AWSError(
                kind: .service, service: service.displayName, operation: operation, endpoint: endpoint,
                code: parsed.code, message: redactor.redact(parsed.message), httpStatus: response.statusCode,
                requestId: parsed.requestId)
        }
        let contentType = response.headers["Content-Type"] ?? "no content type"
        let hint = response.statusCode >= 500
            ? " (moto answers operations it does not implement this way; otherwise check that the endpoint is an AWS endpoint)"
            : " (check that the endpoint is an AWS endpoint)"
        return AWSError(
            kind: .malformedResponse, service: service.displayName, operation: operation, endpoint: endpoint,
            code: "MalformedResponse",
            message: "expected an AWS error document, got \(contentType): \"\(redactor.redact(AWSErrorParser.excerpt(of: response)))\"\(hint)",
            httpStatus: response.statusCode, requestId: response.requestIdHeader)
    }

    func makeError(from error: TransportError, operation: String, endpoint: String, redactor: Redactor) -> AWSError {
        let overrideHint = self.endpoint.overrideVariable.map { " (set by \($0))" } ?? ""
        switch error {
        case .timedOut(let seconds):
            return AWSError(
                kind: .timeout, service: service.displayName, operation: operation, endpoint: endpoint,
                code: "RequestTimeout",
                message: "no response within \(TransportError.format(seconds)) s\(overrideHint); check network access to the endpoint or raise the timeout")
        case .cannotConnect(let detail), .connectionLost(let detail):
            let what = if case .cannotConnect = error { "cannot connect" } else { "connection closed before a complete response" }
            return AWSError(
                kind: .unreachableEndpoint, service: service.displayName, operation: operation, endpoint: endpoint,
                code: "EndpointUnreachable",
                message: "\(what)\(overrideHint): \(redactor.redact(detail)); check the endpoint URL, region and network")
        case .invalidRequest(let detail), .other(let detail):
            return AWSError(
                kind: .unreachableEndpoint, service: service.displayName, operation: operation, endpoint: endpoint,
                code: "TransportError", message: redactor.redact(detail))
        }
    }

    func malformed(_ operation: String, status: Int, _ detail: String) -> AWSError {
        AWSError(
            kind: .malformedResponse, service: service.displayName, operation: operation,
            endpoint: endpoint.urlString, code: "MalformedResponse", message: detail, httpStatus: status)
    }
}
