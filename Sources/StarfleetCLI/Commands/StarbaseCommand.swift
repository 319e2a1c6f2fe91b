import ArgumentParser

/// `starfleet starbase`: the Starbase's two jobs, timed tasking and fan-out.
struct StarbaseCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "starbase",
        abstract: "The Starbase: task timed ships and fan templates out to the worker queues.",
        subcommands: [StarbaseTimedCommand.self, StarbaseFanoutCommand.self]
    )
}
