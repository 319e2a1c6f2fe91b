import ArgumentParser
import Starfleet
import StarfleetSchema

/// `starfleet ships`: every registered ship with its fan-out strategy and state.
struct ShipsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ships",
        abstract: "List the registered worker ships and their state in the configuration."
    )

    @OptionGroup var global: GlobalOptions

    @Option(help: "Output format: table or json.")
    var format: TableFormat = .table

    @Flag(help: "Check the fleet itself (unique names, templates extending the right bases) and exit.")
    var check = false

    func run() async throws {
        let fleet = FleetContext.fleet
        if check {
            try runCheck(fleet)
            return
        }
        let configuration = try global.loadConfiguration()
        let registry = ShipRegistry(fleet: fleet, configuration: configuration)
        switch format {
        case .json:
            let ships = registry.statuses.map { status -> PayloadValue in
                var entry = PayloadMap()
                entry["name"] = .string(status.name)
                entry["fan_out_strategy"] = .string(status.fanOutStrategy.rawValue)
                entry["state"] = .string(status.state.label)
                entry["invocation_sources"] = .list(status.invocationSources.map(PayloadValue.string))
                entry["template_prefix"] = status.templatePrefix.map(PayloadValue.string) ?? .null
                entry["configuration_file"] = status.file.map(PayloadValue.string) ?? .null
                if case .invalidConfiguration(let errors) = status.state { entry["errors"] = errors.payload }
                return .map(entry)
            }
            Output.out(JSONWriter().string(.map(["ships": .list(ships)])))
        case .table:
            let rows = registry.statuses.map { status in
                [status.name, status.fanOutStrategy.rawValue, status.state.label,
                 status.invocationSources.joined(separator: ","), status.templatePrefix ?? "-"]
            }
            Output.out(TextTable.render(header: ["SHIP", "FAN-OUT", "STATE", "SOURCES", "TEMPLATE PREFIX"], rows: rows))
            for status in registry.statuses {
                if case .invalidConfiguration(let errors) = status.state {
                    for entry in errors.entries(prefix: [status.name]) {
                        let line = entry.mark.map { ":\($0.line)" } ?? ""
                        Output.out("\(status.file ?? global.configurationDirectory)\(line): \(entry.pathDescription): \(entry.message)")
                    }
                }
            }
        }
    }

    private func runCheck(_ fleet: Fleet) throws(CLIFailure) {
        let check = FleetCheck(fleet: fleet)
        switch format {
        case .json:
            let problems = check.problems.map { PayloadValue.map(["ship": .string($0.ship), "message": .string($0.message)]) }
            Output.out(JSONWriter().string(.map(["healthy": .bool(check.isHealthy), "problems": .list(problems)])))
        case .table:
            if check.isHealthy {
                Output.out("Fleet OK: \(fleet.ships.count) ship(s): \(fleet.names.joined(separator: ", "))")
            } else {
                for problem in check.problems { Output.out(problem.description) }
            }
        }
        if !check.isHealthy { throw CLIFailure(.invalid, nil) }
    }
}
