import ArgumentParser
import Foundation
import Starfleet
import StarfleetLambda

/// The `starfleet` command line, runnable with any fleet — a private fleet's own binary
/// calls `StarfleetMain.run(fleet: .default + [TheirShip.self])`.
public enum StarfleetMain {
    public static func run(fleet: Fleet, arguments: [String] = Array(CommandLine.arguments.dropFirst())) async -> Never {
        // Packaged as Lambda's `bootstrap`, the binary is started without arguments.
        let lambda = arguments.isEmpty
            && LambdaRuntime.isBootstrapInvocation(executable: CommandLine.arguments.first, environment: ProcessInfo.processInfo.environment)
        let arguments = lambda ? ["lambda"] : arguments
        let status = await FleetContext.$fleet.withValue(fleet) {
            await execute(arguments)
        }
        exit(status)
    }

    /// The result of a command run in-process.
    public struct CapturedRun: Sendable {
        public let status: Int32
        public let stdout: String
        public let stderr: String
    }

    /// Runs one command in-process and captures what it writes (for tests and tools).
    public static func capture(fleet: Fleet, arguments: [String]) async -> CapturedRun {
        let capture = OutputCapture()
        let status = await FleetContext.$fleet.withValue(fleet) {
            await Output.$capture.withValue(capture) {
                await execute(arguments)
            }
        }
        return CapturedRun(status: status, stdout: capture.stdout, stderr: capture.stderr)
    }

    /// Parses and runs one command; returns the process exit status.
    static func execute(_ arguments: [String]) async -> Int32 {
        let command: any ParsableCommand
        do {
            command = try RootCommand.parseAsRoot(arguments)
        } catch {
            let code = RootCommand.exitCode(for: error)
            let message = RootCommand.fullMessage(for: error)
            if code == .success {
                Output.out(message)
                return 0
            }
            Output.err(message)
            return CLIFailure.Code.usage.rawValue
        }
        // A broken region override must not silently fall back to the built-in list.
        do {
            _ = try RegionCatalog.load(environment: ProcessInfo.processInfo.environment)
        } catch {
            Output.err(error.description)
            return CLIFailure.Code.usage.rawValue
        }
        do {
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                var syncCommand = command
                try syncCommand.run()
            }
            return 0
        } catch let failure as CLIFailure {
            if let message = failure.message { Output.err(message) }
            return failure.code.rawValue
        } catch {
            let code = RootCommand.exitCode(for: error)
            let message = RootCommand.fullMessage(for: error)
            if code == .success {
                if !message.isEmpty { Output.out(message) }
                return 0
            }
            if !message.isEmpty { Output.err(message) }
            return code == .validationFailure ? CLIFailure.Code.usage.rawValue : code.rawValue
        }
    }
}

struct RootCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "starfleet",
        abstract: "Run and inspect Starfleet worker ships across an AWS organization.",
        subcommands: [ShipsCommand.self, ConfigCommand.self, ValidateCommand.self, RunCommand.self, FanoutCommand.self, StarbaseCommand.self, WorkerCommand.self, LambdaCommand.self, IndexCommand.self, NewShipCommand.self, ConsoleCommand.self, GitHubSyncCommand.self]
    )
}
