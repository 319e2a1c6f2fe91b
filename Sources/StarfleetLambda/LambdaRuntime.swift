import Foundation
import Logging
import Starfleet
import StarfleetAWS

/// The Lambda custom runtime (`provided.al2023`): set up once per container, then take
/// invocations from the Runtime API one at a time, for ever.
///
/// A failed set-up (bad `_HANDLER`, an invalid configuration, a disabled ship) is reported to the
/// init-error endpoint and ends the process with status 1; a failed invocation is reported to its
/// error endpoint and the loop goes on with the next one.
public enum LambdaRuntime {
    /// The process runs as Lambda's `bootstrap` with a Runtime API to talk to.
    public static func isBootstrapInvocation(executable: String?, environment: [String: String]) -> Bool {
        guard let api = environment["AWS_LAMBDA_RUNTIME_API"], !api.isEmpty, let executable else { return false }
        return executable.hasSuffix("bootstrap")
    }

    /// Runs until the Runtime API goes away; returns the process exit status.
    public static func run(fleet: Fleet, environment: [String: String], executablePath: String) async -> Int32 {
        let settingsResult = Result { () throws(LambdaInitError) -> LambdaSettings in
            try LambdaSettings(environment: environment, executablePath: executablePath)
        }
        let logger = LambdaLogging.bootstrap(handler: try? settingsResult.get().handler)
        guard let address = environment["AWS_LAMBDA_RUNTIME_API"], let api = RuntimeAPIClient(address: address) else {
            logger.critical("[💥] AWS_LAMBDA_RUNTIME_API is not set to host:port; `starfleet lambda` runs only inside AWS Lambda (or against a Runtime API stub).")
            return 2
        }

        let handler: any InvocationHandler
        do throws(LambdaInitError) {
            let settings = try settingsResult.get()
            logger.info("[🛠️] Cold start: \(settings.handler) with the configuration in \(settings.configurationDirectory).")
            handler = try LambdaContainer.makeHandler(settings: settings, fleet: fleet, environment: environment, logger: logger)
        } catch {
            logger.critical("[💥] The function cannot start: \(error.description)")
            do {
                try await api.initializationFailed(LambdaErrorReport(errorMessage: error.description, errorType: error.errorType))
            } catch {
                logger.critical("[💥] \(error)")
            }
            return 1
        }

        while true {
            let invocation: Invocation
            do {
                invocation = try await api.next()
            } catch {
                logger.critical("[💥] \(error)")
                return 1
            }
            var log = logger
            log[metadataKey: "request_id"] = .string(invocation.requestId)
            let body: Data
            do throws(InvocationError) {
                body = try await handler.handle(invocation, logger: log)
            } catch {
                log.error("[💥] Encountered major problem processing the payload: \(error.description)")
                await report(LambdaErrorReport(errorMessage: error.description, errorType: error.errorType), for: invocation, api: api, logger: log)
                continue
            }
            do {
                try await api.respond(requestId: invocation.requestId, body: body)
            } catch {
                log.error("[💥] \(error)")
                await report(LambdaErrorReport(errorMessage: "the response was refused: \(error)", errorType: "Starfleet.ResponseRefused"),
                             for: invocation, api: api, logger: log)
            }
        }
    }

    private static func report(_ report: LambdaErrorReport, for invocation: Invocation, api: RuntimeAPIClient, logger: Logger) async {
        do {
            try await api.fail(requestId: invocation.requestId, report)
        } catch {
            logger.error("[💥] \(error)")
        }
    }
}
