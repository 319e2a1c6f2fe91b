import Starfleet

/// One bracketed emoji, then a sentence; facts worth filtering on go in metadata.
func logGuideFindings(_ context: ShipContext, account: String, publicBuckets: [String]) {
    context.logger.debug("[🔎] Checking \(publicBuckets.count) bucket(s)", metadata: ["account": "\(account)"])
    for bucket in publicBuckets {
        context.logger.warning("[🪣] Bucket \(bucket) allows public reads", metadata: [
            "account": "\(account)",
            "bucket": "\(bucket)",
        ])
    }
    context.logger.info("[✅] Checked \(account)", metadata: ["account": "\(account)", "findings": "\(publicBuckets.count)"])
}
