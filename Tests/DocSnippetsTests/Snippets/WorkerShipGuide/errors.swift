import Starfleet

/// An error that tells the operator what failed and where.
struct QuotaGuideError: Error, CustomStringConvertible {
    let account: String
    let detail: String

    var description: String { "the quota check of \(account) failed: \(detail)" }
}

/// Throw to fail the invocation; check for cancellation between units of work.
func checkGuideQuotas(_ context: ShipContext, accounts: [String]) async throws {
    for account in accounts {
        try Task.checkCancellation()  // SIGINT/SIGTERM: stop between accounts, not halfway through one
        guard account.count == 12 else {
            throw QuotaGuideError(account: account, detail: "an account id has 12 digits")
        }
        context.logger.info("[📏] Quotas of \(account) are fine")
    }
}
