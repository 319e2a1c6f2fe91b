import ArgumentParser
import Foundation
import StarfleetLambda

/// `starfleet lambda`: the AWS Lambda custom runtime loop (also chosen when the binary runs as
/// `bootstrap` with `AWS_LAMBDA_RUNTIME_API` set).
struct LambdaCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lambda",
        abstract: "Run as an AWS Lambda function: take invocations from the Lambda Runtime API.",
        discussion: """
        _HANDLER selects the handler: starbase-timed, starbase-fanout or worker:<ShipName>. The configuration is read
        once per container from STARFLEET_CONFIG_DIR (default: configuration_files/ in LAMBDA_TASK_ROOT or beside the
        binary). STARFLEET_COMMIT=true (any case) applies changes. Logs are JSON lines on stdout.
        Exit codes: 1 the function could not start (reported to the init-error endpoint), 2 no Runtime API.
        """
    )

    func run() async throws {
        let status = await LambdaRuntime.run(fleet: FleetContext.fleet, environment: ProcessInfo.processInfo.environment,
                                             executablePath: CommandLine.arguments.first ?? "starfleet")
        if status != 0 { throw CLIFailure(status == 1 ? .invalid : .usage, nil) }
    }
}
