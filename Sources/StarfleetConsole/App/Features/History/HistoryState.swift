import Foundation
import Starfleet
import StarfleetSchema
import StarfleetTUI

public struct HistoryState: Hashable, Sendable {
    public var records: [RunHistoryRecord] = []
    public var isLoading: Bool = false
    public var list = ListState()

    public init() {}

    public var visibleRecords: [RunHistoryRecord] {
        let filter = list.filter
        guard !filter.isEmpty else { return records }
        return records.filter {
            TextSearch.contains($0.ship, filter) || TextSearch.contains($0.payloadPath, filter)
                || TextSearch.contains($0.mode.rawValue, filter) || TextSearch.contains($0.start, filter)
                || TextSearch.contains($0.accountId ?? "", filter)
        }
    }
}
