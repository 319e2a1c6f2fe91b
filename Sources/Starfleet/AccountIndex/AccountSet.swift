/// A set of accounts of one index, one bit per account ordinal (the account's position in
/// the index's sorted id list). Building the index's OU and tag maps this way costs a bit per
/// account instead of hashing every id into a `Set<String>`.
struct AccountSet: Sendable, Equatable {
    private(set) var words: [UInt64]

    init(capacity: Int) {
        words = Array(repeating: 0, count: (capacity + 63) / 64)
    }

    mutating func insert(_ ordinal: Int) {
        words[ordinal >> 6] |= 1 << UInt64(ordinal & 63)
    }

    mutating func formUnion(_ other: AccountSet) {
        for index in words.indices where index < other.words.count { words[index] |= other.words[index] }
    }

    var count: Int { words.reduce(0) { $0 + $1.nonzeroBitCount } }

    /// The ordinals in ascending order.
    var ordinals: [Int] {
        var result: [Int] = []
        result.reserveCapacity(count)
        for (index, word) in words.enumerated() {
            var remaining = word
            while remaining != 0 {
                result.append(index << 6 + remaining.trailingZeroBitCount)
                remaining &= remaining - 1
            }
        }
        return result
    }
}
