import Foundation
import Synchronization

extension ConsoleServices {
    /// However the endpoint behaves (no answer, a stopped server), the header hears back within this.
    static let identityTimeout: Duration = .seconds(10)

    /// `GetCallerIdentity` through the injected cloud, bounded by `timeout`. The request runs in
    /// its own task: a call that ignores cancellation is abandoned, never waited for.
    func fetchIdentity(timeout: Duration = ConsoleServices.identityTimeout) async -> Result<AWSIdentity, ConsoleFailure> {
        guard let fetch = cloud.callerIdentity else { return .failure(ConsoleFailure("not configured")) }
        let answer = FirstAnswer<Result<AWSIdentity, ConsoleFailure>>()
        return await withCheckedContinuation { continuation in
            answer.wait(with: continuation)
            let request = Task {
                do throws(ConsoleFailure) {
                    answer.give(.success(try await fetch()))
                } catch {
                    answer.give(.failure(error))
                }
            }
            Task {
                try? await Task.sleep(for: timeout)
                answer.give(.failure(ConsoleFailure("no answer within \(Self.describe(timeout))")))
                request.cancel()
            }
        }
    }

    static func describe(_ duration: Duration) -> String {
        let milliseconds = duration.components.seconds * 1000 + duration.components.attoseconds / 1_000_000_000_000_000
        return milliseconds % 1000 == 0 ? "\(milliseconds / 1000) s" : "\(milliseconds) ms"
    }
}

/// Resumes a continuation with the first value given; later ones are dropped.
final class FirstAnswer<Value: Sendable>: Sendable {
    private let continuation = Mutex<CheckedContinuation<Value, Never>?>(nil)

    func wait(with continuation: CheckedContinuation<Value, Never>) {
        self.continuation.withLock { $0 = continuation }
    }

    func give(_ value: Value) {
        continuation.withLock { $0.take() }?.resume(returning: value)
    }
}
