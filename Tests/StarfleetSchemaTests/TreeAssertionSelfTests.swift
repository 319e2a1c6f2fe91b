import Foundation
import StarfleetTestSupport
import Testing

@Suite struct TreeAssertionSelfTests {
    @Test func jsonComparisonIgnoresKeyOrderButNotValues() throws {
        let a = try jsonObject(#"{"a": {"0": ["x"]}, "b": ["y"]}"#)
        let b = try jsonObject(#"{"b": ["y"], "a": {"0": ["x"]}}"#)
        let c = try jsonObject(#"{"b": ["y"], "a": {"1": ["x"]}}"#)
        #expect(NSArray(array: [a]).isEqual(NSArray(array: [b])))
        #expect(!NSArray(array: [a]).isEqual(NSArray(array: [c])))
    }
}
