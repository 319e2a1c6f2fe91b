import Foundation
import StarfleetAWS
import StarfleetRuntime
import StarfleetTestSupport
import Testing

/// The fleet's secret read from a real moto Secrets Manager: once per process, errors naming the
/// secret and never its value.
@Suite("Secrets Manager: the fleet's secret on moto")
struct StarfleetSecretsTests {
    static let token = "xoxb-1111-2222-secret-token"

    static func session(_ moto: MotoServer) -> AWSSession {
        AWSSession(region: "us-east-1", credentialsProvider: MotoServer.credentialsProvider,
                   environment: ["AWS_ENDPOINT_URL": moto.endpoint.absoluteString, "HOME": "/nonexistent"])
    }

    static func secrets(_ moto: MotoServer, secretId: String) -> StarfleetSecrets {
        let session = session(moto)
        return StarfleetSecrets(settings: SecretsManagerSettings(secretId: secretId, secretRegion: "us-east-1")) { region in
            try session.secretsManager(region: region)
        }
    }

    static func createSecret(_ moto: MotoServer, _ value: String) async throws -> String {
        let name = "starfleet-test-\(UUID().uuidString.prefix(8))"
        _ = try await session(moto).secretsManager().createSecret(name: name, secretString: value)
        return name
    }

    @Test func theSlackTokenIsReadOnceAndSharedByConcurrentFirstUses() async throws {
        let moto = try await SharedMotoServer.shared.get()
        let name = try await Self.createSecret(moto, #"{"STARFLEET": {"SlackToken": "\#(Self.token)"}, "Other": {"Key": "v"}}"#)
        let secrets = Self.secrets(moto, secretId: name)
        let values = try await withThrowingTaskGroup(of: String.self) { group in
            for _ in 0..<5 { group.addTask { try await secrets.value(section: "STARFLEET", key: "SlackToken") } }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(values == Array(repeating: Self.token, count: 5))
        #expect(try await secrets.value(section: "Other", key: "Key") == "v")
        #expect(await secrets.reads == 1)
        #expect(await secrets.redactor.redact("token \(Self.token) here") == "token <redacted> here")
    }

    @Test func aMissingSecretIsNamedAndTheNextUseTriesAgain() async throws {
        let moto = try await SharedMotoServer.shared.get()
        let secrets = Self.secrets(moto, secretId: "starfleet-no-such-secret")
        do throws(SecretsError) {
            _ = try await secrets.value(section: "STARFLEET", key: "SlackToken")
            Issue.record("expected an error")
        } catch {
            guard case .unreadable(let id, let region, let detail) = error else {
                Issue.record("unexpected \(error)")
                return
            }
            #expect(id == "starfleet-no-such-secret")
            #expect(region == "us-east-1")
            #expect(detail.contains("ResourceNotFoundException"), "\(detail)")
            #expect(error.description.hasPrefix("cannot read the secret starfleet-no-such-secret in us-east-1: "))
        }
        _ = try? await secrets.value(section: "STARFLEET", key: "SlackToken")
        #expect(await secrets.reads == 2)
    }

    @Test func aMissingKeyOrANonJSONSecretNamesTheSecretNeverItsValue() async throws {
        let moto = try await SharedMotoServer.shared.get()
        let withoutToken = try await Self.createSecret(moto, #"{"STARFLEET": {"Other": "\#(Self.token)"}}"#)
        do throws(SecretsError) {
            _ = try await Self.secrets(moto, secretId: withoutToken).value(section: "STARFLEET", key: "SlackToken")
            Issue.record("expected an error")
        } catch {
            #expect(error == .missingValue(secretId: withoutToken, section: "STARFLEET", key: "SlackToken"))
            #expect(error.description == "the secret \(withoutToken) has no string value at STARFLEET.SlackToken")
            #expect(!error.description.contains(Self.token))
        }
        let notJSON = try await Self.createSecret(moto, "plain \(Self.token)")
        do throws(SecretsError) {
            _ = try await Self.secrets(moto, secretId: notJSON).value(section: "STARFLEET", key: "SlackToken")
            Issue.record("expected an error")
        } catch {
            #expect(error == .notAJSONObject(secretId: notJSON))
            #expect(!error.description.contains(Self.token))
        }
    }

    @Test func withoutASecretsManagerSectionNothingIsRead() async throws {
        let secrets = StarfleetSecrets(settings: nil) { _ in
            Issue.record("no client may be created")
            throw SecretsError.notConfigured
        }
        await #expect(throws: SecretsError.notConfigured) { try await secrets.value(section: "STARFLEET", key: "SlackToken") }
        #expect(SecretsError.notConfigured.description.contains("STARFLEET.SecretsManager"))
    }

    @Test func theClientNeverShowsASecretValue() async throws {
        let moto = try await SharedMotoServer.shared.get()
        let name = try await Self.createSecret(moto, #"{"STARFLEET": {"SlackToken": "\#(Self.token)"}}"#)
        let value = try await Self.session(moto).secretsManager().getSecretValue(secretId: name)
        #expect(value.name == name)
        #expect(value.secretString?.contains(Self.token) == true)
        #expect(!"\(value)".contains(Self.token))
        #expect(!String(reflecting: value).contains(Self.token))
    }
}
