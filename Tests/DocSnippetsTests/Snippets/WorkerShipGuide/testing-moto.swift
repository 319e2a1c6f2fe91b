import Foundation
import Starfleet
import StarfleetAWS

/// The same ship against moto_server: real, signed requests to a local endpoint. Pass
/// `MotoServer.clientEnvironment` (dummy credentials, region and `AWS_ENDPOINT_URL`).
func regionBaselineAgainstMoto(clientEnvironment: [String: String]) async throws -> Data {
    let s3 = try AWSSession(region: "us-east-1", environment: clientEnvironment).s3()
    try await s3.createBucket(bucket: "starfleet-baselines")

    // No test double registered: the ship builds its own client from `context.environment`.
    let context = try makeGuideContext(services: ServiceRegistry(), environment: clientEnvironment)
    let ship = try makeGuideBaselineShip(account: "111111111111", region: "eu-west-1")
    try await ship.execute(commit: true, context: context)

    return try await s3.getObject(bucket: "starfleet-baselines", key: "baselines/network/111111111111/eu-west-1.json")
}
