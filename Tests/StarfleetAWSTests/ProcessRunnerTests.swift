import Foundation
import StarfleetTestSupport
import Testing

@Suite("ProcessRunner")
struct ProcessRunnerTests {
    @Test func capturesOutputAndExitCode() async throws {
        let result = try await ProcessRunner.run("/bin/sh", ["-c", "echo out; echo err >&2; exit 3"])
        #expect(result.exitCode == 3)
        #expect(result.stdoutText == "out\n")
        #expect(result.stderrText == "err\n")
        #expect(!result.timedOut)
    }

    @Test func passesEnvironmentInputAndDirectory() async throws {
        let dir = try TemporaryDirectory()
        let result = try await ProcessRunner.run(
            "sh", ["-c", "cat; echo \"$GREETING\"; pwd"], environment: ["GREETING": "hello", "PATH": "/usr/bin:/bin"],
            workingDirectory: dir.url, input: Data("from stdin\n".utf8))
        #expect(result.exitCode == 0, "\(result.summary)")
        let lines = result.stdoutText.split(separator: "\n").map(String.init)
        #expect(lines.first == "from stdin")
        #expect(lines.dropFirst().first == "hello")
        #expect(lines.last.map { URL(fileURLWithPath: $0).resolvingSymlinksInPath().path } == dir.url.resolvingSymlinksInPath().path)
    }

    @Test func largeOutputDoesNotDeadlock() async throws {
        let result = try await ProcessRunner.run("/bin/sh", ["-c", "head -c 1000000 /dev/zero; head -c 300000 /dev/zero >&2"])
        #expect(result.stdout.count == 1_000_000)
        #expect(result.stderr.count == 300_000)
    }

    @Test func timeoutStopsTheProcess() async throws {
        let result = try await ProcessRunner.run("/bin/sh", ["-c", "echo started; exec sleep 30"], timeout: 0.5)
        #expect(result.timedOut)
        // Ended by the signal, not by the sleep running out (that would be exit 0). No wall-clock
        // bound: on a starved 2-core CI machine the test's own resumption has come 34 s late.
        #expect(result.exitCode == SIGTERM || result.exitCode == SIGKILL, "exit \(result.exitCode)")
        #expect(result.stdoutText == "started\n")
    }

    @Test func childrenCanHandleSIGTERM() async throws {
        // Children start with a clean signal mask, so a trap on TERM runs on timeout.
        let result = try await ProcessRunner.run(
            "/bin/sh", ["-c", "trap 'echo got-term; exit 7' TERM; echo ready; sleep 30 & wait"], timeout: 0.5)
        #expect(result.timedOut)
        #expect(result.exitCode == 7, "\(result.summary)")
        #expect(result.stdoutText == "ready\ngot-term\n")
    }

    @Test func missingExecutableIsAClearError() async throws {
        let error = try await #require(throws: ProcessRunnerError.self) {
            _ = try await ProcessRunner.run("definitely-not-a-command-xyz")
        }
        #expect(error.description.hasPrefix("cannot run definitely-not-a-command-xyz: not found on PATH"))
    }
}
