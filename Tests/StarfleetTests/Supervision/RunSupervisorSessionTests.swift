import Foundation
import Starfleet
import StarfleetTestSupport
import Testing

/// The console's children run in sessions of their own, so its terminal hanging up (or the
/// console dying) does not reach them.
@Suite("RunSupervisor: a session of its own")
struct RunSupervisorSessionTests {
    @Test("The child leads its own session and process group")
    func ownSession() async throws {
        let supervisor = RunSupervisor(executable: "/bin/sh", arguments: ["-c", "echo $$; cut -d' ' -f5,6 /proc/$$/stat"],
                                       environment: [:], logPath: nil)
        var lines: [String] = []
        var finished: (status: Int32, signaled: Bool)?
        for await event in supervisor.start() {
            switch event {
            case .line(let record): lines.append(record.message)
            case .finished(let status, let signaled): finished = (status, signaled)
            case .failedToStart(let reason): Issue.record("did not start: \(reason)")
            }
        }
        #expect(finished?.status == 0 && finished?.signaled == false)
        let pid = try #require(lines.first)
        #expect(lines.dropFirst().first == "\(pid) \(pid)", "process group and session are the child's own: \(lines)")
    }

    @Test("With a niceness, the child runs that much below its parent (the console keeps the CPU for keys)")
    func nicedChild() async throws {
        let supervisor = RunSupervisor(executable: "/bin/sh", arguments: ["-c", "sleep 0.2; cut -d' ' -f19 /proc/$$/stat"],
                                       environment: [:], logPath: nil, niceness: 5)
        var lines: [String] = []
        for await event in supervisor.start() {
            if case .line(let record) = event { lines.append(record.message) }
        }
        let parent = getpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0)
        #expect(lines == ["\(min(19, parent + 5))"], "the child's nice value")
    }

    @Test("A missing executable is reported, not thrown")
    func missingExecutable() async {
        let supervisor = RunSupervisor(executable: "/nonexistent/starfleet", arguments: [], environment: [:], logPath: nil)
        var reasons: [String] = []
        for await event in supervisor.start() {
            if case .failedToStart(let reason) = event { reasons.append(reason) }
        }
        #expect(reasons.count == 1 && reasons[0].contains("/nonexistent/starfleet"), "\(reasons)")
    }
}
