import Foundation
import StarfleetConsole
import StarfleetTestSupport
import Testing
@testable import StarfleetCLI

/// What the console's header learns from AWS: the identity from a real moto_server (started by
/// the test), a short reason when the endpoint is not there, and the profile/endpoint in effect.
@Suite("Console AWS context")
struct ConsoleAWSContextTests {
    static func environment(endpoint: String) -> [String: String] {
        ["AWS_ACCESS_KEY_ID": MotoServer.accessKeyId, "AWS_SECRET_ACCESS_KEY": MotoServer.secretAccessKey,
         "AWS_REGION": MotoServer.region, "AWS_ENDPOINT_URL": endpoint, "HOME": "/nonexistent"]
    }

    @Test("GetCallerIdentity against moto gives moto's account and ARN")
    func identityFromMoto() async throws {
        let server = try await SharedMotoServer.shared.get()
        let fetch = ConsoleAWSContext.callerIdentity(environment: Self.environment(endpoint: server.endpoint.absoluteString))
        let identity = try await fetch()
        #expect(identity.account == "123456789012")
        #expect(identity.arn.hasPrefix("arn:aws:sts::123456789012:"))
        #expect(identity.shortName == String(identity.arn.split(separator: ":").last ?? ""))
    }

    @Test("Nothing listening: a short reason naming the endpoint, within seconds")
    func unreachable() async throws {
        let port = try FreePort.find()
        let endpoint = "http://127.0.0.1:\(port)"
        let fetch = ConsoleAWSContext.callerIdentity(environment: Self.environment(endpoint: endpoint), requestTimeout: 2)
        do {
            let identity = try await fetch()
            Issue.record("expected a failure, got \(identity)")
        } catch {
            #expect(error.message.hasPrefix("cannot reach http://127.0.0.1:\(port)"), "\(error.message)")
        }
    }

    @Test("No credentials at all: said in two words")
    func noCredentials() async throws {
        let fetch = ConsoleAWSContext.callerIdentity(environment: ["AWS_ENDPOINT_URL": "http://127.0.0.1:9", "HOME": "/nonexistent",
                                                                    "AWS_SHARED_CREDENTIALS_FILE": "/nonexistent/c",
                                                                    "AWS_CONFIG_FILE": "/nonexistent/f"])
        do {
            _ = try await fetch()
            Issue.record("expected a failure")
        } catch {
            #expect(error.message == "no credentials")
        }
    }

    @Test("Profile and endpoint override as the header shows them")
    func connection() {
        #expect(ConsoleAWSContext.connection(environment: [:]).isEmpty)
        #expect(ConsoleAWSContext.connection(environment: ["AWS_PROFILE": "ops", "AWS_ENDPOINT_URL": "http://127.0.0.1:5000"])
            == ["profile ops", "endpoint http://127.0.0.1:5000"])
        #expect(ConsoleAWSContext.connection(environment: ["AWS_ENDPOINT_URL_STS": "http://localhost:4566"])
            == ["endpoint http://localhost:4566 (AWS_ENDPOINT_URL_STS)"])
        #expect(ConsoleAWSContext.connection(environment: ["AWS_ENDPOINT_URL": "http://x:1",
                                                           "AWS_IGNORE_CONFIGURED_ENDPOINT_URLS": "true"]).isEmpty)
    }
}
