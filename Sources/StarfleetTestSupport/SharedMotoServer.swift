/// One lazily started ``MotoServer`` per test process (and per configuration), shared by the
/// tests of a suite so that the suite pays for one startup. Tests that share it should use
/// distinct resources (bucket names, keys) instead of resetting.
public actor SharedMotoServer {
    public static let shared = SharedMotoServer(initialNoAuthActionCount: nil)

    public let initialNoAuthActionCount: Int?
    private var server: MotoServer?
    private var starting: Task<MotoServer, any Error>?

    public init(initialNoAuthActionCount: Int?) {
        self.initialNoAuthActionCount = initialNoAuthActionCount
    }

    /// The running server, started on first use.
    public func get() async throws -> MotoServer {
        if let server, server.isRunning { return server }
        if let starting { return try await starting.value }
        let count = initialNoAuthActionCount
        let task = Task { try await MotoServer.start(initialNoAuthActionCount: count) }
        starting = task
        defer { starting = nil }
        let started = try await task.value
        server = started
        return started
    }
}
