import Foundation
import StarfleetTestSupport
import Testing

@testable import StarfleetAWS

@Suite("Credentials chain")
struct CredentialsChainTests {
    /// An environment whose HOME is `directory`, so the default ~/.aws paths point there.
    static func environment(home directory: TemporaryDirectory, _ extra: [String: String] = [:]) -> [String: String] {
        ["HOME": directory.path].merging(extra) { _, new in new }
    }

    @Test func environmentVariablesComeFirst() async throws {
        let home = try TemporaryDirectory()
        try home.write("[default]\naws_access_key_id = FROMFILE\naws_secret_access_key = filesecret\n", to: ".aws/credentials")
        let chain = CredentialsProviderChain.standard(environment: Self.environment(home: home, [
            "AWS_ACCESS_KEY_ID": "AKIAENV", "AWS_SECRET_ACCESS_KEY": "envsecret", "AWS_SESSION_TOKEN": "envtoken",
        ]))
        let credentials = try await chain.credentials()
        #expect(credentials.accessKeyId == "AKIAENV")
        #expect(credentials.secretAccessKey == "envsecret")
        #expect(credentials.sessionToken == "envtoken")
        #expect(credentials.source == "environment")
    }

    @Test func halfSetEnvironmentIsAnError() async throws {
        let home = try TemporaryDirectory()
        let chain = CredentialsProviderChain.standard(environment: Self.environment(home: home, ["AWS_ACCESS_KEY_ID": "AKIAENV"]))
        let error = try await #require(throws: AWSError.self) { try await chain.credentials() }
        #expect(error.kind == .credentials)
        #expect(error.description.contains("AWS_SECRET_ACCESS_KEY is set") == false)
        #expect(error.description.contains("AWS_ACCESS_KEY_ID is set but AWS_SECRET_ACCESS_KEY is not"))
    }

    @Test func defaultProfileFromTheCredentialsFile() async throws {
        let home = try TemporaryDirectory()
        try home.write("""
            # comment
            [default]
            aws_access_key_id = AKIADEFAULT
            aws_secret_access_key = defaultsecret
            ; another comment
            [other]
            aws_access_key_id = AKIAOTHER
            aws_secret_access_key = othersecret
            """, to: ".aws/credentials")
        let credentials = try await CredentialsProviderChain.standard(environment: Self.environment(home: home)).credentials()
        #expect(credentials.accessKeyId == "AKIADEFAULT")
        #expect(credentials.sessionToken == nil)
        #expect(credentials.source == "profile \"default\" in \(home.path)/.aws/credentials")
    }

    @Test func namedProfileFromCustomFilePaths() async throws {
        let dir = try TemporaryDirectory()
        let credentialsFile = try dir.write("[dev]\naws_access_key_id=AKIADEV\naws_secret_access_key=devsecret\naws_session_token=devtoken\n", to: "creds.ini")
        let configFile = try dir.write("[profile dev]\nregion = eu-west-2\n", to: "config.ini")
        let environment = [
            "HOME": "/nonexistent", "AWS_PROFILE": "dev",
            "AWS_SHARED_CREDENTIALS_FILE": credentialsFile.path, "AWS_CONFIG_FILE": configFile.path,
        ]
        let credentials = try await CredentialsProviderChain.standard(environment: environment).credentials()
        #expect(credentials.accessKeyId == "AKIADEV")
        #expect(credentials.sessionToken == "devtoken")
        #expect(AWSSession.defaultRegion(environment: environment) == "eu-west-2")
    }

    @Test func profileFromTheConfigFile() async throws {
        let home = try TemporaryDirectory()
        try home.write("""
            [default]
            region = us-west-2
            [profile ops]
            region = eu-central-1
            aws_access_key_id = AKIAOPS
            aws_secret_access_key = opssecret
            s3 =
              max_concurrent_requests = 20
            """, to: ".aws/config")
        let credentials = try await CredentialsProviderChain.standard(
            environment: Self.environment(home: home, ["AWS_PROFILE": "ops"])
        ).credentials()
        #expect(credentials.accessKeyId == "AKIAOPS")
        #expect(credentials.source.contains(".aws/config"))
        #expect(AWSSession.defaultRegion(environment: Self.environment(home: home)) == "us-west-2")
    }

    @Test func credentialsFileBeatsConfigFile() async throws {
        let home = try TemporaryDirectory()
        try home.write("[profile p]\naws_access_key_id=AKIACONFIG\naws_secret_access_key=c\n", to: ".aws/config")
        try home.write("[p]\naws_access_key_id=AKIACREDS\naws_secret_access_key=k\n", to: ".aws/credentials")
        let credentials = try await CredentialsProviderChain.standard(
            environment: Self.environment(home: home, ["AWS_PROFILE": "p"])
        ).credentials()
        #expect(credentials.accessKeyId == "AKIACREDS")
    }

    @Test func missingNamedProfileNamesBothFiles() async throws {
        let home = try TemporaryDirectory()
        try home.write("[default]\naws_access_key_id=A\naws_secret_access_key=B\n", to: ".aws/credentials")
        let error = try await #require(throws: AWSError.self) {
            try await CredentialsProviderChain.standard(environment: Self.environment(home: home, ["AWS_PROFILE": "prod"])).credentials()
        }
        #expect(error.description.contains("AWS_PROFILE names profile \"prod\""))
        #expect(error.description.contains("\(home.path)/.aws/credentials"))
        #expect(error.description.contains("\(home.path)/.aws/config"))
    }

    @Test func nothingFoundListsEverythingLookedFor() async throws {
        let home = try TemporaryDirectory()
        let error = try await #require(throws: AWSError.self) {
            try await CredentialsProviderChain.standard(environment: Self.environment(home: home)).credentials()
        }
        #expect(error.kind == .credentials)
        #expect(error.code == "NoCredentials")
        let text = error.description
        #expect(text.contains("no AWS credentials found"))
        #expect(text.contains("AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (not set)"))
        #expect(text.contains("profile \"default\" in shared credentials file \(home.path)/.aws/credentials (file not found)"))
        #expect(text.contains("config file \(home.path)/.aws/config (file not found)"))
        #expect(text.contains("Set AWS_ACCESS_KEY_ID"))
    }

    @Test func assumeRoleProfilesAreReportedNotSkipped() async throws {
        let home = try TemporaryDirectory()
        try home.write("[profile x]\nrole_arn = arn:aws:iam::1:role/r\nsource_profile = default\n", to: ".aws/config")
        let error = try await #require(throws: AWSError.self) {
            try await CredentialsProviderChain.standard(environment: Self.environment(home: home, ["AWS_PROFILE": "x"])).credentials()
        }
        #expect(error.description.contains("uses role_arn"))
    }

    @Test func failureNamesTheCallThatNeededCredentials() async throws {
        let home = try TemporaryDirectory()
        let session = AWSSession(region: "us-east-1", environment: Self.environment(home: home, ["AWS_ENDPOINT_URL": "http://127.0.0.1:9"]))
        let error = try await #require(throws: AWSError.self) { try await session.sts().getCallerIdentity() }
        #expect(error.kind == .credentials)
        #expect(error.description.hasPrefix("AWS STS GetCallerIdentity: no AWS credentials found"))
    }

    @Test func descriptionNeverShowsSecrets() {
        let credentials = AWSCredentials(accessKeyId: "AKIAVISIBLE", secretAccessKey: "verysecretkey", sessionToken: "verysecrettoken")
        for text in [credentials.description, credentials.debugDescription, "\(credentials)", String(reflecting: credentials)] {
            #expect(text.contains("AKIAVISIBLE"))
            #expect(!text.contains("verysecretkey"))
            #expect(!text.contains("verysecrettoken"))
        }
    }

    @Test func iniParsing() {
        let file = INIFile(parsing: """
            [default]
            key = value with spaces
            Other: colon style
            # comment = ignored
            nested =
                a = 1
                b = 2
            [ spaced ]
            k=v
            [default]
            key = overridden
            """)
        #expect(file.sectionOrder == ["default", "spaced"])
        #expect(file["default"]?["key"] == "overridden")
        #expect(file["default"]?["other"] == "colon style")
        #expect(file["default"]?["nested"] == "a = 1\nb = 2")
        #expect(file["default"]?["# comment"] == nil)
        #expect(file["spaced"]?["k"] == "v")
    }
}
