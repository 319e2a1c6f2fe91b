import ArgumentParser
import Starfleet
import StarfleetSchema

/// `starfleet index …`
struct IndexCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "index",
        abstract: "Inspect the account index.",
        subcommands: [IndexShowCommand.self]
    )
}

/// `starfleet index show`: a summary of the loaded index.
struct IndexShowCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Summarize the account index.")

    @OptionGroup var global: GlobalOptions

    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text

    @Option(name: .customLong("account-index"), help: "Read the account index from this JSON file instead of S3.")
    var accountIndex: String?

    func run() async throws {
        let configuration = try global.loadConfiguration()
        let (cache, source) = try AWSWiring.accountIndexCache(configuration: configuration, overrideFile: accountIndex,
                                                             environment: global.environment)
        let index: DefaultAccountIndex
        do {
            index = try await cache.index()
        } catch {
            throw CLIFailure(.usage, error.description)
        }
        defer { ProcessLifetime.keep(index) }
        let units = index.organizationalUnits
        var tagNames = Set<String>()
        for account in index.allAccounts { tagNames.formUnion(index.tags(of: account).keys) }
        let regions = index.accountsForAllRegions()
        switch format {
        case .json:
            var object = PayloadMap()
            object["source"] = .string(source.description)
            object["generated"] = index.generated.map(PayloadValue.string) ?? .null
            object["account_count"] = .int(index.allAccounts.count)
            object["org_roots"] = .stringSet(index.orgRoots)
            object["organizational_units"] = .map(PayloadMap(uniqueKeysWithValues: units.sorted { $0.key < $1.key }.map { ($0.key, PayloadValue.string($0.value)) }))
            object["tag_names"] = .stringSet(tagNames)
            object["regions"] = .map(PayloadMap(uniqueKeysWithValues: regions.sorted { $0.key < $1.key }.map { ($0.key, PayloadValue.int($0.value.count)) }))
            Output.out(JSONWriter().string(.map(object)))
        case .text:
            Output.out("Account index: \(source)")
            Output.out("  generated: \(index.generated ?? "unknown")")
            Output.out("  accounts: \(index.allAccounts.count)")
            Output.out("  org root (management account): \(index.orgRoots.sorted().joined(separator: ", "))")
            Output.out("  organizational units: \(units.count)")
            for (id, name) in units.sorted(by: { $0.key < $1.key }) { Output.out("    \(id)  \(name)") }
            Output.out("  tag names: \(tagNames.sorted().joined(separator: ", "))")
            Output.out("  regions: \(regions.count)")
            for (region, accounts) in regions.sorted(by: { $0.key < $1.key }) { Output.out("    \(region): \(accounts.count) account(s)") }
        }
    }
}
