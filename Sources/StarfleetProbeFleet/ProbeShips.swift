import Foundation
import Logging
import Starfleet
import StarfleetAWS
import StarfleetSchema

/// An ACCOUNT probe: logs its assignment and, on commit, writes the marker object
/// `probe/ProbeAccountShip/<account>.json` to `MarkerBucket`.
public struct ProbeAccountShip: WorkerShip {
    public static let fanOutStrategy = FanOutStrategy.account
    public static let payloadTemplate = PayloadTemplates.baseAccount.extending(
        "ProbeAccountShipPayloadTemplate", fields: ProbeMarker.payloadFields)

    public let payload: Payload

    public init(payload: Payload) {
        self.payload = payload
    }

    public func execute(commit: Bool, context: ShipContext) async throws {
        try await ProbeMarker(ship: Self.name, payload: payload).run(commit: commit, context: context)
    }
}

/// An ACCOUNT_REGION probe: logs its assignment and, on commit, writes the marker object
/// `probe/ProbeAccountRegionShip/<account>/<region>.json` to `MarkerBucket`.
public struct ProbeAccountRegionShip: WorkerShip {
    public static let fanOutStrategy = FanOutStrategy.accountRegion
    public static let payloadTemplate = PayloadTemplates.baseAccountRegion.extending(
        "ProbeAccountRegionShipPayloadTemplate", fields: ProbeMarker.payloadFields)

    public let payload: Payload

    public init(payload: Payload) {
        self.payload = payload
    }

    public func execute(commit: Bool, context: ShipContext) async throws {
        try await ProbeMarker(ship: Self.name, payload: payload).run(commit: commit, context: context)
    }
}

/// What both probes do: announce the assignment, optionally wait (`DelaySeconds`, cancellable,
/// so signal handling can be tested), then write — or, on a dry run, describe — the marker.
struct ProbeMarker {
    static let payloadFields: [Field] = [
        .string("marker_bucket", key: "MarkerBucket", required: true, validators: [.length(min: 3, max: 63)]),
        .integer("delay_seconds", key: "DelaySeconds", default: 0, validators: [.range(min: 0, max: 3600)]),
    ]

    let ship: String
    let payload: Payload

    var account: String { payload.assignedAccount ?? "" }
    var region: String? { payload.assignedRegion }
    var bucket: String { payload.string("marker_bucket") ?? "" }

    /// `probe/<ship>/<account>.json` or `probe/<ship>/<account>/<region>.json`.
    var key: String {
        "probe/\(ship)/\(account)" + (region.map { "/\($0)" } ?? "") + ".json"
    }

    /// The marker's contents: the assignment.
    var body: String {
        var object = PayloadMap()
        object["ship"] = .string(ship)
        object["template_name"] = payload["template_name"] ?? .null
        object["starbase_assigned_account"] = .string(account)
        if let region { object["starbase_assigned_region"] = .string(region) }
        return JSONWriter(indent: 4, sortKeys: true).string(.map(object))
    }

    func run(commit: Bool, context: ShipContext) async throws {
        guard !account.isEmpty else {
            throw ProbeError(message: "\(ship) needs an assigned account (starbase_assigned_account)")
        }
        let name = try? await context.accountIndex().name(of: account)
        context.logger.info("[🛰️] \(ship) assigned account \(account) (\(name ?? "unknown name"))\(region.map { ", region \($0)" } ?? "")",
                            metadata: region.map { ["account_id": .string(account), "region": .string($0)] } ?? ["account_id": .string(account)])
        let delay = payload.int("delay_seconds") ?? 0
        if delay > 0 {
            context.logger.info("[⏳] Waiting \(delay) s (DelaySeconds) before the marker...")
            try await Task.sleep(for: .seconds(delay))
        }
        guard commit else {
            context.logger.info("[🔍] Dry run: would write s3://\(bucket)/\(key):\n\(body)")
            return
        }
        let session = AWSSession(region: context.configuration.deploymentRegion, environment: context.environment,
                                 logger: context.logger)
        try await session.s3().putObject(bucket: bucket, key: key, body: Data(body.utf8), contentType: "application/json", acl: nil)
        context.logger.info("[💾] Wrote the marker s3://\(bucket)/\(key)")
    }
}

struct ProbeError: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}
