/// One lazily started ``MotoServer`` per test process (and per configuration), shared by the
/// tests of a suite so that the suite pays for one startup. Tests that share it should use
/// distinct resources (bucket names, keys) instead of resetting.
public actor SharedMotoServer {
    public static let shared = SharedMotoServer(initialNoAuthActionCount: nil)

    public let initialNoAuthActionCount: Int?
    private let fixture: MemoizedFixture<MotoServer>

    public init(initialNoAuthActionCount: Int?) {
        self.initialNoAuthActionCount = initialNoAuthActionCount
        fixture = MemoizedFixture(isUsable: { $0.isRunning }) {
            try await MotoServer.start(initialNoAuthActionCount: initialNoAuthActionCount)
        }
    }

    /// The running server, started on first use.
    public func get() async throws -> MotoServer {
        try await fixture.get()
    }
}
