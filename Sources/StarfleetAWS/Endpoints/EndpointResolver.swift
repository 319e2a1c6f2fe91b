import Foundation

/// Resolves service endpoints from standard host names and the `AWS_ENDPOINT_URL` overrides.
///
/// Order: `AWS_ENDPOINT_URL_<SERVICE>` (e.g. `AWS_ENDPOINT_URL_CONFIG_SERVICE`), then
/// `AWS_ENDPOINT_URL`, then the standard name. `AWS_IGNORE_CONFIGURED_ENDPOINT_URLS=true`
/// disables both overrides. Global services (Organizations, IAM) have one host per partition and
/// are signed for the partition's home region (`us-east-1` in the commercial partition), also
/// when overridden.
public struct EndpointResolver: Sendable, Equatable {
    public let environment: [String: String]

    public init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.environment = environment
    }

    public func resolve(_ service: AWSService, region: String) throws -> ResolvedEndpoint {
        let signingRegion = Self.signingRegion(for: service, region: region)
        if let (variable, value) = overrideValue(for: service) {
            guard let components = URLComponents(string: value), let scheme = components.scheme?.lowercased(),
                scheme == "http" || scheme == "https", let host = components.host, !host.isEmpty
            else {
                throw AWSError.configuration(
                    service: service.displayName, operation: "endpoint",
                    "\(variable)=\(value) is not a usable endpoint URL (expected http(s)://host[:port])")
            }
            var basePath = components.percentEncodedPath
            while basePath.hasSuffix("/") { basePath.removeLast() }
            return ResolvedEndpoint(
                scheme: scheme, host: host, port: components.port, basePath: basePath, signingRegion: signingRegion,
                signingName: service.signingName, isOverridden: true, overrideVariable: variable)
        }
        return ResolvedEndpoint(
            scheme: "https", host: Self.standardHost(for: service, region: region),
            signingRegion: signingRegion, signingName: service.signingName)
    }

    /// The override variable and value that apply to `service`, if any.
    public func overrideValue(for service: AWSService) -> (variable: String, value: String)? {
        if environment["AWS_IGNORE_CONFIGURED_ENDPOINT_URLS"]?.lowercased() == "true" { return nil }
        let specific = "AWS_ENDPOINT_URL_\(service.environmentKey)"
        if let value = environment[specific], !value.isEmpty { return (specific, value) }
        if let value = environment["AWS_ENDPOINT_URL"], !value.isEmpty { return ("AWS_ENDPOINT_URL", value) }
        return nil
    }

    // MARK: - Standard names

    static func dnsSuffix(for region: String) -> String {
        region.hasPrefix("cn-") ? "amazonaws.com.cn" : "amazonaws.com"
    }

    static func signingRegion(for service: AWSService, region: String) -> String {
        guard service.isGlobal else { return region }
        if region.hasPrefix("cn-") { return service.endpointPrefix == "organizations" ? "cn-northwest-1" : "cn-north-1" }
        if region.hasPrefix("us-gov-") { return "us-gov-west-1" }
        return "us-east-1"
    }

    static func standardHost(for service: AWSService, region: String) -> String {
        let suffix = dnsSuffix(for: region)
        if service.isGlobal {
            let home = signingRegion(for: service, region: region)
            if service.endpointPrefix == "iam" && home == "us-east-1" { return "iam.amazonaws.com" }
            return "\(service.endpointPrefix).\(home).\(suffix)"
        }
        return "\(service.endpointPrefix).\(region).\(suffix)"
    }
}
