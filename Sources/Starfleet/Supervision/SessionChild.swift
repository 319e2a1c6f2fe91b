import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A child process in a session of its own (`POSIX_SPAWN_SETSID`): no controlling terminal, out
/// of its parent's process group, so a terminal hang-up or Ctrl-C aimed at the parent never
/// reaches it. Started with an empty signal mask and default dispositions (the parent's threads
/// block signals; a child inheriting that would ignore SIGTERM), stdin on /dev/null and stdout
/// and stderr on `output` (or /dev/null). `newSession: false` keeps the clean signal state only
/// (tests starting tmux use that).
public final class SessionChild: Sendable {
    public let pid: pid_t

    private init(pid: pid_t) {
        self.pid = pid
    }

    public struct SpawnFailure: Error, CustomStringConvertible {
        public let description: String
    }

    /// glibc's `POSIX_SPAWN_SETSID` (not exported to Swift).
    private static let setSessionFlag: Int32 = 0x80

    public static func spawn(executable: String, arguments: [String], environment: [String: String],
                             output: Int32?, newSession: Bool = true) throws(SpawnFailure) -> SessionChild {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        for descriptor: Int32 in [1, 2] {
            if let output {
                posix_spawn_file_actions_adddup2(&actions, output, descriptor)
            } else {
                posix_spawn_file_actions_addopen(&actions, descriptor, "/dev/null", O_WRONLY, 0)
            }
        }
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var empty = sigset_t()
        sigemptyset(&empty)
        var all = sigset_t()
        sigfillset(&all)
        posix_spawnattr_setsigmask(&attributes, &empty)
        posix_spawnattr_setsigdefault(&attributes, &all)
        let flags = Int32(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF) | (newSession ? setSessionFlag : 0)
        posix_spawnattr_setflags(&attributes, Int16(flags))
        let argv: [UnsafeMutablePointer<CChar>?] = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        let envp: [UnsafeMutablePointer<CChar>?] = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { envp.forEach { free($0) } }
        var pid: pid_t = 0
        let result = posix_spawn(&pid, executable, &actions, &attributes, argv, envp)
        guard result == 0 else { throw SpawnFailure(description: String(cString: strerror(result))) }
        return SessionChild(pid: pid)
    }

    /// Blocks until the child ends: its exit status, or the signal that ended it.
    public func waitForExit() -> (status: Int32, signaled: Bool) {
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 {
            if errno != EINTR { return (0, false) }
        }
        let signal = status & 0x7f
        return signal == 0 ? ((status >> 8) & 0xff, false) : (signal, true)
    }
}
