/// The answer of `GetCallerIdentity`.
public struct CallerIdentity: Sendable, Equatable {
    public var account: String
    public var arn: String
    public var userId: String

    public init(account: String, arn: String, userId: String) {
        self.account = account
        self.arn = arn
        self.userId = userId
    }
}
