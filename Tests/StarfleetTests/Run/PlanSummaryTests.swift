import Foundation
import Logging
import Starfleet
import StarfleetTestSupport
import Synchronization
import Testing

/// A ship's plan as data: `Logger.plan` → the JSON record's typed fields → `RunLogRecord.plan`.
@Suite("Structured plans in the run log")
struct PlanSummaryTests {
    static let date = Date(timeIntervalSince1970: 1_800_000_000)

    static func jsonl(_ plan: PlanSummary) -> String {
        StarfleetLogHandler.render(level: .info, message: "Plan: …", metadata: plan.metadata.merging(["ship": "S"]) { $1 },
                                   label: "starfleet", format: .jsonl, date: date)
    }

    @Test("jsonl writes plan_add, plan_change, plan_destroy as numbers; no_changes only when there is nothing to do")
    func jsonlFields() throws {
        let line = Self.jsonl(PlanSummary(toAdd: 2, toChange: 1, toDestroy: 0))
        #expect(line.contains(#""plan_add":2"#) || line.contains(#""plan_add": 2"#))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        #expect(object["plan_add"] as? Int == 2)
        #expect(object["plan_change"] as? Int == 1)
        #expect(object["plan_destroy"] as? Int == 0)
        #expect(object["no_changes"] == nil)
        #expect(object["ship"] as? String == "S")

        let none = try #require(try JSONSerialization.jsonObject(with: Data(Self.jsonl(.noChanges).utf8)) as? [String: Any])
        #expect(none["no_changes"] as? Bool == true)
        #expect(none["plan_add"] as? Int == 0)
    }

    @Test("The run log record reads the plan back; a record without one has none")
    func recordReadsPlan() {
        let plan = PlanSummary(toAdd: 0, toChange: 3, toDestroy: 1)
        let record = RunLogRecord.parse(Self.jsonl(plan))
        #expect(record.plan == plan)
        #expect(record.message == "Plan: …")
        #expect(RunLogRecord.parse(#"{"time":"t","level":"info","message":"Plan: 1 to add, 0 to change, 0 to destroy."}"#).plan == nil,
                "the text of a message is never parsed for a plan")
        #expect(RunLogRecord.parse(#"{"level":"info","message":"m","plan_add":"1","plan_change":"0","plan_destroy":"0"}"#).plan
            == PlanSummary(toAdd: 1))
    }

    @Test("The text format leaves the fields out: the message states the plan")
    func textFormat() {
        let line = StarfleetLogHandler.render(level: .info, message: "Plan: 1 to add, 0 to change, 0 to destroy.",
                                              metadata: PlanSummary(toAdd: 1).metadata, label: "l", format: .text, date: Self.date)
        #expect(line.hasSuffix("INFO Plan: 1 to add, 0 to change, 0 to destroy."))
    }

    @Test("Logger.plan attaches the counts to one record at the level asked")
    func loggerHelper() {
        let records = CapturedRecords()
        let logger = Logger(label: "t") { _ in CapturingLogHandler { record in records.all.withLock { $0.append(record) } } }
        logger.plan(PlanSummary(toDestroy: 2), level: .warning, "two to go")
        let captured = records.all.withLock { $0 }
        #expect(captured.map(\.level) == [.warning])
        #expect(captured.map(\.message) == ["two to go"])
        #expect(captured.map { PlanSummary(metadata: $0.metadata) } == [PlanSummary(toDestroy: 2)])
    }
}

private final class CapturedRecords: Sendable {
    let all = Mutex<[CapturedLogRecord]>([])
}
