import ArgumentParser
import Starfleet
import StarfleetSchema

/// `starfleet fanout`: what the Starbase would task for a payload, without sending anything.
struct FanoutCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fanout",
        abstract: "Show the accounts (and regions) a payload fans out to, without tasking anything."
    )

    @OptionGroup var global: GlobalOptions

    @Option(help: "The worker ship.")
    var ship: String

    @Option(help: "The payload YAML file.")
    var payload: String

    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text

    @Option(name: .customLong("account-index"), help: "Read the account index from this JSON file instead of S3.")
    var accountIndex: String?

    func run() async throws {
        let configuration = try global.loadConfiguration()
        guard let shipType = FleetContext.fleet.ship(named: ship) else {
            throw CLIFailure(.usage, RunRefusal.unknownShip(ship, known: FleetContext.fleet.names).description)
        }
        let source = try PayloadSource.read(payload)
        let result = shipType.payloadTemplate.loadResult(source.node)
        guard result.isValid else {
            throw CLIFailure(.invalid, RunRefusal.invalidPayload(result.errors, file: source.path).description)
        }
        var resolver: AccountResolver?
        if shipType.fanOutStrategy != .singleInvocation {
            let (cache, _) = try AWSWiring.accountIndexCache(configuration: configuration, overrideFile: accountIndex,
                                                            environment: global.environment)
            do {
                resolver = AccountResolver(index: try await cache.index(), scopeToRegions: configuration.scopeToRegions)
            } catch {
                throw CLIFailure(.usage, error.description)
            }
        }
        let plan = FanOutPlan.make(strategy: shipType.fanOutStrategy, payload: Payload(result.data), resolver: resolver)
        defer { ProcessLifetime.keep([resolver as any Sendable, plan]) }
        switch format {
        case .json:
            Output.out(bytes: plan.json(ship: ship))
        case .text:
            Output.out("\(ship) (\(plan.strategy.rawValue)): \(plan.invocationCount) invocation(s)")
            for target in plan.targets {
                let regions = plan.strategy == .accountRegion ? "  " + (target.regions.isEmpty ? "(no enabled regions)" : target.regions.joined(separator: ", ")) : ""
                Output.out("  \(target.accountId)  \(target.accountName ?? "?")\(regions)")
            }
            if plan.strategy != .singleInvocation && plan.targets.isEmpty {
                Output.out("  nothing to task: the payload selects no accounts")
            }
        }
    }
}
