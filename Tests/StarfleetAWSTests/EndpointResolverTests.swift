import Foundation
import Testing

@testable import StarfleetAWS

@Suite("Endpoints")
struct EndpointResolverTests {
    @Test func standardHostNames() throws {
        let resolver = EndpointResolver(environment: [:])
        let cases: [(AWSService, String, String, String)] = [
            (.organizations, "eu-west-1", "organizations.us-east-1.amazonaws.com", "us-east-1"),
            (.organizations, "us-east-1", "organizations.us-east-1.amazonaws.com", "us-east-1"),
            (.sts, "eu-west-1", "sts.eu-west-1.amazonaws.com", "eu-west-1"),
            (.ec2, "ap-southeast-2", "ec2.ap-southeast-2.amazonaws.com", "ap-southeast-2"),
            (.s3, "us-west-2", "s3.us-west-2.amazonaws.com", "us-west-2"),
            (.iam, "eu-central-1", "iam.amazonaws.com", "us-east-1"),
            (.configService, "eu-north-1", "config.eu-north-1.amazonaws.com", "eu-north-1"),
            (.ec2, "cn-north-1", "ec2.cn-north-1.amazonaws.com.cn", "cn-north-1"),
        ]
        for (service, region, host, signingRegion) in cases {
            let endpoint = try resolver.resolve(service, region: region)
            #expect(endpoint.host == host, "\(service.displayName) in \(region)")
            #expect(endpoint.scheme == "https")
            #expect(endpoint.signingRegion == signingRegion, "\(service.displayName) in \(region)")
            #expect(endpoint.signingName == service.signingName)
            #expect(!endpoint.isOverridden)
        }
    }

    @Test func generalOverrideAppliesToEveryService() throws {
        let resolver = EndpointResolver(environment: ["AWS_ENDPOINT_URL": "http://127.0.0.1:5000"])
        for service in [AWSService.organizations, .sts, .ec2, .s3, .iam, .configService] {
            let endpoint = try resolver.resolve(service, region: "eu-west-1")
            #expect(endpoint.urlString == "http://127.0.0.1:5000")
            #expect(endpoint.isOverridden)
            #expect(endpoint.overrideVariable == "AWS_ENDPOINT_URL")
        }
        // Global services keep their signing region when overridden.
        #expect(try resolver.resolve(.organizations, region: "eu-west-1").signingRegion == "us-east-1")
        #expect(try resolver.resolve(.sts, region: "eu-west-1").signingRegion == "eu-west-1")
    }

    @Test func serviceSpecificOverrideWins() throws {
        let resolver = EndpointResolver(environment: [
            "AWS_ENDPOINT_URL": "http://general:1",
            "AWS_ENDPOINT_URL_CONFIG_SERVICE": "https://config.example:8443/base/",
            "AWS_ENDPOINT_URL_S3": "http://s3.local:9000",
            "AWS_ENDPOINT_URL_ORGANIZATIONS": "http://orgs.local",
        ])
        let config = try resolver.resolve(.configService, region: "us-east-1")
        #expect(config.scheme == "https")
        #expect(config.host == "config.example")
        #expect(config.port == 8443)
        #expect(config.basePath == "/base")
        #expect(config.overrideVariable == "AWS_ENDPOINT_URL_CONFIG_SERVICE")
        #expect(try resolver.resolve(.s3, region: "us-east-1").urlString == "http://s3.local:9000")
        #expect(try resolver.resolve(.organizations, region: "us-east-1").urlString == "http://orgs.local")
        #expect(try resolver.resolve(.sts, region: "us-east-1").urlString == "http://general:1")
    }

    @Test func ignoreConfiguredEndpoints() throws {
        let resolver = EndpointResolver(environment: [
            "AWS_ENDPOINT_URL": "http://127.0.0.1:5000", "AWS_IGNORE_CONFIGURED_ENDPOINT_URLS": "true",
        ])
        #expect(try resolver.resolve(.sts, region: "us-east-1").host == "sts.us-east-1.amazonaws.com")
    }

    @Test func unusableOverrideNamesTheVariable() throws {
        let resolver = EndpointResolver(environment: ["AWS_ENDPOINT_URL_STS": "localhost:5000"])
        let error = try #require(throws: AWSError.self) { try resolver.resolve(.sts, region: "us-east-1") }
        #expect(error.kind == .configuration)
        #expect(error.description.contains("AWS_ENDPOINT_URL_STS=localhost:5000"))
    }

    @Test func s3Addressing() throws {
        let credentials = StaticCredentialsProvider(accessKeyId: "a", secretAccessKey: "b")
        let standard = S3Client(client: try AWSClient(
            service: .s3, region: "eu-west-1", credentialsProvider: credentials, endpointResolver: EndpointResolver(environment: [:])))
        let virtual = try standard.request(method: "GET", bucket: "starfleet-templates", key: "a b/c.json")
        #expect(virtual.host == "starfleet-templates.s3.eu-west-1.amazonaws.com")
        #expect(virtual.path == "/a%20b/c.json")
        let dotted = try standard.request(method: "GET", bucket: "my.bucket", key: "k")
        #expect(dotted.host == "s3.eu-west-1.amazonaws.com")
        #expect(dotted.path == "/my.bucket/k")

        let overridden = S3Client(client: try AWSClient(
            service: .s3, region: "us-east-1", credentialsProvider: credentials,
            endpointResolver: EndpointResolver(environment: ["AWS_ENDPOINT_URL": "http://127.0.0.1:5000/prefix"])))
        let pathStyle = try overridden.request(method: "GET", bucket: "starfleet-templates", key: "x.json")
        #expect(pathStyle.host == "127.0.0.1")
        #expect(pathStyle.port == 5000)
        #expect(pathStyle.path == "/prefix/starfleet-templates/x.json")
        #expect(pathStyle.url?.absoluteString == "http://127.0.0.1:5000/prefix/starfleet-templates/x.json")
    }

    @Test func sessionBuildsClientsFromTheEnvironment() throws {
        let session = AWSSession(
            region: "eu-west-1", credentialsProvider: StaticCredentialsProvider(accessKeyId: "a", secretAccessKey: "b"),
            environment: ["AWS_ENDPOINT_URL_EC2": "http://127.0.0.1:1234"])
        #expect(try session.ec2().client.endpoint.urlString == "http://127.0.0.1:1234")
        #expect(try session.sts().client.endpoint.host == "sts.eu-west-1.amazonaws.com")
        #expect(try session.sts(region: "us-west-2").client.endpoint.host == "sts.us-west-2.amazonaws.com")
        #expect(try session.organizations().client.endpoint.signingRegion == "us-east-1")
        #expect(try session.client(for: .iam).endpoint.host == "iam.amazonaws.com")
        #expect(AWSSession.defaultRegion(environment: ["AWS_REGION": "ca-central-1", "AWS_DEFAULT_REGION": "x", "HOME": "/nonexistent"]) == "ca-central-1")
        #expect(AWSSession.defaultRegion(environment: ["HOME": "/nonexistent"]) == "us-east-1")
    }
}
