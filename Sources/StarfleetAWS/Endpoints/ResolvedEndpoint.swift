/// Where requests for one service in one region go, and how they are signed.
public struct ResolvedEndpoint: Sendable, Equatable {
    public var scheme: String
    public var host: String
    public var port: Int?
    /// Path prefix of an overridden endpoint URL (`/prefix` in `http://host/prefix`), or empty.
    public var basePath: String
    public var signingRegion: String
    public var signingName: String
    /// Whether the endpoint came from `AWS_ENDPOINT_URL…` rather than the standard host names.
    public var isOverridden: Bool
    /// The environment variable that set it, when overridden.
    public var overrideVariable: String?

    public init(
        scheme: String, host: String, port: Int? = nil, basePath: String = "", signingRegion: String,
        signingName: String, isOverridden: Bool = false, overrideVariable: String? = nil
    ) {
        self.scheme = scheme
        self.host = host
        self.port = port
        self.basePath = basePath
        self.signingRegion = signingRegion
        self.signingName = signingName
        self.isOverridden = isOverridden
        self.overrideVariable = overrideVariable
    }

    /// `scheme://host[:port][basePath]`.
    public var urlString: String {
        let portText = port.map { ":\($0)" } ?? ""
        return "\(scheme)://\(host)\(portText)\(basePath)"
    }
}
