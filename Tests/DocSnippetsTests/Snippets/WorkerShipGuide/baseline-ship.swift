import Foundation
import Starfleet
import StarfleetAWS
import StarfleetSchema

/// Keeps one small JSON "baseline" document per account and region in a central bucket.
struct RegionBaselineShip: WorkerShip {
    static let fanOutStrategy: FanOutStrategy = .accountRegion
    static let configurationTemplate = RegionBaselineTemplates.configuration
    static let payloadTemplate = RegionBaselineTemplates.payload

    let payload: Payload

    init(payload: Payload) {
        self.payload = payload
    }

    func execute(commit: Bool, context: ShipContext) async throws {
        // The Starbase (or `starfleet run --account-id … --region …`) assigned these.
        guard let account = payload.assignedAccount, let region = payload.assignedRegion else {
            throw RegionBaselineError.notAssigned
        }
        // Configuration values: UpperCamelCase in the YAML, snake_case here.
        let bucket = context.shipConfiguration["baseline_bucket"]?.string ?? ""
        let bucketRegion = context.shipConfiguration["baseline_bucket_region"]?.string
        // Payload values: the same rule.
        let name = payload.string("baseline_name") ?? "default"
        let key = "baselines/\(name)/\(account)/\(region).json"
        let desired = Self.document(account: account, region: region, services: payload.strings("required_services"))

        // A test double when one was registered, the real client otherwise.
        let s3: any S3API
        if let injected = context.services.resolve((any S3API).self) {
            s3 = injected
        } else {
            s3 = try AWSSession(region: bucketRegion, environment: context.environment, logger: context.logger)
                .s3(region: bucketRegion)
        }

        // Look before writing: a retry, or the next scheduled run, finds the work done.
        if try await Self.current(s3, bucket: bucket, key: key) == desired {
            context.logger.info("[✅] s3://\(bucket)/\(key) is up to date", metadata: ["account": "\(account)", "region": "\(region)"])
            return
        }
        guard commit else {
            context.logger.info("[🔍] Would write s3://\(bucket)/\(key) (dry run: nothing changed)",
                                metadata: ["account": "\(account)", "region": "\(region)"])
            return
        }
        try await s3.putObject(bucket: bucket, key: key, body: desired, contentType: "application/json", acl: nil)
        context.logger.info("[💾] Wrote s3://\(bucket)/\(key)", metadata: ["account": "\(account)", "region": "\(region)"])
        await context.sendAlert(.success, title: "Baseline updated", body: "\(account) \(region): s3://\(bucket)/\(key)")
    }

    /// The object's bytes, or nil when there is none yet. Every other failure is thrown.
    static func current(_ s3: any S3API, bucket: String, key: String) async throws -> Data? {
        do {
            return try await s3.getObject(bucket: bucket, key: key)
        } catch let error as AWSError where error.code == "NoSuchKey" {
            return nil
        }
    }

    static func document(account: String, region: String, services: [String]) -> Data {
        let quoted = services.map { "\"\($0)\"" }.joined(separator: ", ")
        return Data("{\"account\": \"\(account)\", \"region\": \"\(region)\", \"services\": [\(quoted)]}\n".utf8)
    }
}

enum RegionBaselineError: Error, CustomStringConvertible {
    case notAssigned

    var description: String {
        switch self {
        case .notAssigned: return "RegionBaselineShip works in one account and region, and none was assigned"
        }
    }
}
