/// A fixture built once per test process and shared (a server, a seeded organization):
/// concurrent first callers wait for the same build, and a value that is no longer usable
/// (a server that died) is built again.
public actor MemoizedFixture<Value: Sendable> {
    private let build: @Sendable () async throws -> Value
    private let isUsable: @Sendable (Value) -> Bool
    private var value: Value?
    private var building: Task<Value, any Error>?

    public init(isUsable: @escaping @Sendable (Value) -> Bool = { _ in true },
                build: @escaping @Sendable () async throws -> Value) {
        self.build = build
        self.isUsable = isUsable
    }

    public func get() async throws -> Value {
        if let value, isUsable(value) { return value }
        if let building { return try await building.value }
        let task = Task { try await build() }
        building = task
        defer { building = nil }
        let built = try await task.value
        value = built
        return built
    }
}
