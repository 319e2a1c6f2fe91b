import Foundation

/// The body Lambda expects on the error endpoints: `{"errorMessage": …, "errorType": …}`.
public struct LambdaErrorReport: Sendable, Equatable, Encodable {
    public let errorMessage: String
    public let errorType: String

    public init(errorMessage: String, errorType: String) {
        self.errorMessage = errorMessage
        self.errorType = errorType
    }

    var json: Data { (try? JSONEncoder().encode(self)) ?? Data("{}".utf8) }
}
