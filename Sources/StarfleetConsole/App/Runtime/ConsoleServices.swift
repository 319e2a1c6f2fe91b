import Foundation
import Logging
import Starfleet
import StarfleetSchema
import Synchronization
import StarfleetTUI

/// Performs the effects `reduce` asks for, off the main thread, and posts the results to the
/// inbox. Everything that touches files, the network or child processes lives here.
public final class ConsoleServices: Sendable {
    public let fleet: Fleet
    public let options: ConsoleOptions
    public let cloud: ConsoleCloud
    public let inbox: ActionInbox
    public let history: RunHistory
    /// Colours the terminal can show (for `:theme`).
    public let capability: ColorCapability

    /// The mutable state the background work shares; only touched inside `shared.withLock`.
    struct Shared: Sendable {
        var indexCache: AccountIndexCache?
        var scopeToRegions: [String] = []
        var pickerGeneration = 0
        var s3Bodies: [String: Data] = [:]
        var supervisors: [String: RunSupervisor] = [:]
    }

    let shared = Mutex(Shared())

    /// Payloads larger than this are not inspected (a template is a few KiB).
    static let maximumPayloadSize = 5 * 1024 * 1024

    public init(fleet: Fleet, options: ConsoleOptions, cloud: ConsoleCloud, inbox: ActionInbox,
                capability: ColorCapability = .indexed256) {
        self.fleet = fleet
        self.options = options
        self.cloud = cloud
        self.inbox = inbox
        self.history = RunHistory(directory: options.stateDirectory)
        self.capability = capability
    }

    /// Starts the work for an effect in the background. (`redraw` is the runtime's own.)
    public func perform(_ effect: Effect) {
        switch effect {
        case .redraw, .copyToClipboard:
            return
        case .listLocal(let generation, _, _), .listS3(let generation, _, _, _):
            shared.withLock { $0.pickerGeneration = generation }
        case .cancelRun, .terminateRun, .killRun:
            stop(effect)
            return
        default:
            break
        }
        Task.detached { [self] in
            await self.run(effect)
        }
    }

    /// Signals a running child (at once, on the caller's thread).
    func stop(_ effect: Effect) {
        switch effect {
        case .cancelRun(let id): shared.withLock { $0.supervisors[id] }?.cancel()
        case .terminateRun(let id): shared.withLock { $0.supervisors[id] }?.terminate()
        case .killRun(let id): shared.withLock { $0.supervisors[id] }?.forceKill()
        default: break
        }
    }

    /// Performs an effect and waits for it (tests use this directly).
    public func run(_ effect: Effect) async {
        switch effect {
        case .loadConfiguration: loadConfiguration()
        case .loadTheme(let name):
            let result = ThemeLoader(environment: options.environment).load(name, capability: capability)
            inbox.post(.themeLoaded(result.theme, warnings: result.warnings.map(\.description)))
        case .listLocal(let generation, let directory, let preferred):
            listLocal(generation: generation, directory: directory, preferSubdirectory: preferred)
        case .listS3(let generation, let bucket, let prefix, let region):
            await listS3(generation: generation, bucket: bucket, prefix: prefix, region: region)
        case .validateEntries(let generation, let ship, let entries):
            await validate(generation: generation, ship: ship, entries: entries)
        case .openPayload(let requestID, let ship, let origin):
            await openPayload(requestID: requestID, ship: ship, origin: origin)
        case .loadFanOut(let requestID, let ship, let payload):
            await loadFanOut(requestID: requestID, ship: ship, payload: payload)
        case .loadHistory:
            inbox.post(.historyLoaded(history.records()))
        case .openHistoryLog(let requestID, let path):
            inbox.post(.historyLogLoaded(requestID: requestID, Self.readLog(path: path)))
        case .checkCommit(let launch):
            switch currentDigest() {
            case .success(let digest):
                inbox.post(.commitChecked(runID: launch.id, .success(fingerprint(launch, configurationDigest: digest))))
            case .failure(let failure):
                inbox.post(.commitChecked(runID: launch.id, .failure(failure)))
            }
        case .startRun(let launch):
            await startRun(launch)
        case .cancelRun, .terminateRun, .killRun:
            stop(effect)
        case .recordHistory(let record):
            do {
                // The child wrote its own final record; this one stands in only for a child that
                // could not (killed, crashed, or stopped before it got that far).
                if let latest = history.record(id: record.id), !latest.isRunning {
                    inbox.post(.historyRecorded(latest))
                } else {
                    try history.append(record)
                    inbox.post(.historyRecorded(record))
                }
            } catch {
                inbox.post(.historyWriteFailed("\(history.historyFile): \(error.localizedDescription)"))
            }
        case .readQueueDepths(let queues):
            inbox.post(.queueDepthsRead(await readQueueDepths(queues)))
        case .fetchIdentity:
            inbox.post(.identityFetched(await fetchIdentity()))
        case .rememberPayloadDirectory(let directory):
            ConsoleSettings.update(stateDirectory: options.stateDirectory) { $0.lastPayloadDirectory = directory }
        case .rememberLogWrap(let wraps):
            ConsoleSettings.update(stateDirectory: options.stateDirectory) { $0.logWraps = wraps }
        case .redraw, .copyToClipboard:
            break
        }
    }

    // MARK: - Configuration

    func loadConfigurationValue() -> Result<Configuration, ConsoleFailure> {
        do {
            let regions = try RegionCatalog.load(environment: options.environment)
            return .success(try ConfigurationLoader(regions: regions).load(directory: options.configurationDirectory))
        } catch let error as RegionCatalogError {
            return .failure(ConsoleFailure(error.description))
        } catch let error as ConfigurationError {
            return .failure(ConsoleFailure(error.description))
        } catch {
            return .failure(ConsoleFailure("\(error)"))
        }
    }

    func loadConfiguration() {
        switch loadConfigurationValue() {
        case .success(let configuration):
            let snapshot = FleetSnapshot.make(configuration: configuration, fleet: fleet,
                                              accountIndexFile: options.accountIndexFile)
            let source = try? AccountIndexSource.resolve(configuration: configuration, overrideFile: options.accountIndexFile)
            let fetch = cloud.getObject
            shared.withLock {
                $0.indexCache = source.map { AccountIndexCache(source: $0, fetch: fetch) }
                $0.scopeToRegions = configuration.scopeToRegions
            }
            inbox.post(.configurationLoaded(snapshot))
        case .failure(let failure):
            inbox.post(.configurationFailed(failure.message))
        }
    }

    func currentDigest() -> Result<String, ConsoleFailure> {
        loadConfigurationValue().map { RunFingerprint.configurationDigest(files: $0.files) }
    }

    /// The fingerprint of a launch with the configuration and account index as they are on disk now.
    func fingerprint(_ launch: RunLaunch, configurationDigest: String) -> RunFingerprint {
        invocation(launch, payloadPath: launch.origin.display)
            .fingerprint(payloadSHA256: launch.payloadSHA256, configurationDigest: configurationDigest,
                         accountIndexDigest: options.accountIndexFile.flatMap(RunFingerprint.fileDigest(path:)))
    }

    /// The `starfleet run` the child process is.
    func invocation(_ launch: RunLaunch, payloadPath: String) -> RunInvocation {
        RunInvocation(ship: launch.ship, configurationDirectory: options.configurationDirectory, payloadPath: payloadPath,
                      accountId: launch.target?.accountId, region: launch.target?.region,
                      accountIndexFile: options.accountIndexFile, mode: launch.mode, logFormat: .jsonl,
                      expectedConfigurationDigest: launch.expectedConfigurationDigest,
                      expectedAccountIndexDigest: options.accountIndexFile == nil ? nil : launch.expectedAccountIndexDigest)
    }

    // MARK: - Picker

    func isCurrent(_ generation: Int) -> Bool { shared.withLock { $0.pickerGeneration == generation } }

    func listLocal(generation: Int, directory requested: String, preferSubdirectory: String?) {
        var directory = Self.absolute(requested)
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        if let ship = preferSubdirectory {
            let candidate = (directory as NSString).appendingPathComponent(ship)
            if manager.fileExists(atPath: candidate, isDirectory: &isDirectory), isDirectory.boolValue { directory = candidate }
        }
        guard manager.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            inbox.post(.pickerListed(generation: generation, directory: directory,
                                     .failure(ConsoleFailure("\(directory): no such directory"))))
            return
        }
        let names: [String]
        do {
            names = try manager.contentsOfDirectory(atPath: directory)
        } catch {
            inbox.post(.pickerListed(generation: generation, directory: directory,
                                     .failure(ConsoleFailure("\(directory): cannot list (\(error.localizedDescription))"))))
            return
        }
        // Only names: a stat per entry (or a locale-aware sort) makes 5,000-file directories slow.
        var directories: [PickerEntry] = []
        var files: [PickerEntry] = []
        for name in names where !name.hasPrefix(".") {
            let path = (directory as NSString).appendingPathComponent(name)
            if name.hasSuffix(".yaml") || name.hasSuffix(".yml") {
                files.append(PickerEntry(name: name, kind: .file, origin: .local(path)))
            } else if manager.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
                directories.append(PickerEntry(name: name, kind: .directory, directory: path))
            }
        }
        directories.sort { $0.name < $1.name }
        files.sort { $0.name < $1.name }
        var entries: [PickerEntry] = []
        if directory != "/" {
            entries.append(PickerEntry(name: "..", kind: .parent, directory: (directory as NSString).deletingLastPathComponent))
        }
        inbox.post(.pickerListed(generation: generation, directory: directory, .success(entries + directories + files)))
    }

    func listS3(generation: Int, bucket: String, prefix: String, region: String) async {
        do {
            let keys = try await cloud.listObjects(bucket, prefix, region)
            let entries = keys.filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.sorted().map { key in
                PickerEntry(name: String(key.dropFirst(key.hasPrefix(prefix) ? prefix.count : 0)), kind: .file,
                            origin: .s3(bucket: bucket, key: key))
            }
            inbox.post(.pickerListed(generation: generation, directory: "", .success(entries)))
        } catch {
            inbox.post(.pickerListed(generation: generation, directory: "",
                                     .failure(ConsoleFailure("s3://\(bucket)/\(prefix): \(error)"))))
        }
    }

    /// Validates picker entries in order, posting results in batches; stops when the picker
    /// lists something else.
    func validate(generation: Int, ship: String, entries: [Int: PayloadOrigin]) async {
        guard let schema = fleet.ship(named: ship)?.payloadTemplate else { return }
        var batch: [(index: Int, validity: EntryValidity)] = []
        var lastPost = ContinuousClock.now
        for index in entries.keys.sorted() {
            guard isCurrent(generation) else { return }
            guard let origin = entries[index] else { continue }
            let validity: EntryValidity
            switch await read(origin) {
            case .success(let data):
                switch PayloadDocument.validity(of: data, schema: schema) {
                case .valid: validity = .valid
                case .invalid(let problems): validity = .invalid(problems.count)
                case .unreadable(let message, _): validity = .unreadable(message)
                }
            case .failure(let failure):
                validity = .unreadable(failure.message)
            }
            batch.append((index, validity))
            if batch.count >= 256 || ContinuousClock.now - lastPost > .milliseconds(50) {
                inbox.post(.pickerValidated(generation: generation, batch))
                batch = []
                lastPost = ContinuousClock.now
            }
        }
        if !batch.isEmpty { inbox.post(.pickerValidated(generation: generation, batch)) }
    }

    func read(_ origin: PayloadOrigin) async -> Result<Data, ConsoleFailure> {
        switch origin {
        case .local(let path):
            guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
                  let data = FileManager.default.contents(atPath: path) else {
                return .failure(ConsoleFailure("\(path): \(YAMLReader.describeReadFailure(path: path))"))
            }
            if let size = attributes[.size] as? Int, size > Self.maximumPayloadSize {
                return .failure(ConsoleFailure("\(path): \(size / 1024) KiB is too large for a payload template"))
            }
            return .success(data)
        case .s3(let bucket, let key):
            let cacheKey = bucket + "/" + key
            if let cached = shared.withLock({ $0.s3Bodies[cacheKey] }) { return .success(cached) }
            do {
                let region = loadConfigurationRegion()
                let data = try await cloud.getObject(bucket, key, region)
                guard data.count <= Self.maximumPayloadSize else {
                    return .failure(ConsoleFailure("s3://\(bucket)/\(key) is too large for a payload template"))
                }
                shared.withLock { $0.s3Bodies[cacheKey] = data }
                return .success(data)
            } catch {
                return .failure(ConsoleFailure("s3://\(bucket)/\(key): \(error)"))
            }
        }
    }

    func loadConfigurationRegion() -> String {
        (try? loadConfigurationValue().get())?.deploymentRegion ?? "us-east-1"
    }

    // MARK: - Inspector

    func openPayload(requestID: Int, ship: String, origin: PayloadOrigin) async {
        guard let schema = fleet.ship(named: ship)?.payloadTemplate else {
            inbox.post(.payloadOpened(requestID: requestID, .failure(ConsoleFailure("\(ship) is not in this fleet"))))
            return
        }
        if case .s3(let bucket, let key) = origin {
            // Always read the object again when it is opened: it may have changed since the listing.
            shared.withLock { _ = $0.s3Bodies.removeValue(forKey: bucket + "/" + key) }
        }
        switch await read(origin) {
        case .success(let data):
            let document = PayloadDocument.make(origin: origin, ship: ship, data: data, schema: schema)
            inbox.post(.payloadOpened(requestID: requestID, .success(document)))
        case .failure(let failure):
            inbox.post(.payloadOpened(requestID: requestID, .failure(failure)))
        }
    }

    func loadFanOut(requestID: Int, ship: String, payload: PayloadMap) async {
        guard let shipType = fleet.ship(named: ship) else { return }
        let (cache, scope) = shared.withLock { ($0.indexCache, $0.scopeToRegions) }
        guard let cache else {
            inbox.post(.fanOutLoaded(requestID: requestID, .failure(ConsoleFailure(
                "The account index is not configured (StarfleetDefaultAccountIndex, or --account-index FILE)."))))
            return
        }
        do {
            let index = try await cache.index()
            let resolver = AccountResolver(index: index, scopeToRegions: scope)
            let plan = FanOutPlan.make(strategy: shipType.fanOutStrategy, payload: Payload(payload), resolver: resolver)
            inbox.post(.fanOutLoaded(requestID: requestID, .success(plan)))
        } catch {
            inbox.post(.fanOutLoaded(requestID: requestID, .failure(ConsoleFailure(error.description))))
        }
    }

    // MARK: - Paths

    static func absolute(_ path: String) -> String {
        var expanded = path
        if expanded.hasPrefix("~/") { expanded = NSHomeDirectory() + expanded.dropFirst() }
        if !expanded.hasPrefix("/") { expanded = FileManager.default.currentDirectoryPath + "/" + expanded }
        return URL(fileURLWithPath: expanded).standardizedFileURL.path
    }
}

// MARK: - Queue depths

extension ConsoleServices {
    /// Each queue read concurrently, each bounded by a few seconds; a queue that does not answer
    /// is left out (shown as `-`).
    func readQueueDepths(_ queues: [String: String]) async -> [String: QueueDepth] {
        guard let reader = cloud.queueDepths else { return [:] }
        return await withTaskGroup(of: (String, QueueDepth?).self) { group in
            for (ship, url) in queues {
                group.addTask {
                    let read = Task { try await reader.depth(of: url) }
                    let timeout = Task {
                        try await Task.sleep(for: .seconds(5))
                        read.cancel()
                    }
                    defer { timeout.cancel() }
                    return (ship, try? await read.value)
                }
            }
            var depths: [String: QueueDepth] = [:]
            for await (ship, depth) in group {
                if let depth { depths[ship] = depth }
            }
            return depths
        }
    }
}
