import Foundation

/// The commit gate, per target: a target may be committed only if its **latest** dry run
/// succeeded with the same fingerprint and finished less than `maxPlanAge` ago. A later dry
/// run of the target replaces the earlier one as soon as it starts, so one that fails or is
/// cancelled revokes the gate; a commit spends it (terraform's plan → apply).
public struct CommitGate: Sendable, Hashable {
    /// Where a run happens: the ship and its account/region (nil for SINGLE_INVOCATION).
    public struct Target: Sendable, Hashable {
        public var ship: String
        public var accountId: String?
        public var region: String?

        public init(ship: String, accountId: String?, region: String?) {
            self.ship = ship
            self.accountId = accountId
            self.region = region
        }

        public init(_ fingerprint: RunFingerprint) {
            self.init(ship: fingerprint.ship, accountId: fingerprint.accountId, region: fingerprint.region)
        }
    }

    public enum Outcome: Sendable, Hashable {
        case running
        /// The plan the run reported (nil when the ship reported none).
        case succeeded(PlanSummary?)
        case failed
        case cancelled
    }

    /// The latest dry run of one target.
    public struct Entry: Sendable, Hashable {
        public var runID: String
        /// Known once the run started (the digests it was started with).
        public var fingerprint: RunFingerprint?
        public var outcome: Outcome
        public var finishedAt: Date?
    }

    /// How old a successful dry run may be when its commit starts.
    public var maxPlanAge: TimeInterval
    public private(set) var latest: [Target: Entry] = [:]

    public static let defaultMaxPlanAge: TimeInterval = 15 * 60

    public init(maxPlanAge: TimeInterval = CommitGate.defaultMaxPlanAge) {
        self.maxPlanAge = maxPlanAge
    }

    // MARK: - Events

    /// A dry run of `target` is launched: it is the latest from now on.
    public mutating func dryRunLaunched(runID: String, target: Target) {
        latest[target] = Entry(runID: runID, fingerprint: nil, outcome: .running, finishedAt: nil)
    }

    /// The child started with these digests.
    public mutating func dryRunStarted(runID: String, fingerprint: RunFingerprint) {
        guard let target = target(of: runID) else { return }
        latest[target]?.fingerprint = fingerprint
    }

    /// The run ended. Ignored unless it is still the latest of its target.
    public mutating func dryRunFinished(runID: String, outcome: Outcome, at date: Date) {
        guard let target = target(of: runID) else { return }
        latest[target]?.outcome = outcome
        latest[target]?.finishedAt = date
    }

    /// A commit of `target` started: its dry run is spent.
    public mutating func spend(_ target: Target) {
        latest[target] = nil
    }

    private func target(of runID: String) -> Target? {
        latest.first { $0.value.runID == runID }?.key
    }

    // MARK: - Decisions

    /// The latest successful dry run of the fingerprint's target when it may be committed now.
    public func approved(_ fingerprint: RunFingerprint, now: Date) -> Entry? {
        refusal(for: fingerprint, now: now) == nil ? latest[Target(fingerprint)] : nil
    }

    /// Why the target of `fingerprint` may not be committed now (nil: it may).
    public func refusal(for fingerprint: RunFingerprint, now: Date) -> String? {
        guard let entry = latest[Target(fingerprint)] else {
            return "Commit needs a successful dry run of this ship and payload first (press d)."
        }
        switch entry.outcome {
        case .running: return "The latest dry run of this target is still running."
        case .failed: return "The latest dry run of this target failed; fix it and dry-run again."
        case .cancelled: return "The latest dry run of this target was cancelled; dry-run again."
        case .succeeded: break
        }
        guard let recorded = entry.fingerprint else { return "The latest dry run of this target never started." }
        if let reason = fingerprint.commitRefusal(lastSuccessfulDryRun: recorded) { return reason }
        if let finished = entry.finishedAt, now.timeIntervalSince(finished) > maxPlanAge {
            return "The dry run finished \(Self.minutes(now.timeIntervalSince(finished))) ago, more than the "
                + "\(Self.minutes(maxPlanAge)) allowed (--max-plan-age); dry-run again."
        }
        return nil
    }

    /// What a target's row shows: its latest dry run, judged against the inputs as they are now.
    public enum TargetStatus: Sendable, Hashable {
        case notRun
        case running
        /// Succeeded and still committable: the plan it reported (nil: none reported).
        case ready(PlanSummary?)
        case failed
        case cancelled
        /// Succeeded, but the inputs changed or it is older than `maxPlanAge`.
        case stale
    }

    public func status(of fingerprint: RunFingerprint, now: Date) -> TargetStatus {
        guard let entry = latest[Target(fingerprint)] else { return .notRun }
        switch entry.outcome {
        case .running: return .running
        case .failed: return .failed
        case .cancelled: return .cancelled
        case .succeeded(let plan): return refusal(for: fingerprint, now: now) == nil ? .ready(plan) : .stale
        }
    }

    /// A commit of several targets: which run, which are skipped ("no changes"), which are refused.
    public struct Decision: Sendable, Hashable {
        public var toCommit: [RunFingerprint] = []
        public var noChanges: [RunFingerprint] = []
        public var refused: [Refused] = []

        public struct Refused: Sendable, Hashable {
            public var fingerprint: RunFingerprint
            public var reason: String
        }

        /// The commit may start only when no marked target is refused and one has changes.
        public var mayCommit: Bool { refused.isEmpty && !toCommit.isEmpty }

        /// The sum of the committed targets' plans.
        public var totals = PlanSummary()
    }

    public func decide(_ fingerprints: [RunFingerprint], now: Date) -> Decision {
        var decision = Decision()
        for fingerprint in fingerprints {
            if let reason = refusal(for: fingerprint, now: now) {
                decision.refused.append(Decision.Refused(fingerprint: fingerprint, reason: reason))
                continue
            }
            let plan: PlanSummary?
            if case .succeeded(let reported)? = latest[Target(fingerprint)]?.outcome { plan = reported } else { plan = nil }
            if let plan, !plan.hasChanges {
                decision.noChanges.append(fingerprint)
            } else {
                decision.toCommit.append(fingerprint)
                if let plan {
                    decision.totals.toAdd += plan.toAdd
                    decision.totals.toChange += plan.toChange
                    decision.totals.toDestroy += plan.toDestroy
                }
            }
        }
        return decision
    }

    static func minutes(_ interval: TimeInterval) -> String {
        let whole = Int(interval / 60)
        return whole == 1 ? "1 minute" : "\(whole) minutes"
    }
}
