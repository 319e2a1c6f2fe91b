import ArgumentParser
import Starfleet
import StarfleetSchema

/// `starfleet config …`
struct ConfigCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "config",
        abstract: "Inspect the configuration.",
        subcommands: [ConfigCheckCommand.self]
    )
}

/// `starfleet config check`: every problem of every section at once.
struct ConfigCheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Validate the configuration directory: STARFLEET, every ship section, the account index section."
    )

    @OptionGroup var global: GlobalOptions

    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text

    func run() async throws {
        let configuration = try global.loadConfiguration()
        let fleet = FleetContext.fleet
        let report = ConfigurationReport(configuration: configuration, fleet: fleet)
        for warning in report.warnings { Output.err("warning: \(warning)") }
        switch format {
        case .json:
            if report.isValid {
                Output.out(JSONWriter().string(.map(loadedSections(configuration, fleet: fleet))))
            } else {
                Output.out(report.errors.json())
            }
        case .text:
            if report.isValid {
                let registry = ShipRegistry(fleet: fleet, configuration: configuration)
                Output.out("Configuration OK: \(configuration.files.count) file(s) in \(configuration.directory)")
                for status in registry.statuses {
                    Output.out("  \(status.name): \(status.state.label)")
                }
            } else {
                let lines = report.lines(defaultFile: configuration.directory)
                for line in lines { Output.out(line) }
                Output.out("\(lines.count) problem(s) found.")
            }
        }
        if !report.isValid { throw CLIFailure(.invalid, nil) }
    }

    /// The loaded (snake_case) sections, keyed by section name.
    private func loadedSections(_ configuration: Configuration, fleet: Fleet) -> PayloadMap {
        var result = PayloadMap()
        result["STARFLEET"] = .map(configuration.starfleet)
        for status in ShipRegistry(fleet: fleet, configuration: configuration).statuses {
            if let loaded = status.configuration { result[status.name] = .map(loaded) }
        }
        let indexSection = DefaultAccountIndexConfigurationTemplate.sectionName
        if let section = configuration.section(indexSection),
           let loaded = try? DefaultAccountIndexConfigurationTemplate.schema.load(section) {
            result[indexSection] = .map(loaded)
        }
        return result
    }
}
