import ArgumentParser
import Starfleet
@testable import StarfleetCLI
import Testing

/// `RunInvocation.arguments` and `starfleet run`'s parser are each other's inverse.
@Suite("RunInvocation through the CLI's own parser")
struct RunInvocationParsingTests {
    static let invocations: [RunInvocation] = [
        RunInvocation(ship: "AccountIndexGeneratorShip", configurationDirectory: "/etc/starfleet config",
                      payloadPath: "/tmp/runs/1.payload.yaml", mode: .dryRun, logFormat: .jsonl),
        RunInvocation(ship: "AwsConfigWorkerShip", configurationDirectory: "/c", payloadPath: "p.yml",
                      accountId: "000000000001", region: "eu-west-1", accountIndexFile: "/tmp/index.json",
                      mode: .commit, logFormat: .jsonl),
        RunInvocation(ship: "S", configurationDirectory: nil, payloadPath: "p.yaml", accountId: "1", mode: .commit),
        RunInvocation(ship: "S", configurationDirectory: "/c", payloadPath: "p.yaml", accountId: "1",
                      accountIndexFile: "/i.json", mode: .commit, logFormat: .jsonl,
                      expectedConfigurationDigest: "abc", expectedAccountIndexDigest: "def"),
        RunInvocation(ship: "S", configurationDirectory: "/c", payloadPath: "/s/runs/9.payload.yaml", accountId: "1",
                      mode: .commit, logFormat: .jsonl,
                      ownership: RunOwnership(logFile: "/s/runs/9.log", historyDirectory: "/s", runID: "9",
                                              payloadLabel: "s3://b/k.yaml", detach: true)),
    ]

    @Test("Parsing the arguments back gives the same invocation", arguments: invocations)
    func roundTrip(_ invocation: RunInvocation) throws {
        let parsed = try RootCommand.parseAsRoot(invocation.arguments)
        let run = try #require(parsed as? RunCommand, "parsed as \(type(of: parsed))")
        #expect(run.invocation == invocation)
    }
}
