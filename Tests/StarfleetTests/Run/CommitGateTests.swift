import Foundation
import Starfleet
import Testing

/// The commit gate as a state machine: only a target's latest dry run counts.
@Suite("Commit gate per target")
struct CommitGateTests {
    static let start = Date(timeIntervalSince1970: 1_800_000_000)

    static func fingerprint(account: String = "000000000001", payload: String = "p1", configuration: String = "c1",
                            index: String? = "i1") -> RunFingerprint {
        RunFingerprint(ship: "IamRoleWorkerShip", payloadSHA256: payload, configurationSHA256: configuration,
                       accountIndexSHA256: index, accountId: account, region: nil)
    }

    /// A dry run of `fingerprint`'s target from launch to its end.
    static func dryRun(_ gate: inout CommitGate, _ fingerprint: RunFingerprint, id: String, outcome: CommitGate.Outcome,
                       at date: Date = start) {
        gate.dryRunLaunched(runID: id, target: CommitGate.Target(fingerprint))
        gate.dryRunStarted(runID: id, fingerprint: fingerprint)
        gate.dryRunFinished(runID: id, outcome: outcome, at: date)
    }

    @Test("Success opens the gate; a later failed dry run of the same inputs closes it")
    func successThenFailed() {
        var gate = CommitGate()
        let target = Self.fingerprint()
        #expect(gate.refusal(for: target, now: Self.start)?.contains("needs a successful dry run") == true)
        Self.dryRun(&gate, target, id: "1", outcome: .succeeded(PlanSummary(toAdd: 3)))
        #expect(gate.refusal(for: target, now: Self.start) == nil)
        Self.dryRun(&gate, target, id: "2", outcome: .failed)
        #expect(gate.refusal(for: target, now: Self.start)?.contains("latest dry run of this target failed") == true)
        #expect(gate.approved(target, now: Self.start) == nil)
    }

    @Test("A later cancelled dry run closes it too, and so does one still running")
    func successThenCancelled() {
        var gate = CommitGate()
        let target = Self.fingerprint()
        Self.dryRun(&gate, target, id: "1", outcome: .succeeded(nil))
        gate.dryRunLaunched(runID: "2", target: CommitGate.Target(target))
        #expect(gate.refusal(for: target, now: Self.start)?.contains("still running") == true)
        gate.dryRunFinished(runID: "2", outcome: .cancelled, at: Self.start)
        #expect(gate.refusal(for: target, now: Self.start)?.contains("was cancelled") == true)
        // A late result of the superseded run changes nothing.
        gate.dryRunFinished(runID: "1", outcome: .succeeded(nil), at: Self.start)
        #expect(gate.refusal(for: target, now: Self.start) != nil)
    }

    @Test("A successful dry run older than the limit is refused; within it, approved")
    func olderThanTheLimit() {
        var gate = CommitGate(maxPlanAge: 15 * 60)
        let target = Self.fingerprint()
        Self.dryRun(&gate, target, id: "1", outcome: .succeeded(nil))
        #expect(gate.refusal(for: target, now: Self.start.addingTimeInterval(14 * 60)) == nil)
        let refusal = gate.refusal(for: target, now: Self.start.addingTimeInterval(16 * 60))
        #expect(refusal?.contains("16 minutes ago") == true)
        #expect(refusal?.contains("--max-plan-age") == true)
    }

    @Test("A changed account index, payload or configuration is refused")
    func inputsChanged() {
        var gate = CommitGate()
        Self.dryRun(&gate, Self.fingerprint(), id: "1", outcome: .succeeded(nil))
        #expect(gate.refusal(for: Self.fingerprint(index: "i2"), now: Self.start)?.contains("account index changed") == true)
        #expect(gate.refusal(for: Self.fingerprint(payload: "p2"), now: Self.start)?.contains("payload changed") == true)
        #expect(gate.refusal(for: Self.fingerprint(configuration: "c2"), now: Self.start)?
            .contains("configuration changed") == true)
    }

    @Test("Partial marks: committed, skipped as no changes, refused; totals add up; one refusal blocks the commit")
    func partialMarks() {
        var gate = CommitGate()
        let changed = Self.fingerprint(account: "000000000001")
        let alsoChanged = Self.fingerprint(account: "000000000002")
        let unchanged = Self.fingerprint(account: "000000000003")
        let failed = Self.fingerprint(account: "000000000004")
        let never = Self.fingerprint(account: "000000000005")
        Self.dryRun(&gate, changed, id: "1", outcome: .succeeded(PlanSummary(toAdd: 2, toChange: 1)))
        Self.dryRun(&gate, alsoChanged, id: "2", outcome: .succeeded(PlanSummary(toDestroy: 1)))
        Self.dryRun(&gate, unchanged, id: "3", outcome: .succeeded(.noChanges))
        Self.dryRun(&gate, failed, id: "4", outcome: .failed)

        let all = gate.decide([changed, alsoChanged, unchanged, failed, never], now: Self.start)
        #expect(all.toCommit == [changed, alsoChanged])
        #expect(all.noChanges == [unchanged])
        #expect(all.refused.map(\.fingerprint) == [failed, never])
        #expect(all.totals == PlanSummary(toAdd: 2, toChange: 1, toDestroy: 1))
        #expect(!all.mayCommit)

        let good = gate.decide([changed, unchanged], now: Self.start)
        #expect(good.mayCommit)
        #expect(good.toCommit == [changed])
        #expect(!gate.decide([unchanged], now: Self.start).mayCommit)
    }

    @Test("A commit spends its target's dry run; other targets keep theirs")
    func commitSpends() {
        var gate = CommitGate()
        let first = Self.fingerprint(account: "000000000001")
        let second = Self.fingerprint(account: "000000000002")
        Self.dryRun(&gate, first, id: "1", outcome: .succeeded(nil))
        Self.dryRun(&gate, second, id: "2", outcome: .succeeded(nil))
        gate.spend(CommitGate.Target(first))
        #expect(gate.refusal(for: first, now: Self.start) != nil)
        #expect(gate.refusal(for: second, now: Self.start) == nil)
    }
}
