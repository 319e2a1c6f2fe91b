import _CryptoExtras
import Foundation
import Starfleet
import StarfleetAWS
import StarfleetSchema
import StarfleetTestSupport

@testable import WorkerShips

/// One moto_server (S3 + Secrets Manager) and one GitHub API stub for the GitHub sync suites;
/// `reset()` gives each test an empty bucket and the app key in the fleet's secret.
actor GitHubSyncWorld {
    static let shared = GitHubSyncWorld()

    static let organization = "acme"
    static let repository = "templates"
    static let appId = "424242"
    static let installationId = "9001"
    static let bucket = "starfleet-templates-e2e"
    static let secretId = "starfleet-secrets"
    static let binary = RepositoryPaths.root.appendingPathComponent(".build/debug/starfleet").path
    /// An organization whose key in the secret is not the app's (PKCS#8, made here): the stub must refuse its JWTs.
    static let forgedOrganization = "forged"
    /// Made once per process: RSA key generation is slow in a debug build.
    static let forgedKeyPEM = Result { try _RSA.Signing.PrivateKey(keySize: .bits2048).pemRepresentation }

    struct World: Sendable {
        let server: MotoServer
        let stub: GitHubAPIStub
        let directory: TemporaryDirectory

        /// moto for AWS, the stub for GitHub, nothing else from the outside.
        var environment: [String: String] {
            var environment = server.inheritedClientEnvironment
            environment[GitHubAPIClient.environmentVariable] = stub.endpoint.absoluteString
            environment["STARFLEET_CONFIG_DIR"] = nil
            environment["STARFLEET_REGIONS_FILE"] = nil
            return environment
        }

        var s3: S3Client {
            get throws {
                try AWSSession(region: "us-east-1", credentialsProvider: MotoServer.credentialsProvider,
                               environment: ["AWS_ENDPOINT_URL": server.endpoint.absoluteString, "HOME": "/nonexistent"]).s3()
            }
        }

        /// Every object of the bucket: key → (bytes, content type).
        func bucketContents() async throws -> [String: (body: String, contentType: String?)] {
            let s3 = try self.s3
            var contents: [String: (body: String, contentType: String?)] = [:]
            for object in try await s3.listObjectsV2(bucket: GitHubSyncWorld.bucket, prefix: nil) {
                let body = try await s3.getObject(bucket: GitHubSyncWorld.bucket, key: object.key)
                let head = try await s3.headObject(bucket: GitHubSyncWorld.bucket, key: object.key)
                contents[object.key] = (String(decoding: body, as: UTF8.self), head.contentType)
            }
            return contents
        }

        /// The configuration directory `starfleet` reads in binary tests.
        var configurationDirectory: String {
            get throws {
                try directory.write(GitHubSyncWorld.configurationYAML, to: "config/starfleet.yaml")
                return directory.url.appendingPathComponent("config").path
            }
        }

        func payloadFile(_ yaml: String) throws -> String {
            try directory.write(yaml, to: "payloads/\(UUID().uuidString.prefix(8)).yaml").path
        }
    }

    static let configurationYAML = """
    STARFLEET:
      DeploymentRegion: us-east-1
      TemplateBucket: starfleet-templates
      FanOutQueueUrl: https://sqs.us-east-1.amazonaws.com/000000000000/starfleet-fan-out-queue
      AccountIndex: StarfleetDefaultAccountIndex
      SecretsManager:
        SecretId: \(secretId)
        SecretRegion: us-east-1
    StarfleetDefaultAccountIndex:
      IndexBucket: starfleet-index
      BucketRegion: us-east-1
      IndexObjectPath: accountIndex.json
    GitHubSyncWorkerShip:
      Enabled: true
      TemplatePrefix: GitHubSyncWorkerShip/
      InvocationQueueUrl: https://sqs.us-east-1.amazonaws.com/000000000000/starfleet-github-sync
      InvocationSources:
        - EVENTBRIDGE_TIMED_EVENT
      EventBridgeTimedFrequency: FIVE_MIN
    """

    static func payload(include: [String]? = nil, exclude: [String]? = nil, keyPrefix: String? = "templates/",
                        deleteMissing: Bool? = nil, extract: Bool = true) -> String {
        var text = """
        TemplateName: SyncTemplates
        TemplateDescription: Templates from GitHub
        Organization: \(organization)
        Repository: \(repository)
        BranchName: main
        GitHubAppId: "\(appId)"
        GitHubInstallationId: "\(installationId)"
        BucketName: \(bucket)
        BucketRegion: us-east-1
        ExtractZipContents: \(extract)
        """
        if let include { text += "\nIncludeRepoPaths:\n" + include.map { "  - '\($0)'" }.joined(separator: "\n") }
        if let exclude { text += "\nExcludeRepoPaths:\n" + exclude.map { "  - '\($0)'" }.joined(separator: "\n") }
        if let keyPrefix { text += "\nKeyPrefix: \(keyPrefix)" }
        if let deleteMissing { text += "\nDeleteMissingFiles: \(deleteMissing)" }
        return text
    }

    static func configuration() throws -> Configuration {
        try ShipFixtures.configuration(yaml: configurationYAML)
    }

    private var world: Task<World, any Error>?

    func get() async throws -> World {
        if let world { return try await world.value }
        let task = Task { () async throws -> World in
            async let server = MotoServer.start()
            async let stub = GitHubAPIStub.start(appId: Self.appId, installationId: Self.installationId)
            return World(server: try await server, stub: try await stub, directory: try TemporaryDirectory(prefix: "starfleet-github-sync"))
        }
        world = task
        return try await task.value
    }

    /// An empty bucket, the app key at `GitHubSyncWorker.acme` and `files` as the repository.
    func reset(files: [String: String]) async throws -> World {
        let world = try await get()
        try await world.server.reset()
        let session = AWSSession(region: "us-east-1", credentialsProvider: MotoServer.credentialsProvider,
                                 environment: ["AWS_ENDPOINT_URL": world.server.endpoint.absoluteString, "HOME": "/nonexistent"])
        try await session.s3().createBucket(bucket: Self.bucket)
        let pem = try await world.stub.appKeyPEM()
        let forged = try Self.forgedKeyPEM.get()
        let secret = String(decoding: try JSONSerialization.data(withJSONObject: [
            "STARFLEET": ["SlackToken": "xoxb-unused"],
            GitHubAppAuthenticator.secretSection: [Self.organization: pem, Self.forgedOrganization: forged],
        ]), as: UTF8.self)
        _ = try await session.secretsManager().createSecret(name: Self.secretId, secretString: secret)
        try await world.stub.setZipball(.init(files: files))
        return world
    }
}
