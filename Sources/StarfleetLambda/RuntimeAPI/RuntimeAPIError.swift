/// The Runtime API could not be reached or refused a call.
public struct RuntimeAPIError: Error, Sendable, CustomStringConvertible {
    public let call: String
    public let detail: String

    public var description: String { "Lambda Runtime API \(call): \(detail)" }
}
