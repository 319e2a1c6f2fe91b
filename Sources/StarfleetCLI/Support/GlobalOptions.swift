import ArgumentParser
import Foundation
import Starfleet

/// Options every command shares.
struct GlobalOptions: ParsableArguments {
    @Option(name: .long, help: "Configuration directory (default: $STARFLEET_CONFIG_DIR, then ./configuration_files).")
    var config: String?

    var environment: [String: String] { ProcessInfo.processInfo.environment }

    var configurationDirectory: String {
        ConfigurationLoader.resolveDirectory(option: config, environment: environment)
    }

    /// Loads the configuration or fails with exit 2 (unreadable) — schema problems are left to the caller.
    func loadConfiguration() throws(CLIFailure) -> Configuration {
        let catalog = try regions()
        do {
            return try ConfigurationLoader(regions: catalog).load(directory: configurationDirectory)
        } catch {
            throw CLIFailure(.usage, error.description)
        }
    }

    func regions() throws(CLIFailure) -> RegionCatalog {
        do {
            return try RegionCatalog.load(environment: environment)
        } catch {
            throw CLIFailure(.usage, error.description)
        }
    }
}

enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text
    case json
}

enum TableFormat: String, ExpressibleByArgument, CaseIterable {
    case table
    case json
}
