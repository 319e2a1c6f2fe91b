import Foundation
import Starfleet
import StarfleetAWS

/// The core's ``TemplateStore`` on S3.
public struct S3TemplateStore: TemplateStore {
    public let s3: any S3API

    public init(s3: any S3API) {
        self.s3 = s3
    }

    public func keys(bucket: String, prefix: String) async throws(TemplateStoreError) -> [String] {
        do {
            return try await s3.listObjectsV2(bucket: bucket, prefix: prefix).map(\.key)
        } catch {
            throw Self.mapped(error, key: prefix)
        }
    }

    public func object(bucket: String, key: String) async throws(TemplateStoreError) -> Data {
        do {
            return try await s3.getObject(bucket: bucket, key: key)
        } catch {
            throw Self.mapped(error, key: key)
        }
    }

    public static func mapped(_ error: any Error, key: String) -> TemplateStoreError {
        guard let error = error as? AWSError else { return .unreachable(key: key, code: "Error", detail: "\(error)") }
        return error.code == "NoSuchKey" ? .missing(key: key) : .unreachable(key: key, code: error.code, detail: error.description)
    }
}
