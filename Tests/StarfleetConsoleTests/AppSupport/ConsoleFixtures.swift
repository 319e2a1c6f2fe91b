import Foundation
import Starfleet
@testable import StarfleetConsole
import StarfleetSchema
import StarfleetTestSupport
import Testing
@testable import StarfleetTUI

// Ships for the console's screen and reduce tests.

struct ConsoleSingleShip: WorkerShip {
    static let payloadTemplate = PayloadTemplates.workerShipPayloadBase.extending("ConsoleSingleShipPayloadTemplate", fields: [
        .string("bucket", key: "Bucket", required: true),
        .string("bucket_region", key: "BucketRegion", required: true),
        .string("object_key", key: "ObjectKey", default: "index.json"),
    ])
    let payload: Payload
    init(payload: Payload) { self.payload = payload }
    func execute(commit: Bool, context: ShipContext) async throws {}
}

struct ConsoleAccountShip: WorkerShip {
    static let fanOutStrategy = FanOutStrategy.account
    static let payloadTemplate = PayloadTemplates.baseAccount
    let payload: Payload
    init(payload: Payload) { self.payload = payload }
    func execute(commit: Bool, context: ShipContext) async throws {}
}

struct ConsoleDisabledShip: WorkerShip {
    let payload: Payload
    init(payload: Payload) { self.payload = payload }
    func execute(commit: Bool, context: ShipContext) async throws {}
}

struct ConsoleBrokenShip: WorkerShip {
    let payload: Payload
    init(payload: Payload) { self.payload = payload }
    func execute(commit: Bool, context: ShipContext) async throws {}
}

struct ConsoleUnconfiguredShip: WorkerShip {
    let payload: Payload
    init(payload: Payload) { self.payload = payload }
    func execute(commit: Bool, context: ShipContext) async throws {}
}

struct ConsoleWideShip: WorkerShip {
    static let name = "日本語シップ🚀"
    let payload: Payload
    init(payload: Payload) { self.payload = payload }
    func execute(commit: Bool, context: ShipContext) async throws {}
}

enum ConsoleFixture {
    static let fleet: Fleet = [ConsoleSingleShip.self, ConsoleAccountShip.self, ConsoleDisabledShip.self,
                               ConsoleBrokenShip.self, ConsoleUnconfiguredShip.self, ConsoleWideShip.self]

    static let starfleetYAML = """
    STARFLEET:
      DeploymentRegion: us-east-1
      TemplateBucket: starfleet-templates
      FanOutQueueUrl: https://sqs.us-east-1.amazonaws.com/000000000000/fan-out
      AccountIndex: StarfleetDefaultAccountIndex
    StarfleetDefaultAccountIndex:
      IndexBucket: starfleet-account-index
      BucketRegion: us-east-1
      IndexObjectPath: accountIndex.json

    """

    static func section(_ name: String, enabled: Bool = true) -> String {
        """
        \(name):
          Enabled: \(enabled)
          TemplatePrefix: \(name)/
          InvocationQueueUrl: https://sqs.us-east-1.amazonaws.com/000000000000/\(name.count)
          InvocationSources:
            - S3

        """
    }

    /// `ships.yaml`: ConsoleBrokenShip has an unknown EventBridgeTimedFrequency.
    static let shipsYAML = section("ConsoleSingleShip") + section("ConsoleAccountShip")
        + section("ConsoleDisabledShip", enabled: false) + """
        ConsoleBrokenShip:
          Enabled: true
          TemplatePrefix: ConsoleBrokenShip/
          InvocationQueueUrl: https://sqs.us-east-1.amazonaws.com/000000000000/broken
          InvocationSources:
            - EVENTBRIDGE_TIMED_EVENT
          EventBridgeTimedFrequency: SOMETIMES

        """ + section(ConsoleWideShip.name)

    /// A configuration directory on disk.
    static func directory() throws -> TemporaryDirectory {
        let directory = try TemporaryDirectory(prefix: "starfleet-console-test")
        try directory.write(starfleetYAML, to: "config/starfleet.yaml")
        try directory.write(shipsYAML, to: "config/ships.yaml")
        return directory
    }

    static func snapshot(in directory: TemporaryDirectory) throws -> FleetSnapshot {
        let configuration = try ConfigurationLoader().load(directory: directory.path + "/config")
        return FleetSnapshot.make(configuration: configuration, fleet: fleet, accountIndexFile: nil)
    }

    static let now = Date(timeIntervalSince1970: 1_800_000_000)

    /// A state with the configuration loaded, at a given size.
    static func state(_ snapshot: FleetSnapshot, width: Int = 120, height: Int = 40, readOnly: Bool = false,
                      theme: Theme = .default) -> AppState {
        var state = AppState(configurationDirectory: snapshot.directory, readOnly: readOnly, payloadDirectory: "/payloads",
                             size: Size(width: width, height: height), now: now, theme: theme)
        ConsoleReducer.reduce(&state, .configurationLoaded(snapshot))
        state.flash = nil
        return state
    }

    static let validPayload = """
    TemplateName: WriteTheIndex
    TemplateDescription: Writes the index.
    Bucket: my-bucket
    BucketRegion: us-east-1
    Extra: kept as is
    """

    /// Line 3 has a number where a string belongs; Bucket is missing (reported at line 1).
    static let invalidPayload = """
    TemplateName: Broken
    TemplateDescription: Broken on purpose.
    BucketRegion: 12
    """

    /// A valid ConsoleAccountShip payload for every account.
    static let accountPayload = """
    TemplateName: Some
    TemplateDescription: Some accounts.
    IncludeAccounts:
      AllAccounts: true
    """

    static func document(_ text: String, ship: any WorkerShip.Type = ConsoleSingleShip.self,
                         path: String = "/payloads/payload.yaml") -> PayloadDocument {
        PayloadDocument.make(origin: .local(path), ship: ship.name, data: Data(text.utf8), schema: ship.payloadTemplate)
    }

    /// Opens `text` in the inspector for ConsoleSingleShip through the reducer.
    static func inspecting(_ text: String, state: inout AppState, ship: String = "ConsoleSingleShip") {
        let index = state.fleet.visibleShips.firstIndex { $0.name == ship }!
        state.fleet.list.selected = index
        ConsoleReducer.reduce(&state, .key(.enter))
        let generation = state.picker!.generation
        ConsoleReducer.reduce(&state, .pickerListed(generation: generation, directory: "/payloads", .success([
            PickerEntry(name: "payload.yaml", kind: .file, origin: .local("/payloads/payload.yaml")),
        ])))
        ConsoleReducer.reduce(&state, .key(.enter))
        let requestID = state.inspector!.requestID
        let type: any WorkerShip.Type = ship == "ConsoleAccountShip" ? ConsoleAccountShip.self : ConsoleSingleShip.self
        ConsoleReducer.reduce(&state, .payloadOpened(requestID: requestID, .success(document(text, ship: type))))
        state.flash = nil
    }

    /// Runs a dry run through the reducer to its end with the given exit status.
    @discardableResult
    static func dryRun(_ state: inout AppState, exitStatus: Int32 = 0, digest: String? = nil) -> String {
        let effects = ConsoleReducer.reduce(&state, .key(.char("d")))
        guard case .startRun(let launch)? = effects.first else { fatalError("no run started: \(effects) \(String(describing: state.flash))") }
        let fingerprint = RunFingerprint(ship: launch.ship, payloadSHA256: launch.payloadSHA256,
                                         configurationSHA256: digest ?? state.fleet.snapshot!.configurationDigest,
                                         accountId: launch.target?.accountId, region: launch.target?.region)
        ConsoleReducer.reduce(&state, .runStarted(id: launch.id, fingerprint: fingerprint, logPath: "/tmp/\(launch.id).log"))
        ConsoleReducer.reduce(&state, .runOutput(id: launch.id, [
            RunLogRecord.parse(#"{"time":"2026-11-29T10:00:00.123Z","level":"info","message":"[🛃] Validating the template..."}"#),
            RunLogRecord.parse(#"{"time":"2026-11-29T10:00:00.456Z","level":"warning","message":"[⚠️] Commit flag is disabled: not saving report to S3 (would write s3://my-bucket/index.json)"}"#),
        ]))
        ConsoleReducer.reduce(&state, .runFinished(id: launch.id, exitStatus: exitStatus, signaled: false,
                                                   at: state.now.addingTimeInterval(1.5)))
        state.flash = nil
        return launch.id
    }

    /// Presses C after a successful dry run and answers the commit check with the current
    /// fingerprint: the confirmation dialog opens. Returns the commit's launch.
    static func openCommitDialog(_ state: inout AppState) throws -> RunLaunch {
        let effects = ConsoleReducer.reduce(&state, .key(.char("C")))
        let launch = try #require(effects.first.flatMap { effect -> RunLaunch? in
            if case .checkCommit(let launch) = effect { return launch } else { return nil }
        }, "no commit check: \(effects)")
        let fingerprint = try #require(RunFeature.currentFingerprint(state))
        ConsoleReducer.reduce(&state, .commitChecked(runID: launch.id, .success(fingerprint)))
        return launch
    }

    /// In the open commit dialog: types `phrase`, Tab to Commit, Enter. Returns the commit's launch.
    static func confirmCommit(_ phrase: String, _ state: inout AppState) throws -> RunLaunch {
        _ = type(phrase, into: &state)
        ConsoleReducer.reduce(&state, .key(.tab))
        let started = ConsoleReducer.reduce(&state, .key(.enter))
        return try #require(started.first.flatMap { effect -> RunLaunch? in
            if case .startRun(let launch) = effect { return launch } else { return nil }
        }, "no commit started: \(started)")
    }

    /// Types a string key by key.
    static func type(_ text: String, into state: inout AppState) -> [Effect] {
        var effects: [Effect] = []
        for character in text { effects += ConsoleReducer.reduce(&state, .key(.char(character))) }
        return effects
    }
}
