/// EC2 over its Query protocol.
public struct EC2Client: EC2API {
    public let client: AWSClient

    public init(client: AWSClient) {
        self.client = client
    }

    /// `DescribeRegions` without `AllRegions`, so only enabled regions come back; regions marked
    /// `not-opted-in` are dropped as well, in case a service lists them anyway.
    public func describeRegions() async throws -> [String] {
        let root = try await client.query("DescribeRegions")
        guard let info = root.descendant("regionInfo") else {
            throw client.malformed("DescribeRegions", status: 200, "the answer has no regionInfo")
        }
        return info.children("item")
            .filter { $0.string("optInStatus") != "not-opted-in" }
            .compactMap { $0.string("regionName") }
            .filter { !$0.isEmpty }
            .sorted()
    }
}
