@testable import Starfleet
import Testing

@Suite struct AccountSetTests {
    @Test func ordinalsComeBackAscendingAcrossWordBoundaries() {
        var set = AccountSet(capacity: 200)
        for ordinal in [199, 0, 64, 63, 128, 65, 64] { set.insert(ordinal) }
        #expect(set.ordinals == [0, 63, 64, 65, 128, 199])
        #expect(set.count == 6)
    }

    @Test func unionKeepsEveryMember() {
        var left = AccountSet(capacity: 130)
        var right = AccountSet(capacity: 130)
        left.insert(1)
        left.insert(129)
        right.insert(1)
        right.insert(70)
        left.formUnion(right)
        #expect(left.ordinals == [1, 70, 129])
        #expect(right.ordinals == [1, 70])
    }
}
