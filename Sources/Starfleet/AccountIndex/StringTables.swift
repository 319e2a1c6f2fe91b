import Foundation

/// Region names by position. Names of up to 16 bytes (every AWS region) are compared as two
/// machine words, which beats hashing bytes on the 250,000 lookups of a 10,000-account index.
struct ShortStringTable {
    private struct Packed: Equatable {
        var low: UInt64
        var high: UInt64
    }

    private var slots: [Int32] = Array(repeating: -1, count: 256)
    /// Per position: the packed name, or nil for a longer name (kept in `long`).
    private var packed: [Packed?] = []
    private var long = StringInterner()
    private var longSlots: [Int] = []
    private(set) var strings: [String] = []

    /// Little-endian words of `bytes`, zero-padded; JSON strings hold no raw NUL, so no two
    /// names share a packing.
    private static func pack(_ bytes: UnsafeBufferPointer<UInt8>) -> Packed {
        var words = Packed(low: 0, high: 0)
        guard let base = bytes.baseAddress else { return words }
        withUnsafeMutableBytes(of: &words) { $0.baseAddress?.copyMemory(from: base, byteCount: bytes.count) }
        return words
    }

    private func home(_ words: Packed) -> Int {
        Int(truncatingIfNeeded: (words.low ^ (words.high &* 0x9E37_79B9_7F4A_7C15)) &* 0x9E37_79B9_7F4A_7C15 >> 32) & (slots.count - 1)
    }

    func slot(for bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        guard bytes.count <= 16 else { return long.slot(for: bytes).map { longSlots[$0] } }
        let words = Self.pack(bytes)
        var slot = home(words)
        while slots[slot] >= 0 {
            if packed[Int(slots[slot])] == words { return Int(slots[slot]) }
            slot = (slot + 1) & (slots.count - 1)
        }
        return nil
    }

    mutating func add(_ string: String, for bytes: UnsafeBufferPointer<UInt8>) -> Int {
        if let known = slot(for: bytes) { return known }
        strings.append(string)
        let position = strings.count - 1
        if bytes.count > 16 {
            long.add(string, for: bytes)
            longSlots.append(position)
            packed.append(nil)
            return position
        }
        packed.append(Self.pack(bytes))
        if strings.count * 2 > slots.count {
            slots = Array(repeating: -1, count: slots.count * 2)
            for entry in strings.indices { place(entry) }
        } else {
            place(position)
        }
        return position
    }

    private mutating func place(_ entry: Int) {
        guard let words = packed[entry] else { return }
        var slot = home(words)
        while slots[slot] >= 0 { slot = (slot + 1) & (slots.count - 1) }
        slots[slot] = Int32(entry)
    }
}

/// One shared `String` per distinct byte sequence (open addressing on an FNV-1a hash), each
/// also known by its position in `strings`.
struct StringInterner {
    private var slots: [Int32] = Array(repeating: -1, count: 64)
    private var hashes: [UInt64] = []
    private var keys: [[UInt8]] = []
    private(set) var strings: [String] = []

    func slot(for bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        let hash = Self.hash(bytes)
        var slot = Int(truncatingIfNeeded: hash) & (slots.count - 1)
        while slots[slot] >= 0 {
            let entry = Int(slots[slot])
            if hashes[entry] == hash, keys[entry].elementsEqual(bytes) { return entry }
            slot = (slot + 1) & (slots.count - 1)
        }
        return nil
    }

    func string(for bytes: UnsafeBufferPointer<UInt8>) -> String? { slot(for: bytes).map { strings[$0] } }

    /// Adds `string` under `bytes` (its UTF-8) and returns its position.
    @discardableResult
    mutating func add(_ string: String, for bytes: some Collection<UInt8>) -> Int {
        let key = Array(bytes)
        if let existing = key.withUnsafeBufferPointer({ slot(for: $0) }) { return existing }
        hashes.append(key.withUnsafeBufferPointer(Self.hash))
        keys.append(key)
        strings.append(string)
        if strings.count * 2 > slots.count {
            slots = Array(repeating: -1, count: slots.count * 2)
            for entry in strings.indices { place(entry) }
        } else {
            place(strings.count - 1)
        }
        return strings.count - 1
    }

    private mutating func place(_ entry: Int) {
        var slot = Int(truncatingIfNeeded: hashes[entry]) & (slots.count - 1)
        while slots[slot] >= 0 { slot = (slot + 1) & (slots.count - 1) }
        slots[slot] = Int32(entry)
    }

    private static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01B3
        }
        return hash
    }
}
