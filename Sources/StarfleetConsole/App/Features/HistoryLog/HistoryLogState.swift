import Foundation
import Starfleet
import StarfleetSchema
import StarfleetTUI

public struct HistoryLogState: Sendable {
    public var record: RunHistoryRecord
    public var requestID: Int
    public var isLoading: Bool = true
    public var error: String?
    public var log = LogPane(capacity: 10_000)
    public var totalLines: Int = 0
    /// A fleet target's log opened while it runs: the run whose new lines it follows (nil once
    /// the run ended and its saved file was read).
    public var liveRunID: String?

    public init(record: RunHistoryRecord, requestID: Int) {
        self.record = record
        self.requestID = requestID
    }
}
