import _CryptoExtras
import Foundation
import Starfleet
import StarfleetAWS
import StarfleetSchema
import Testing

@testable import WorkerShips

@Suite("GitHubSyncWorkerShip payload, filter, comparison and authentication")
struct GitHubSyncUnitTests {
    static let payload = """
    TemplateName: SyncTemplates
    TemplateDescription: Templates from GitHub
    Organization: acme
    Repository: templates
    BranchName: main
    GitHubAppId: "1234"
    GitHubInstallationId: "5678"
    BucketName: starfleet-templates
    BucketRegion: us-east-1
    ExtractZipContents: true
    """

    func load(_ yaml: String) throws -> PayloadMap {
        try GitHubSyncWorkerShip.payloadTemplate.load(try YAMLReader().read(yaml))
    }

    @Test("the original's payload validates, with its defaults")
    func defaults() throws {
        let values = try load(Self.payload)
        #expect(values["include_repo_paths"] == .list([.string("^.+$")]))
        #expect(values["exclude_repo_paths"] == .list([]))
        #expect(values["delete_missing_files"] == .bool(false))
        #expect(values["key_prefix"] == .string(""))
        #expect(GitHubSyncWorkerShip.fanOutStrategy == .singleInvocation)
        #expect(Fleet.default.names.contains("GitHubSyncWorkerShip"))
    }

    @Test("missing required keys and a bad region are reported by key")
    func requiredKeys() throws {
        let errors = try ShipFixtures.errors(GitHubSyncWorkerShip.payloadTemplate, """
        TemplateName: X
        TemplateDescription: Y
        Organization: acme
        BucketRegion: mars-north-1
        """)
        for key in ["Repository", "BranchName", "GitHubAppId", "GitHubInstallationId", "BucketName", "ExtractZipContents"] {
            #expect(errors.contains { $0.hasPrefix(key) && $0.contains("Missing data for required field.") }, "\(key): \(errors)")
        }
        #expect(errors.contains { $0.hasPrefix("BucketRegion") })
    }

    @Test("an invalid regular expression is refused naming the key and the item")
    func invalidRegex() throws {
        let errors = try ShipFixtures.errors(GitHubSyncWorkerShip.payloadTemplate, Self.payload + "\nExcludeRepoPaths:\n  - 'ok'\n  - '([unclosed'")
        #expect(errors.count == 1)
        let error = try #require(errors.first)
        #expect(error.contains("ExcludeRepoPaths") && error.contains("1") && error.contains("Not a valid regular expression: ([unclosed"), "\(error)")
        #expect(throws: GitHubSyncError.invalidPattern(key: "IncludeRepoPaths", index: 0, pattern: "(")) {
            try RepositoryPathFilter(include: ["("], exclude: [])
        }
    }

    @Test("include and exclude search anywhere in the path, like re.search")
    func filterSearches() throws {
        let filter = try RepositoryPathFilter(include: [#"\.ya?ml$"#, "^README"], exclude: ["^docs/", "draft"])
        #expect(filter.includes("IamRoleWorkerShip/role.yaml"))
        #expect(filter.includes("a/b/c.yml"))
        #expect(filter.includes("README.md"))
        #expect(!filter.includes("sub/README.md"), "^ anchors at the path's start")
        #expect(!filter.includes("docs/guide.yaml"))
        #expect(!filter.includes("x/my-draft.yaml"))
        #expect(!filter.includes("notes.txt"))
        let everything = try RepositoryPathFilter(include: [GitHubSyncWorkerShipTemplates.includeEverything], exclude: [])
        #expect(everything.includes("any/path/at all.bin"))
    }

    @Test("content types come from the last extension, binary/octet-stream otherwise")
    func contentTypes() {
        #expect(ContentTypes.of("a/b.yaml") == "application/yaml")
        #expect(ContentTypes.of("a/b.JSON") == "application/json")
        #expect(ContentTypes.of("photo.tar.gz") == "application/gzip")
        #expect(ContentTypes.of("Makefile") == "binary/octet-stream")
        #expect(ContentTypes.of("dir.d/noext") == "binary/octet-stream")
    }

    @Test("content compares by our SHA-256, else by a plain MD5 ETag only")
    func comparison() {
        let digest = FileDigest(size: 4, sha256: String(repeating: "a", count: 64), md5: "0123456789abcdef0123456789abcdef")
        let quoted = "\"0123456789abcdef0123456789abcdef\""
        #expect(GitHubSyncPlanner.matches(S3ObjectHead(key: "k", eTag: "\"x\"", metadata: ["sha256": digest.sha256]), digest))
        #expect(!GitHubSyncPlanner.matches(S3ObjectHead(key: "k", eTag: quoted, metadata: ["sha256": String(repeating: "b", count: 64)]), digest),
                "our SHA-256 wins over a matching ETag")
        #expect(GitHubSyncPlanner.matches(S3ObjectHead(key: "k", eTag: quoted), digest))
        #expect(!GitHubSyncPlanner.matches(S3ObjectHead(key: "k", eTag: "\"0123456789abcdef0123456789abcdef-2\""), digest), "multipart")
        #expect(!GitHubSyncPlanner.matches(S3ObjectHead(key: "k", eTag: quoted, serverSideEncryption: "aws:kms"), digest), "SSE-KMS")
        #expect(GitHubSyncPlanner.matches(S3ObjectHead(key: "k", eTag: quoted, serverSideEncryption: "AES256"), digest))
    }

    @Test("the app JWT is RS256 over iat = now - 60, exp = iat + 600, iss = app id, and verifies with the public key")
    func jwt() throws {
        let key = try _RSA.Signing.PrivateKey(keySize: .bits2048)
        let now = Date(timeIntervalSince1970: 1_800_000_000)
        let token = try GitHubAppJWT(pem: key.pemRepresentation, organization: "acme").token(appId: "1234", now: now)
        let parts = token.split(separator: ".").map(String.init)
        #expect(parts.count == 3)
        func decode(_ text: String) -> Data {
            var base64 = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
            base64 += String(repeating: "=", count: (4 - base64.count % 4) % 4)
            return Data(base64Encoded: base64) ?? Data()
        }
        let header = try #require(try JSONSerialization.jsonObject(with: decode(parts[0])) as? [String: Any])
        let claims = try #require(try JSONSerialization.jsonObject(with: decode(parts[1])) as? [String: Any])
        #expect(header["alg"] as? String == "RS256")
        #expect(claims["iat"] as? Int == 1_800_000_000 - 60)
        #expect(claims["exp"] as? Int == 1_800_000_000 - 60 + 600)
        #expect(claims["iss"] as? String == "1234")
        let signature = _RSA.Signing.RSASignature(rawRepresentation: decode(parts[2]))
        #expect(key.publicKey.isValidSignature(signature, for: Data("\(parts[0]).\(parts[1])".utf8), padding: .insecurePKCS1v1_5))
    }

    @Test("a key that is not a PEM is refused without echoing it")
    func badKey() {
        let error = #expect(throws: GitHubSyncError.self) {
            _ = try GitHubAppJWT(pem: "-----BEGIN RSA PRIVATE KEY-----\nnot-a-key-SECRET\n-----END RSA PRIVATE KEY-----", organization: "acme")
        }
        let text = error.map(String.init(describing:)) ?? ""
        #expect(text.contains("GitHubSyncWorker.acme") && !text.contains("SECRET"), "\(text)")
    }

    @Test("installation tokens are reused until shortly before they expire")
    func tokenCache() async throws {
        let cache = GitHubInstallationTokenCache()
        let now = Date()
        let long = GitHubInstallationToken(token: "t1", expiresAt: now.addingTimeInterval(3600))
        #expect(try await cache.token(key: "k", now: now) { long } == long)
        #expect(try await cache.token(key: "k", now: now) { GitHubInstallationToken(token: "t2", expiresAt: now) } == long)
        #expect(await cache.exchanges == 1)
        let late = now.addingTimeInterval(3600 - GitHubInstallationTokenCache.refreshMargin + 1)
        let fresh = GitHubInstallationToken(token: "t3", expiresAt: late.addingTimeInterval(3600))
        #expect(try await cache.token(key: "k", now: late) { fresh } == fresh)
        #expect(await cache.exchanges == 2)
        #expect(!"\(fresh)".contains("t3"))
    }
}

@Suite("GitHubSyncWorkerShip examples")
struct GitHubSyncExampleTests {
    static let folder = ShipFixtures.repository.appendingPathComponent("examples/payloads/GitHubSyncWorkerShip")

    @Test("the example payload validates and the invalid one fails on ExcludeRepoPaths.1")
    func examples() throws {
        let valid = try String(contentsOf: Self.folder.appendingPathComponent("sync_templates.yaml"), encoding: .utf8)
        #expect(try ShipFixtures.errors(GitHubSyncWorkerShip.payloadTemplate, valid).isEmpty)
        let invalid = try String(contentsOf: Self.folder.appendingPathComponent("invalid_bad_regex.yaml"), encoding: .utf8)
        #expect(try ShipFixtures.errors(GitHubSyncWorkerShip.payloadTemplate, invalid) == ["ExcludeRepoPaths.1: Not a valid regular expression: ([unclosed"])
    }
}
