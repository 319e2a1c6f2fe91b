import ArgumentParser
import Foundation
import Starfleet
import StarfleetSchema

/// `starfleet validate`: a payload through a ship's template or a base template.
struct ValidateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Validate a payload YAML against a ship's payload template or a base template."
    )

    @Option(help: "The ship whose payload template to use.")
    var ship: String?

    @Option(help: "A base template: WorkerShipPayloadBaseTemplate, BaseAccountPayloadTemplate, BaseAccountRegionPayloadTemplate.")
    var template: String?

    @Option(help: "The payload YAML file.")
    var payload: String

    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text

    func validate() throws {
        if (ship == nil) == (template == nil) {
            throw ValidationError("Give exactly one of --ship NAME or --template NAME.")
        }
    }

    func run() async throws {
        let schema = try resolveSchema()
        let source = try PayloadSource.read(payload)
        let result = schema.loadResult(source.node)
        switch format {
        case .json:
            Output.out(result.isValid ? JSONWriter().string(.map(result.data)) : result.errors.json())
        case .text:
            Output.out(PayloadReport.text(source: source, schema: schema, result: result))
        }
        if !result.isValid { throw CLIFailure(.invalid, nil) }
    }

    private func resolveSchema() throws(CLIFailure) -> Schema {
        if let ship {
            guard let type = FleetContext.fleet.ship(named: ship) else {
                throw CLIFailure(.usage, "unknown ship \(ship); registered ships: \(FleetContext.fleet.names.joined(separator: ", "))")
            }
            return type.payloadTemplate
        }
        let name = template ?? ""
        guard let schema = PayloadTemplates.byName[name] else {
            let known = PayloadTemplates.byName.keys.sorted().joined(separator: ", ")
            throw CLIFailure(.usage, "unknown template \(name); base templates: \(known)")
        }
        return schema
    }
}
