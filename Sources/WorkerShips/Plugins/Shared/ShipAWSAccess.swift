import Foundation
import Starfleet
import StarfleetAWS

/// How a ship reaches the account it was assigned: STS AssumeRole of
/// `arn:<partition>:iam::<account>:role/<WorkerRoleToAssume>` from the ambient credentials.
/// Endpoints (STS included) follow `AWS_ENDPOINT_URL…` from the ship's environment.
enum ShipAWSAccess {
    static func session(context: ShipContext, account: String, roleName: String, sessionName: String,
                        region: String, stsRegion: String? = nil) throws -> AWSSession {
        let base = AWSSession(region: region, environment: context.environment, logger: context.logger)
        return try base.assumingRole(roleArn: roleArn(account: account, roleName: roleName, region: region),
                                     sessionName: sessionName, stsRegion: stsRegion ?? region, region: region)
    }

    static func roleArn(account: String, roleName: String, region: String) -> String {
        "arn:\(partition(for: region)):iam::\(account):role/\(roleName)"
    }

    /// `aws`, `aws-cn` or `aws-us-gov`, from the region name.
    static func partition(for region: String) -> String {
        if region.hasPrefix("cn-") { return "aws-cn" }
        if region.hasPrefix("us-gov-") { return "aws-us-gov" }
        return "aws"
    }
}

/// A ship refused or failed for a reason the operator must read; the text is the whole message.
public struct ShipFailure: Error, Sendable, CustomStringConvertible, Equatable {
    public let description: String

    public init(_ description: String) {
        self.description = description
    }
}
