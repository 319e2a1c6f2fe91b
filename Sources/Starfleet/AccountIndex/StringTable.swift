/// Distinct strings by position, found by their UTF-8 bytes without building a String first.
///
/// The reader looks up every region name (250,000 times for a 10,000-account index) and every
/// long OU id or name. A name is keyed by its first 16 bytes as two machine words plus a hash
/// of the rest, so the AWS region names (all ≤ 16 bytes) are compared without hashing bytes.
struct StringTable {
    private struct Key: Equatable {
        var low: UInt64 = 0
        var high: UInt64 = 0
        var count = 0
        /// FNV-1a of the bytes after the first 16 (0 for shorter names).
        var tailHash: UInt64 = 0
    }

    private var slots: [Int32] = Array(repeating: -1, count: 64)
    private var keys: [Key] = []
    /// The bytes after the first 16, to tell apart long names whose keys collide.
    private var tails: [[UInt8]] = []
    private(set) var strings: [String] = []

    func slot(for bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        let key = Self.key(bytes)
        var slot = home(key)
        while slots[slot] >= 0 {
            let entry = Int(slots[slot])
            if keys[entry] == key, key.count <= 16 || tails[entry].elementsEqual(bytes.dropFirst(16)) { return entry }
            slot = (slot + 1) & (slots.count - 1)
        }
        return nil
    }

    func string(for bytes: UnsafeBufferPointer<UInt8>) -> String? { slot(for: bytes).map { strings[$0] } }

    /// `string`'s position, added under `bytes` (its UTF-8) if it is new.
    @discardableResult
    mutating func add(_ string: String, for bytes: UnsafeBufferPointer<UInt8>) -> Int {
        if let known = slot(for: bytes) { return known }
        keys.append(Self.key(bytes))
        tails.append(bytes.count > 16 ? Array(bytes.dropFirst(16)) : [])
        strings.append(string)
        if strings.count * 2 > slots.count {
            slots = Array(repeating: -1, count: slots.count * 2)
            for entry in strings.indices { place(entry) }
        } else {
            place(strings.count - 1)
        }
        return strings.count - 1
    }

    /// `add(_:for:)` for a string at hand (an escaped name, another table's entry).
    @discardableResult
    mutating func add(_ string: String) -> Int {
        Array(string.utf8).withUnsafeBufferPointer { add(string, for: $0) }
    }

    private mutating func place(_ entry: Int) {
        var slot = home(keys[entry])
        while slots[slot] >= 0 { slot = (slot + 1) & (slots.count - 1) }
        slots[slot] = Int32(entry)
    }

    private func home(_ key: Key) -> Int {
        let mixed = (key.low ^ (key.high &* 0x9E37_79B9_7F4A_7C15) ^ key.tailHash) &* 0x9E37_79B9_7F4A_7C15
        return Int(truncatingIfNeeded: mixed >> 32) & (slots.count - 1)
    }

    /// Little-endian words of the first 16 bytes, zero-padded (JSON strings hold no raw NUL, and
    /// the count separates a name from its zero-padded prefix anyway).
    private static func key(_ bytes: UnsafeBufferPointer<UInt8>) -> Key {
        var key = Key()
        key.count = bytes.count
        guard let base = bytes.baseAddress else { return key }
        withUnsafeMutableBytes(of: &key.low) { $0.baseAddress?.copyMemory(from: base, byteCount: min(bytes.count, 8)) }
        if bytes.count > 8 {
            withUnsafeMutableBytes(of: &key.high) { $0.baseAddress?.copyMemory(from: base + 8, byteCount: min(bytes.count - 8, 8)) }
        }
        if bytes.count > 16 {
            var hash: UInt64 = 0xCBF2_9CE4_8422_2325
            for byte in bytes.dropFirst(16) {
                hash ^= UInt64(byte)
                hash = hash &* 0x100_0000_01B3
            }
            key.tailHash = hash
        }
        return key
    }
}
