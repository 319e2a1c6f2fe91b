import Foundation

/// Reads the second half of a large index's accounts on another thread while the main reader
/// does the first half (this machine class has two cores; a 10,000-account index is ~19 MB).
///
/// The split is a guess: a member name at the accounts object's indentation in the
/// generator's layout (a newline, eight spaces, a quote) after the middle of the document. A
/// raw newline cannot occur inside a JSON string, so the guess is always a member name of some
/// object at that depth; the main reader only takes this thread's accounts when it arrives
/// between two accounts exactly there, so every document reads as it would on one thread.
final class AccountIndexSecondHalf: @unchecked Sendable {
    /// The accounts read, with regions numbered in this thread's own table, and the position
    /// just after the accounts object.
    struct Accounts {
        var keys: [String]
        var records: [AccountRecord]
        var regionNames: [String]
        var regionSlots: [UInt16]
        var regionSlotEnds: [Int]
        var end: Int
    }

    /// Read-only bytes that outlive the thread: `AccountIndexJSONReader.read` waits for it.
    private struct SharedBytes: @unchecked Sendable {
        let bytes: UnsafeBufferPointer<UInt8>
    }

    /// Documents smaller than this are read on one thread: starting a thread would cost more.
    static let minimumSize = 2 << 20

    let start: Int
    private let finished = DispatchSemaphore(value: 0)
    // Written once by the thread before it signals `finished`, read only after waiting on it.
    private var outcome: Result<Accounts, AccountIndexError>?

    private init(start: Int) {
        self.start = start
    }

    static func start(in bytes: UnsafeBufferPointer<UInt8>) -> AccountIndexSecondHalf? {
        guard bytes.count >= minimumSize, let start = splitPoint(in: bytes) else { return nil }
        let half = AccountIndexSecondHalf(start: start)
        let shared = SharedBytes(bytes: bytes)
        let thread = Thread {
            half.outcome = Result { () throws(AccountIndexError) -> Accounts in
                try AccountIndexJSONReader.readAccounts(in: shared.bytes, from: start)
            }
            half.finished.signal()
        }
        thread.stackSize = 8 << 20  // as deep as the main thread's: unknown members may nest
        thread.start()
        return half
    }

    /// The accounts, or nil if that thread met an error. Safe to call more than once.
    func wait() -> Accounts? {
        finished.wait()
        finished.signal()
        return try? outcome?.get()
    }

    /// The first member name at the accounts object's indentation after the middle.
    static func splitPoint(in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        var index = bytes.count / 2
        while index + 10 < bytes.count {
            if bytes[index] == 0x0A, bytes[index + 9] == UInt8(ascii: "\""),
               (index + 1...index + 8).allSatisfy({ bytes[$0] == 0x20 }) {
                return index + 9
            }
            index += 1
        }
        return nil
    }
}
