import Foundation
import Starfleet
import StarfleetTUI

/// The commit confirmation: what will run, the dry run it follows, and the ship's name to
/// type. Cancel is focused.
enum CommitDialogView {
    static func make(launch: RunLaunch, fingerprint: RunFingerprint, dryRun: DryRunRecord?, size: Size,
                     error: String? = nil) -> CommitDialogState {
        let width = min(96, max(40, size.width - 4))
        let room = max(10, width - 4 - 10)
        var body: [StyledLine] = [
            StyledLine([Span("Ship:     ", .textMuted), Span(launch.ship, style: .concrete(Style(attributes: .bold)))]),
            StyledLine([Span("Payload:  ", .textMuted), Span(ConsoleView.abbreviate(launch.origin.display, to: room))]),
            StyledLine([Span("SHA-256:  ", .textMuted), Span(String(launch.payloadSHA256.prefix(16)) + "…")]),
            StyledLine([Span("Target:   ", .textMuted), Span(launch.target?.display ?? "single invocation (no account/region)")]),
        ]
        if let dryRun {
            let seconds = String(format: "%.1f", dryRun.duration)
            body.append(StyledLine([Span("Dry run:  ", .textMuted),
                                    Span("succeeded · exit 0 · \(seconds) s · \(dryRun.lineCount) log lines", .badgeEnabled)]))
            body.append(StyledLine([Span("Plan:     ", .textMuted),
                                    Span(dryRun.plan.map { $0.description } ?? "not reported by the ship",
                                         style: .concrete(Style(attributes: .bold)))]))
            for line in dryRun.summary.suffix(4) {
                body.append(StyledLine([Span("  │ ", .textMuted), Span(TextLayout.truncate(TextLayout.sanitize(line), to: room))]))
            }
        }
        body.append(StyledLine())
        body.append(StyledLine("This runs the ship with --commit: it applies changes.", style: .theme(.error)))
        if let error { body.append(StyledLine("✗ " + error, style: .theme(.error))) }
        let dialog = Dialog(title: "Commit \(launch.ship)?", body: body, buttons: ["Cancel", "Commit"], focusedButton: 0,
                            input: TextInput(maximumLength: 200), inputLabel: "Type \(launch.ship) to confirm, Tab to the Commit button, Enter:",
                            isDangerous: true, preferredWidth: width)
        return CommitDialogState(dialog: dialog, launch: launch, fingerprint: fingerprint, error: error)
    }

    static func orderLine(stopOnFirstFailure: Bool) -> StyledLine {
        StyledLine([Span("Order:    ", .textMuted),
                    Span(stopOnFirstFailure ? "one target at a time; stops at the first failure"
                                            : "one target at a time; goes on after a failure")])
    }

    static func toggleLabel(stopOnFirstFailure: Bool) -> String {
        stopOnFirstFailure ? "Stop on failure: on" : "Stop on failure: off"
    }

    /// The fleet dialog with stop-on-first-failure switched.
    static func togglingStop(in current: CommitDialogState) -> CommitDialogState {
        var next = current
        next.stopOnFirstFailure.toggle()
        if let index = next.dialog.body.firstIndex(where: { $0.plainText.hasPrefix("Order:") }) {
            next.dialog.body[index] = orderLine(stopOnFirstFailure: next.stopOnFirstFailure)
        }
        if next.dialog.buttons.count > 2 { next.dialog.buttons[2] = toggleLabel(stopOnFirstFailure: next.stopOnFirstFailure) }
        return next
    }

    /// The same dialog (typed text and focus kept) with `error` as its last line.
    static func showing(_ error: String, in current: CommitDialogState) -> CommitDialogState {
        var next = current
        if current.error != nil, !next.dialog.body.isEmpty { next.dialog.body.removeLast() }
        next.dialog.body.append(StyledLine("✗ " + error, style: .theme(.error)))
        next.error = error
        return next
    }

    /// A commit of several targets: how many and which, the plan totals, how old the dry runs
    /// are; the phrase to type names the ship and the number of targets.
    static func makeFleet(launches: [RunLaunch], fingerprints: [RunFingerprint], decision: CommitGate.Decision,
                          oldestDryRun: Date?, now: Date, size: Size) -> CommitDialogState {
        let width = min(96, max(40, size.width - 4))
        let room = max(10, width - 4 - 10)
        let first = launches[0]
        let accounts = launches.prefix(3).compactMap { $0.target?.display }.joined(separator: ", ")
            + (launches.count > 3 ? " and \(launches.count - 3) more" : "")
        var body: [StyledLine] = [
            StyledLine([Span("Ship:     ", .textMuted), Span(first.ship, style: .concrete(Style(attributes: .bold)))]),
            StyledLine([Span("Payload:  ", .textMuted), Span(ConsoleView.abbreviate(first.origin.display, to: room))]),
            StyledLine([Span("Targets:  ", .textMuted), Span("\(launches.count) to commit", style: .concrete(Style(attributes: .bold)))]),
            StyledLine([Span("          "), Span(TextLayout.truncate(accounts, to: room))]),
        ]
        if !decision.noChanges.isEmpty {
            body.append(StyledLine([Span("Skipped:  ", .textMuted), Span("\(decision.noChanges.count) with no changes")]))
        }
        body.append(StyledLine([Span("Plan:     ", .textMuted),
                                Span(decision.totals.description + " (in total)", style: .concrete(Style(attributes: .bold)))]))
        if let oldestDryRun {
            let minutes = max(0, Int(now.timeIntervalSince(oldestDryRun) / 60))
            body.append(StyledLine([Span("Dry runs: ", .textMuted),
                                    Span("all succeeded · the oldest finished \(minutes) min ago", .badgeEnabled)]))
        }
        body.append(orderLine(stopOnFirstFailure: true))
        body.append(StyledLine())
        body.append(StyledLine("This runs the ship with --commit in \(launches.count) targets: it applies changes.",
                               style: .theme(.error)))
        let phrase = launches.count > 1 ? "\(first.ship) \(launches.count)" : first.ship
        let title = "Commit \(first.ship) to \(launches.count) target\(launches.count == 1 ? "" : "s")?"
        let dialog = Dialog(title: title, body: body, buttons: ["Cancel", "Commit", toggleLabel(stopOnFirstFailure: true)],
                            focusedButton: 0, input: TextInput(maximumLength: 200),
                            inputLabel: "Type \(phrase) to confirm, Tab to the Commit button, Enter:",
                            isDangerous: true, preferredWidth: width)
        return CommitDialogState(dialog: dialog, launch: first, fingerprint: fingerprints[0], error: nil, fleet: launches,
                                 fleetFingerprints: fingerprints)
    }
}
