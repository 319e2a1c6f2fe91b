import ArgumentParser
import Foundation
import Starfleet

/// `starfleet new-ship NAME --strategy …`: scaffolds a worker-ship plugin and registers it.
struct NewShipCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new-ship",
        abstract: "Create a new worker-ship plugin (ship, templates, example files, test) and register it.",
        discussion: """
        Writes Sources/WorkerShips/Plugins/NAME/{NAME.swift, NAMETemplates.swift},
        examples/new-ships/NAME/{configuration.yaml, payload.yaml} and Tests/WorkerShipsTests/NAMETests.swift,
        and adds `NAME.self,` to the fleet list in Sources/WorkerShips/Fleet+Default.swift.
        Refuses (exit 2) a NAME that is not an UpperCamelCase Swift type name or that already exists.
        """
    )

    enum Strategy: String, ExpressibleByArgument, CaseIterable {
        case singleInvocation = "SINGLE_INVOCATION"
        case account = "ACCOUNT"
        case accountRegion = "ACCOUNT_REGION"

        var fanOutStrategy: FanOutStrategy {
            switch self {
            case .singleInvocation: return .singleInvocation
            case .account: return .account
            case .accountRegion: return .accountRegion
            }
        }
    }

    @Argument(help: "The ship's type name, UpperCamelCase (e.g. S3BucketAuditShip).")
    var name: String

    @Option(help: "The fan-out strategy: SINGLE_INVOCATION, ACCOUNT or ACCOUNT_REGION.")
    var strategy: Strategy

    @Option(help: "The package root to write into (default: the current directory).")
    var into: String?

    func run() async throws {
        let root = URL(fileURLWithPath: into ?? FileManager.default.currentDirectoryPath, isDirectory: true).standardizedFileURL
        let scaffold = ShipScaffold(name: name, strategy: strategy.fanOutStrategy, root: root)
        do {
            let written = try scaffold.create(knownShipNames: FleetContext.fleet.names)
            Output.out(scaffold.nextSteps(written: written))
        } catch {
            throw CLIFailure(.usage, "new-ship: \(error.description)")
        }
    }
}
