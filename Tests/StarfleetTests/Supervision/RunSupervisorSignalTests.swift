import Foundation
import Starfleet
import StarfleetTestSupport
import Testing

/// A commit's cancel: `terminate` sends SIGTERM and waits however long the child takes;
/// only `forceKill` ends a child that does not stop.
@Suite("RunSupervisor: terminate waits, forceKill kills")
struct RunSupervisorSignalTests {
    @Test("terminate never escalates by itself; forceKill ends a child that ignores SIGTERM")
    func terminateThenForce() async throws {
        let directory = try TemporaryDirectory(prefix: "supervisor")
        let supervisor = RunSupervisor(executable: "/bin/sh",
                                       arguments: ["-c", "trap '' TERM; echo ready; exec sleep 30"],
                                       environment: [:], logPath: directory.url.appendingPathComponent("run.log").path,
                                       gracePeriod: .milliseconds(50))
        var finished: (status: Int32, signaled: Bool)?
        for await event in supervisor.start() {
            switch event {
            case .line(let record) where record.message == "ready":
                supervisor.terminate()
                // Well past the grace period a dry run's cancel would use: still running.
                try await Task.sleep(for: .milliseconds(400))
                #expect(supervisor.isRunning, "terminate does not turn into SIGKILL")
                supervisor.forceKill()
            case .finished(let status, let signaled):
                finished = (status, signaled)
            default:
                break
            }
        }
        let outcome = try #require(finished)
        #expect(outcome.signaled && outcome.status == SIGKILL)
    }
}
