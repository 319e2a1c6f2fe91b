import Foundation

/// Where payload templates live (the `TemplateBucket`). The command line wires in S3.
public protocol TemplateStore: Sendable {
    /// Every key under `prefix`, in listing order.
    func keys(bucket: String, prefix: String) async throws(TemplateStoreError) -> [String]
    func object(bucket: String, key: String) async throws(TemplateStoreError) -> Data
}

/// Why a template could not be listed or fetched, in the original's wording.
public enum TemplateStoreError: Error, Sendable, Equatable, CustomStringConvertible {
    case missing(key: String)
    /// Any other failure: the service's error code and the full error text.
    case unreachable(key: String, code: String, detail: String)

    public var description: String {
        switch self {
        case .missing(let key):
            return "[❌] Can't find the template: \(key) in S3. Please investigate why it's missing."
        case .unreachable(let key, let code, let detail):
            return "[❌] Some problem occurred reaching out to S3 (\(code)) while fetching: \(key). \(detail)"
        }
    }
}
