import Foundation
import Starfleet
import StarfleetSchema
import StarfleetTUI

public enum PickerSource: Hashable, Sendable {
    case local
    case s3
}

/// Whether a picker entry validates for the ship (filled in by background validation).
public enum EntryValidity: Hashable, Sendable {
    case pending
    case valid
    case invalid(Int)
    case unreadable(String)
}

public struct PickerEntry: Hashable, Sendable {
    public enum Kind: Hashable, Sendable { case parent, directory, file }
    public var name: String
    public var kind: Kind
    public var origin: PayloadOrigin?
    /// Directory entries: the path to open.
    public var directory: String?
    public var validity: EntryValidity

    public init(name: String, kind: Kind, origin: PayloadOrigin? = nil, directory: String? = nil,
                validity: EntryValidity = .pending) {
        self.name = name
        self.kind = kind
        self.origin = origin
        self.directory = directory
        self.validity = validity
    }
}

public struct PickerState: Hashable, Sendable {
    public var ship: String
    public var source: PickerSource = .local
    public var directory: String
    /// `s3://bucket/prefix` when browsing S3.
    public var s3Location: String = ""
    public var entries: [PickerEntry] = []
    public var isLoading: Bool = true
    public var error: String?
    public var list = ListState()
    /// Results of an older listing are dropped.
    public var generation: Int = 0
    public var validatedCount: Int = 0

    public init(ship: String, directory: String) {
        self.ship = ship
        self.directory = directory
    }

    public var visibleIndices: [Int] {
        let filter = list.filter
        guard !filter.isEmpty else { return Array(entries.indices) }
        return entries.indices.filter { entries[$0].kind != .parent && TextSearch.contains(entries[$0].name, filter) }
    }

    /// A new listing: nothing yet, unfiltered, at the top.
    mutating func startListing() {
        entries = []
        isLoading = true
        error = nil
        list.reset()
        validatedCount = 0
    }

    public var fileCount: Int { entries.reduce(0) { $0 + ($1.kind == .file ? 1 : 0) } }
}
