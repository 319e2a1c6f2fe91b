import Foundation
import Testing

@testable import StarfleetLambda

@Suite struct LambdaSettingsTests {
    static let base = ["_HANDLER": "worker:IamRoleWorkerShip"]

    @Test func theHandlerNamesOneOfThreeJobs() {
        #expect(LambdaHandlerName("starbase-timed") == .starbaseTimed)
        #expect(LambdaHandlerName("starbase-fanout") == .starbaseFanout)
        #expect(LambdaHandlerName("worker:IamRoleWorkerShip") == .worker("IamRoleWorkerShip"))
        for bad in ["", "worker:", "worker", "starbase", "Starbase-Timed", "bootstrap.handler"] {
            #expect(LambdaHandlerName(bad) == nil, "\(bad)")
        }
        #expect(throws: LambdaInitError.self) { try LambdaSettings(environment: ["_HANDLER": "main.handler"], executablePath: "/var/task/bootstrap") }
    }

    @Test func theConfigurationDirectoryIsTheEnvironmentsThenTheTaskRootsThenBesideTheBinary() throws {
        #expect(try LambdaSettings(environment: Self.base.merging(["STARFLEET_CONFIG_DIR": "/opt/conf", "LAMBDA_TASK_ROOT": "/var/task"]) { $1 },
                                   executablePath: "/x/bootstrap").configurationDirectory == "/opt/conf")
        #expect(try LambdaSettings(environment: Self.base.merging(["LAMBDA_TASK_ROOT": "/var/task"]) { $1 },
                                   executablePath: "/x/bootstrap").configurationDirectory == "/var/task/configuration_files")
        #expect(try LambdaSettings(environment: Self.base, executablePath: "/opt/fn/bootstrap").configurationDirectory
                == "/opt/fn/configuration_files")
    }

    @Test(arguments: [("true", true), ("True", true), ("TRUE", true), ("tRuE", true), ("1", false), ("yes", false), (" true", false), ("", false)])
    func commitIsTheOriginalsCaseInsensitiveTrue(value: String, commit: Bool) throws {
        let settings = try LambdaSettings(environment: Self.base.merging(["STARFLEET_COMMIT": value]) { $1 }, executablePath: "/b")
        #expect(settings.commit == commit)
        #expect(try LambdaSettings(environment: Self.base, executablePath: "/b").commit == false)
    }

    @Test func theAccountIndexMaxAgeIsSecondsWithADefault() throws {
        #expect(try LambdaSettings(environment: Self.base, executablePath: "/b").accountIndexMaxAge == 900)
        #expect(try LambdaSettings(environment: Self.base.merging(["STARFLEET_ACCOUNT_INDEX_MAX_AGE": "60"]) { $1 },
                                   executablePath: "/b").accountIndexMaxAge == 60)
        #expect(throws: LambdaInitError.self) {
            try LambdaSettings(environment: Self.base.merging(["STARFLEET_ACCOUNT_INDEX_MAX_AGE": "soon"]) { $1 }, executablePath: "/b")
        }
    }

    @Test func autoSelectionNeedsBothTheRuntimeAPIAndTheBootstrapName() {
        let api = ["AWS_LAMBDA_RUNTIME_API": "127.0.0.1:9001"]
        #expect(LambdaRuntime.isBootstrapInvocation(executable: "/var/task/bootstrap", environment: api))
        #expect(!LambdaRuntime.isBootstrapInvocation(executable: "/usr/bin/starfleet", environment: api))
        #expect(!LambdaRuntime.isBootstrapInvocation(executable: "/var/task/bootstrap", environment: [:]))
    }

    @Test func theRuntimeAPIAddressIsHostAndPort() {
        #expect(RuntimeAPIClient(address: "127.0.0.1:9001")?.port == 9001)
        #expect(RuntimeAPIClient(address: "localhost")?.port == nil)
        #expect(RuntimeAPIClient(address: "") == nil)
        #expect(RuntimeAPIClient(address: "host:notaport") == nil)
    }
}
