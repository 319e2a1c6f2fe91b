import Foundation
import Logging
import Starfleet
import StarfleetAWS
import StarfleetRuntime
import StarfleetSchema

/// Keeps an S3 prefix equal to a GitHub repository's files: downloads the branch's zipball as
/// a GitHub App installation, extracts it safely, compares by content and uploads what is new or
/// changed (deleting what the repository no longer has, when `DeleteMissingFiles`). This is how a
/// merged pull request reaches the template bucket. SINGLE_INVOCATION.
///
/// Test doubles: register an `any S3ObjectSyncAPI` or a `StarfleetSecrets` in `context.services`.
public struct GitHubSyncWorkerShip: WorkerShip {
    public static let configurationTemplate = GitHubSyncWorkerShipTemplates.configuration
    public static let payloadTemplate = GitHubSyncWorkerShipTemplates.payload

    public static let noChanges = "[⏭️] No changes detected. Nothing to do."
    public static let dryRunHeader = "[📝] The following changes would have been made if the commit flag was set:\n"
    public static let commitHeader = "[📝] The following changes have been made:\n"
    /// Uploads in flight at once: memory holds at most this many files, whatever the repository's size.
    public static let uploadConcurrency = 8

    public let payload: Payload

    public init(payload: Payload) {
        self.payload = payload
    }

    var organization: String { payload.string("organization") ?? "" }
    var repository: String { payload.string("repository") ?? "" }
    var branch: String { payload.string("branch_name") ?? "" }
    var bucket: String { payload.string("bucket_name") ?? "" }
    var keyPrefix: String { payload.string("key_prefix") ?? "" }
    var deleteMissingFiles: Bool { payload.bool("delete_missing_files") ?? false }
    var extractContents: Bool { payload.bool("extract_zip_contents") ?? true }
    var templateName: String { payload.string("template_name") ?? "\(organization)/\(repository)" }

    public func execute(commit: Bool, context: ShipContext) async throws {
        let logger = context.logger
        let filter = try RepositoryPathFilter(include: payload.strings("include_repo_paths"),
                                              exclude: payload.strings("exclude_repo_paths"))
        let workspace = try Self.makeWorkspace()
        defer { try? FileManager.default.removeItem(at: workspace) }

        let archive = try await download(into: workspace, context: context)
        let files: [RepositoryFile]
        if extractContents {
            logger.info("[🪛] Extracting the repository's contents...")
            let settings = context.shipConfiguration
            let limits = ZipballExtractor.Limits(
                maxEntries: settings["max_archive_entries"]?.int ?? ZipballExtractor.Limits.defaultMaxEntries,
                maxTotalBytes: settings["max_archive_bytes"]?.int ?? ZipballExtractor.Limits.defaultMaxTotalBytes)
            files = try ZipballExtractor(limits: limits)
                .extract(archive, into: workspace.appendingPathComponent("repository"), including: filter.includes)
        } else {
            // The original syncs the zip itself when it is not extracted.
            let name = archive.lastPathComponent
            files = filter.includes(name) ? [RepositoryFile(path: name, url: archive, digest: try FileDigest.of(archive))] : []
        }
        logger.info("[📦] \(files.count) file(s) of \(organization)/\(repository) are included.")

        let s3 = try makeS3(context: context)
        let plan = try await GitHubSyncPlanner(s3: s3, bucket: bucket, keyPrefix: keyPrefix,
                                               deleteMissingFiles: deleteMissingFiles).plan(files: files)
        if !plan.kept.isEmpty {
            logger.info("[👾] \(plan.kept.count) object(s) under s3://\(bucket)/\(keyPrefix) are not in the repository; kept because DeleteMissingFiles is false.")
        }
        let changePlan = plan.changePlan
        guard !plan.isEmpty else {
            logger.plan(changePlan.summary, "[📋] s3://\(bucket)/\(keyPrefix) matches \(organization)/\(repository)@\(branch):\n\(changePlan.summaryLine)")
            logger.info("\(Self.noChanges)")
            return
        }
        guard commit else {
            logger.plan(changePlan.summary, "\(Self.dryRunHeader)[📋] Plan for s3://\(bucket)/\(keyPrefix) from \(organization)/\(repository)@\(branch):\n\(changePlan.renderPlan())")
            return
        }
        try await apply(plan, s3: s3, logger: logger)
        logger.plan(changePlan.summary, "\(Self.commitHeader)[📋] s3://\(bucket)/\(keyPrefix) from \(organization)/\(repository)@\(branch):\n\(changePlan.renderApplied())")
        await context.sendAlert(.important, title: "Starfleet GitHub -> S3 Sync Job for \(templateName)",
                                body: GitHubSyncAlert.body(templateName: templateName, plan: plan))
    }

    // MARK: - Steps the CLI also uses

    /// The installation token for the payload's app and installation.
    public func installationToken(context: ShipContext) async throws -> GitHubInstallationToken {
        let authenticator = GitHubAppAuthenticator(api: try GitHubAPIClient(environment: context.environment),
                                                   secrets: secrets(context: context))
        return try await authenticator.installationToken(organization: organization,
                                                         appId: payload.string("github_app_id") ?? "",
                                                         installationId: payload.string("github_installation_id") ?? "")
    }

    /// Downloads the branch's zipball to `<directory>/<Repository>.zip` and returns its URL.
    public func download(into directory: URL, context: ShipContext) async throws -> URL {
        let api = try GitHubAPIClient(environment: context.environment)
        let token = try await installationToken(context: context)
        let file = directory.appendingPathComponent("\(repository).zip")
        context.logger.info("[⬇️] Downloading \(organization)/\(repository) at \(branch)...")
        let bytes = try await api.downloadZipball(organization: organization, repository: repository, branch: branch,
                                                  token: token.token, to: file)
        context.logger.info("[💾] Saved the repository archive (\(bytes) bytes).")
        return file
    }

    // MARK: - Plumbing

    func apply(_ plan: GitHubSyncPlan, s3: any S3ObjectSyncAPI, logger: Logger) async throws {
        let bucket = self.bucket
        if !plan.uploads.isEmpty {
            logger.info("[🪣] Uploading \(plan.uploads.count) file(s) to s3://\(bucket)/\(keyPrefix)...")
        }
        try await withThrowingTaskGroup(of: Void.self) { group in
            var pending = plan.uploads[...]
            func start() {
                guard let upload = pending.popFirst() else { return }
                group.addTask {
                    let body: Data
                    do {
                        body = try Data(contentsOf: upload.file)
                    } catch {
                        throw GitHubSyncError.localFile(path: upload.file.path, detail: "\(error)")
                    }
                    try await s3.putObject(bucket: bucket, key: upload.key, body: body, contentType: upload.contentType,
                                           metadata: [GitHubSyncPlanner.shaMetadataKey: upload.digest.sha256])
                }
            }
            for _ in 0..<Self.uploadConcurrency { start() }
            while try await group.next() != nil { start() }
        }
        if !plan.deletions.isEmpty {
            logger.info("[🗑️] Deleting \(plan.deletions.count) object(s) from s3://\(bucket)...")
        }
        for key in plan.deletions {
            try await s3.deleteObject(bucket: bucket, key: key)
        }
    }

    func makeS3(context: ShipContext) throws -> any S3ObjectSyncAPI {
        if let injected = context.services.resolve((any S3ObjectSyncAPI).self) { return injected }
        let region = payload.string("bucket_region") ?? context.configuration.deploymentRegion ?? "us-east-1"
        return try AWSSession(region: region, environment: context.environment, logger: context.logger).s3(region: region)
    }

    func secrets(context: ShipContext) -> StarfleetSecrets {
        context.services.resolve(StarfleetSecrets.self)
            ?? StarfleetSecrets(settings: SecretsManagerSettings(configuration: context.configuration), environment: context.environment)
    }

    static func makeWorkspace() throws(GitHubSyncError) -> URL {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("starfleet-github-sync-\(UUID().uuidString)", isDirectory: true)
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        } catch {
            throw .localFile(path: directory.path, detail: "\(error)")
        }
        return directory
    }
}
