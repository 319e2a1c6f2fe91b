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
}
