import Foundation
import StarfleetLambda
import WorkerShips

// The Lambda binary (`bootstrap`): the runtime loop and the fleet, without the console.
let arguments = CommandLine.arguments.dropFirst()
if arguments.contains("--version") {
    print("starfleet-lambda \(LambdaVersion.current)")
    exit(0)
}
if arguments.contains("--help") || arguments.contains("-h") {
    print("""
    starfleet-lambda: the Starfleet AWS Lambda custom runtime (package it as `bootstrap`).
    Environment: AWS_LAMBDA_RUNTIME_API (set by Lambda), _HANDLER = starbase-timed | starbase-fanout | worker:<ShipName>,
    STARFLEET_CONFIG_DIR (default: configuration_files/ in LAMBDA_TASK_ROOT or beside the binary),
    STARFLEET_COMMIT (true to apply changes), STARFLEET_ACCOUNT_INDEX_MAX_AGE (seconds, default 900), SLACK_API_URL.
    """)
    exit(0)
}
let status = await LambdaRuntime.run(fleet: .default, environment: ProcessInfo.processInfo.environment,
                                     executablePath: CommandLine.arguments.first ?? "bootstrap")
exit(status)
