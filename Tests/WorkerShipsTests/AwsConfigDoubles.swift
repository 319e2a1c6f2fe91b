import Foundation
import StarfleetAWS
import Synchronization

@testable import WorkerShips

/// An in-memory AWS Config of one account/region with moto's rules (one recorder, a channel
/// needs a recorder, starting needs a channel, names must match), call recording and injectable
/// failures.
final class FakeConfigService: ConfigServiceAPI, Sendable {
    struct State {
        var recorder: ConfigurationRecorder?
        var recording: Bool?
        var channel: DeliveryChannel?
        var retention: Int?
        var calls: [String] = []
        var failures: [String: any Error] = [:]
    }

    let state: Mutex<State>

    init(recorder: ConfigurationRecorder? = nil, recording: Bool? = nil, channel: DeliveryChannel? = nil, retention: Int? = nil) {
        state = Mutex(State(recorder: recorder, recording: recording ?? (recorder == nil ? nil : false), channel: channel,
                            retention: retention))
    }

    var calls: [String] { state.withLock { $0.calls } }
    var writes: [String] { calls.filter { !$0.hasPrefix("Describe") } }
    var snapshot: State { state.withLock { $0 } }

    func fail(_ operation: String, with error: any Error) { state.withLock { $0.failures[operation] = error } }

    static func serviceError(_ code: String, _ operation: String, status: Int = 400) -> AWSError {
        AWSError(kind: .service, service: "Config", operation: operation, code: code, message: "\(code) from the double",
                 httpStatus: status)
    }

    private func call(_ name: String, _ detail: String = "") throws {
        try state.withLock { state in
            state.calls.append(detail.isEmpty ? name : "\(name) \(detail)")
            if let error = state.failures[name] { throw error }
        }
    }

    func describeConfigurationRecorders() async throws -> [ConfigurationRecorder] {
        try call("DescribeConfigurationRecorders")
        return state.withLock { $0.recorder.map { [$0] } ?? [] }
    }

    func describeConfigurationRecorderStatus() async throws -> [ConfigurationRecorderStatus] {
        try call("DescribeConfigurationRecorderStatus")
        return state.withLock { state in
            state.recorder.map { [ConfigurationRecorderStatus(name: $0.name, recording: state.recording ?? false)] } ?? []
        }
    }

    func describeDeliveryChannels() async throws -> [DeliveryChannel] {
        try call("DescribeDeliveryChannels")
        return state.withLock { $0.channel.map { [$0] } ?? [] }
    }

    func describeRetentionConfigurations() async throws -> [RetentionConfiguration] {
        try call("DescribeRetentionConfigurations")
        return state.withLock { $0.retention.map { [RetentionConfiguration(name: "default", retentionPeriodInDays: $0)] } ?? [] }
    }

    func putConfigurationRecorder(_ recorder: ConfigurationRecorder) async throws {
        try call("PutConfigurationRecorder", recorder.name ?? "")
        try state.withLock { state in
            if let existing = state.recorder, existing.name != recorder.name {
                throw Self.serviceError("MaxNumberOfConfigurationRecordersExceededException", "PutConfigurationRecorder")
            }
            state.recorder = recorder
            if state.recording == nil { state.recording = false }
        }
    }

    func putDeliveryChannel(_ channel: DeliveryChannel) async throws {
        try call("PutDeliveryChannel", channel.name ?? "")
        try state.withLock { state in
            guard state.recorder != nil else { throw Self.serviceError("NoAvailableConfigurationRecorderException", "PutDeliveryChannel") }
            state.channel = channel
        }
    }

    func putRetentionConfiguration(retentionPeriodInDays: Int) async throws {
        try call("PutRetentionConfiguration", String(retentionPeriodInDays))
        state.withLock { $0.retention = retentionPeriodInDays }
    }

    func startConfigurationRecorder(name: String) async throws {
        try call("StartConfigurationRecorder", name)
        try state.withLock { state in
            guard state.recorder?.name == name else { throw Self.serviceError("NoSuchConfigurationRecorderException", "StartConfigurationRecorder") }
            guard state.channel != nil else { throw Self.serviceError("NoAvailableDeliveryChannelException", "StartConfigurationRecorder") }
            state.recording = true
        }
    }

    func stopConfigurationRecorder(name: String) async throws {
        try call("StopConfigurationRecorder", name)
        try state.withLock { state in
            guard state.recorder?.name == name else { throw Self.serviceError("NoSuchConfigurationRecorderException", "StopConfigurationRecorder") }
            state.recording = false
        }
    }
}
