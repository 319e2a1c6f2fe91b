/// The EC2 calls Starfleet makes.
public protocol EC2API: Sendable {
    /// Names of the regions enabled for the calling account, sorted.
    func describeRegions() async throws -> [String]
}
