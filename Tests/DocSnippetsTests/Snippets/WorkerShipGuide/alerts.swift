import Starfleet
import Testing

/// Alerts go through the context, which applies the ship's configured `AlertPriority`.
func alertGuideFindings(_ context: ShipContext, account: String, publicBuckets: [String]) async {
    if publicBuckets.isEmpty {
        await context.sendAlert(.informational, title: "No public buckets in \(account)", body: "Nothing to do.")
    } else {
        await context.sendAlert(.problem, title: "Public buckets in \(account)",
                                body: publicBuckets.map { "• \($0)" }.joined(separator: "\n"))
    }
}

@Test func alertThresholdRule() {
    // Configured at SUCCESS: PROBLEM, IMPORTANT and SUCCESS are sent, INFORMATIONAL is not.
    #expect(AlertPriority.shouldSend(.problem, configured: .success))
    #expect(AlertPriority.shouldSend(.success, configured: .success))
    #expect(!AlertPriority.shouldSend(.informational, configured: .success))
    // Configured at NONE (or no AlertConfiguration at all): nothing is sent.
    #expect(!AlertPriority.shouldSend(.problem, configured: .none))
}
