import Foundation
import StarfleetAWS

/// The fleet's secret (`STARFLEET.SecretsManager`), read on first use and then kept for the life
/// of the process (a Lambda container, a worker). Concurrent first uses share one read; a failed
/// read is not kept, so the next use tries again.
///
/// The secret is a JSON object of sections: `{"STARFLEET": {"SlackToken": "xoxb-…"}}`.
public actor StarfleetSecrets {
    public typealias ClientFactory = @Sendable (_ region: String) throws -> any SecretsManagerAPI

    private let settings: SecretsManagerSettings?
    private let makeClient: ClientFactory
    private var document: [String: [String: String]]?
    private var reading: Task<[String: [String: String]], any Error>?
    /// How many times the secret was fetched (tests check the caching).
    public private(set) var reads = 0

    public init(settings: SecretsManagerSettings?, makeClient: @escaping ClientFactory) {
        self.settings = settings
        self.makeClient = makeClient
    }

    /// Secrets Manager through the default credential chain and endpoint overrides of `environment`.
    public init(settings: SecretsManagerSettings?, environment: [String: String]) {
        self.init(settings: settings) { region in
            try AWSSession(region: region, environment: environment).secretsManager(region: region)
        }
    }

    /// The string at `section.key` of the secret.
    public func value(section: String, key: String) async throws(SecretsError) -> String {
        guard let settings else { throw .notConfigured }
        let document = try await load(settings)
        guard let value = document[section]?[key] else {
            throw .missingValue(secretId: settings.secretId, section: section, key: key)
        }
        return value
    }

    /// Blanks every string of the secret (once read) in `text`.
    public var redactor: Redactor {
        Redactor(secrets: (document ?? [:]).values.flatMap { $0.values })
    }

    private func load(_ settings: SecretsManagerSettings) async throws(SecretsError) -> [String: [String: String]] {
        if let document { return document }
        let task: Task<[String: [String: String]], any Error>
        if let reading {
            task = reading
        } else {
            reads += 1
            let makeClient = self.makeClient
            task = Task { try await Self.fetch(settings, makeClient: makeClient) }
            reading = task
        }
        do {
            let loaded = try await task.value
            document = loaded
            reading = nil
            return loaded
        } catch {
            reading = nil
            throw (error as? SecretsError)
                ?? .unreadable(secretId: settings.secretId, region: settings.secretRegion, detail: "\(error)")
        }
    }

    private static func fetch(_ settings: SecretsManagerSettings, makeClient: ClientFactory) async throws -> [String: [String: String]] {
        let value: SecretValue
        do {
            value = try await makeClient(settings.secretRegion).getSecretValue(secretId: settings.secretId)
        } catch {
            throw SecretsError.unreadable(secretId: settings.secretId, region: settings.secretRegion, detail: "\(error)")
        }
        guard let text = value.secretString,
              let object = (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any]
        else { throw SecretsError.notAJSONObject(secretId: settings.secretId) }
        var document: [String: [String: String]] = [:]
        for (name, section) in object {
            guard let section = section as? [String: Any] else { continue }
            document[name] = section.compactMapValues { $0 as? String }
        }
        return document
    }
}
