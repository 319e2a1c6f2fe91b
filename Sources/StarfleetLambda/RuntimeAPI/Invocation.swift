import Foundation

/// One event handed out by `GET /2018-06-01/runtime/invocation/next`.
public struct Invocation: Sendable, Equatable {
    public let requestId: String
    /// `Lambda-Runtime-Deadline-Ms`: milliseconds since the epoch when the invocation times out.
    public let deadlineMilliseconds: Int64?
    public let functionARN: String?
    public let traceId: String?
    public let event: Data

    public init(requestId: String, deadlineMilliseconds: Int64?, functionARN: String?, traceId: String?, event: Data) {
        self.requestId = requestId
        self.deadlineMilliseconds = deadlineMilliseconds
        self.functionARN = functionARN
        self.traceId = traceId
        self.event = event
    }
}
