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

    public init(record: RunHistoryRecord, requestID: Int) {
        self.record = record
        self.requestID = requestID
    }
}
