/// What handling one queue message came to. The consumer deletes the message unless it failed;
/// a failed message is left for the queue's visibility timeout and redrive policy.
public enum MessageOutcome: Sendable, Equatable {
    case succeeded
    /// Acknowledged without work (an S3 test event, a key that is not a template…).
    case skipped(String)
    case failed(String)
    /// Left on the queue without counting as a failure (a dry run).
    case retained(String)

    public var deletesMessage: Bool {
        switch self {
        case .succeeded, .skipped: return true
        case .failed, .retained: return false
        }
    }
}
