/// A fixed-capacity buffer that keeps the most recent elements.
///
/// Every element gets a *sequence number* (0 for the first ever appended),
/// which stays valid while older elements are dropped, so a view can hold a
/// position that survives eviction.
public struct RingBuffer<Element> {
    public let capacity: Int
    private var storage: [Element] = []
    /// Index in `storage` of the oldest element once the buffer is full.
    private var head = 0
    /// How many elements were ever appended.
    public private(set) var totalAppended = 0

    public init(capacity: Int) {
        precondition(capacity > 0, "RingBuffer capacity must be positive")
        self.capacity = capacity
        storage.reserveCapacity(min(capacity, 4_096))
    }

    public var count: Int { storage.count }
    public var isEmpty: Bool { storage.isEmpty }
    /// Sequence number of the oldest element still held.
    public var firstSequence: Int { totalAppended - storage.count }
    /// Sequence numbers currently held.
    public var sequences: Range<Int> { firstSequence..<totalAppended }
    /// How many elements were dropped to make room.
    public var droppedCount: Int { firstSequence }

    public mutating func append(_ element: Element) {
        if storage.count < capacity {
            storage.append(element)
        } else {
            storage[head] = element
            head = (head + 1) % capacity
        }
        totalAppended += 1
    }

    public mutating func append<S: Sequence>(contentsOf elements: S) where S.Element == Element {
        for element in elements { append(element) }
    }

    /// The element at position `index` among those held (0 = oldest).
    public subscript(index: Int) -> Element {
        precondition(index >= 0 && index < storage.count, "RingBuffer index out of range")
        return storage[(head + index) % storage.count]
    }

    /// The element with this sequence number, if still held.
    public func element(sequence: Int) -> Element? {
        guard sequences.contains(sequence) else { return nil }
        return self[sequence - firstSequence]
    }

    /// Drops every element; sequence numbers continue from where they were.
    public mutating func removeAll() {
        storage.removeAll(keepingCapacity: true)
        head = 0
    }

    /// Elements from oldest to newest.
    public var elements: [Element] { (0..<storage.count).map { self[$0] } }
}

extension RingBuffer: Sendable where Element: Sendable {}
extension RingBuffer: Equatable where Element: Equatable {
    public static func == (lhs: RingBuffer, rhs: RingBuffer) -> Bool {
        lhs.capacity == rhs.capacity && lhs.totalAppended == rhs.totalAppended && lhs.elements == rhs.elements
    }
}
