import Foundation
import Starfleet
import StarfleetSchema

/// Issue 3, benchmark (b): load a synthetic 10,000-account index and resolve an ACCOUNT_REGION
/// payload with ByOrgUnits + ByTags + `IncludeRegions: [ALL]` — the whole
/// `starfleet-probe-fleet fanout --account-index FILE --format json` process, budget ≤ 150 ms —
/// plus the in-process phases (informational) so a miss shows where the time goes.
///
/// Called from main.swift: `results += try indexResolutionBenchmarks(binaryDirectory: binaryDirectory)`.
/// Needs `starfleet-probe-fleet` next to the bench binary (an ACCOUNT_REGION ship).
func indexResolutionBenchmarks(binaryDirectory: String, accounts: Int = 10_000, runs: Int = 20) throws -> [BenchmarkResult] {
    let probeFleet = binaryDirectory + "/starfleet-probe-fleet"
    guard FileManager.default.isExecutableFile(atPath: probeFleet) else {
        throw BenchmarkFailure(message: "\(probeFleet) is missing: swift build -c release --product starfleet-probe-fleet")
    }
    let workspace = NSTemporaryDirectory() + "starfleet-bench-index-\(getpid())"
    try FileManager.default.createDirectory(atPath: workspace + "/config", withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: workspace) }
    let indexPath = workspace + "/index.json"
    try SyntheticAccountIndex.write(accounts: accounts, to: indexPath)
    try IndexResolutionFixture.configuration.write(toFile: workspace + "/config/starfleet.yaml", atomically: true, encoding: .utf8)
    let payloadPath = workspace + "/payload.yaml"
    try IndexResolutionFixture.payload.write(toFile: payloadPath, atomically: true, encoding: .utf8)

    var results: [BenchmarkResult] = []
    results.append(try Benchmark.process(
        name: "fanout, \(accounts)-account index, ACCOUNT_REGION ByOrgUnits+ByTags+[ALL] (process wall time)",
        budgetMilliseconds: 150, executable: probeFleet,
        arguments: ["fanout", "--config", workspace + "/config", "--ship", "ProbeAccountRegionShip", "--payload", payloadPath,
                    "--account-index", indexPath, "--format", "json"],
        runs: runs))
    results += try IndexResolutionPhases.measure(indexPath: indexPath, accounts: accounts)
    return results
}

/// The in-process phases of that fanout, each the median of a few runs (informational).
enum IndexResolutionPhases {
    static func measure(indexPath: String, accounts: Int, runs: Int = 5) throws -> [BenchmarkResult] {
        guard let data = FileManager.default.contents(atPath: indexPath) else {
            throw BenchmarkFailure(message: "cannot read \(indexPath)")
        }
        let raw = try YAMLReader().read(IndexResolutionFixture.payload)
        let loaded = PayloadTemplates.baseAccountRegion.loadResult(raw)
        guard loaded.isValid else { throw BenchmarkFailure(message: "the benchmark payload does not validate") }
        let payload = Payload(loaded.data)

        let index = try DefaultAccountIndex(data: data)
        let resolver = AccountResolver(index: index)
        let plan = FanOutPlan.make(strategy: .accountRegion, payload: payload, resolver: resolver)
        guard plan.invocationCount > 0 else { throw BenchmarkFailure(message: "the benchmark payload resolves to nothing") }

        func phase(_ name: String, _ body: () throws -> Void) rethrows -> BenchmarkResult {
            let clock = ContinuousClock()
            var samples: [Double] = []
            for _ in 0..<runs {
                let start = clock.now
                try body()
                samples.append(Benchmark.milliseconds(clock.now - start))
            }
            return BenchmarkResult(name: "  phase: \(name)", value: Benchmark.median(samples), unit: "ms (median)",
                                   budget: nil, higherIsBetter: false)
        }
        let megabytes = String(format: "%.1f", Double(data.count) / 1_048_576)
        return [
            try phase("read the \(megabytes) MB index JSON and build the maps (DefaultAccountIndex(data:))") {
                _ = try DefaultAccountIndex(data: data)
            },
            phase("resolve (FanOutPlan.make, \(plan.targets.count) accounts, \(plan.invocationCount) invocations)") {
                _ = FanOutPlan.make(strategy: .accountRegion, payload: payload, resolver: resolver)
            },
            phase("render the plan as JSON (JSONWriter, as fanout --format json)") {
                _ = IndexResolutionFixture.render(plan)
            },
        ]
    }
}

enum IndexResolutionFixture {
    static let configuration = """
    STARFLEET:
      DeploymentRegion: us-east-1
      TemplateBucket: starfleet-templates
      FanOutQueueUrl: https://sqs.us-east-1.amazonaws.com/000000000000/starfleet-fan-out-queue
    StarfleetDefaultAccountIndex:
      IndexBucket: starfleet-account-index
      BucketRegion: us-east-1
    ProbeAccountRegionShip:
      Enabled: true
      TemplatePrefix: ProbeAccountRegionShip/
      InvocationQueueUrl: https://sqs.us-east-1.amazonaws.com/000000000000/probe-account-region
      InvocationSources: [S3]

    """

    /// OUs by name (shared across branches) and by id, two tags ORed, minus a cost center, every region.
    static let payload = """
    TemplateName: BenchFanout
    TemplateDescription: OUs and tags, every region.
    IncludeAccounts:
      ByOrgUnits: [Prod, Team-A, ou-bench-00000001]
      ByTags:
        - Name: Environment
          Value: staging
        - Name: Team
          Value: payments
    ExcludeAccounts:
      ByTags:
        - Name: CostCenter
          Value: CC-103
    IncludeRegions: [ALL]
    MarkerBucket: starfleet-bench-markers

    """

    /// The same JSON `fanout --format json` prints.
    static func render(_ plan: FanOutPlan) -> [UInt8] {
        plan.json(ship: "ProbeAccountRegionShip")
    }
}

/// A deterministic synthetic index in the generator's layout (same shape as
/// `scripts/bench/synthetic_index.py`): root r-bench, OUs 3 levels deep (Infrastructure /
/// Workloads / Sandbox → Prod / NonProd → Team-A / Team-B, 21 OUs), every tenth account under
/// the root, the rest round-robin over the OUs; tags Environment, Team, CostCenter; 17–34 of the
/// 34 regions enabled per account; the first account is the management account.
enum SyntheticAccountIndex {
    static let levels = [["Infrastructure", "Workloads", "Sandbox"], ["Prod", "NonProd"], ["Team-A", "Team-B"]]
    static let environments = ["prod", "staging", "dev", "test"]
    static let teams = ["platform", "payments", "data", "security", "web"]

    static func write(accounts: Int, to path: String) throws {
        try JSONWriter(indent: 4, sortKeys: true, asciiOnly: true).string(document(accounts: accounts))
            .write(toFile: path, atomically: true, encoding: .utf8)
    }

    static func document(accounts count: Int) -> PayloadValue {
        let root: PayloadValue = .map(["Id": .string("r-bench"), "Name": .string("ROOT"), "Type": .string("ROOT")])
        var chains: [[PayloadValue]] = []
        var parents: [[PayloadValue]] = [[root]]
        var serial = 0
        for names in levels {
            var next: [[PayloadValue]] = []
            for above in parents {
                for name in names {
                    serial += 1
                    let unit: PayloadValue = .map(["Id": .string(String(format: "ou-bench-%08d", serial)), "Name": .string(name),
                                                   "Type": .string("ORGANIZATIONAL_UNIT")])
                    chains.append([unit] + above)
                    next.append([unit] + above)
                }
            }
            parents = next
        }
        let regions = RegionCatalog.builtIn.sorted
        var random = SplitMix64(seed: 7)
        var accounts = PayloadMap()
        let management = "100000000000"
        for index in 0..<count {
            let id = String(format: "%012d", 100_000_000_000 + index)
            let enabledCount = 17 + Int(random.next() % UInt64(regions.count - 16))
            var shuffled = regions
            for position in stride(from: shuffled.count - 1, to: 0, by: -1) {
                shuffled.swapAt(position, Int(random.next() % UInt64(position + 1)))
            }
            let enabled = shuffled.prefix(enabledCount).sorted()
            accounts[id] = .map([
                "Arn": .string("arn:aws:organizations::\(management):account/o-bench/\(id)"),
                "Email": .string(String(format: "account-%05d@example.com", index)),
                "Id": .string(id),
                "JoinedMethod": .string(index == 0 ? "INVITED" : "CREATED"),
                "JoinedTimestamp": .string(String(format: "2024-03-%02d 18:38:27.%06d+00:00", 1 + index % 28, index % 1_000_000)),
                "Name": .string(String(format: "Account-%05d", index)),
                "Parents": .list(index % 10 == 0 ? [root] : chains[index % chains.count]),
                "Regions": .list(enabled.map(PayloadValue.string)),
                "Status": .string("ACTIVE"),
                "Tags": .map([
                    "CostCenter": .string("CC-\(100 + index % 7)"),
                    "Environment": .string(environments[index % environments.count]),
                    "Team": .string(teams[index % teams.count]),
                ]),
            ])
        }
        return .map(["accounts": .map(accounts), "generated": .string("2026-11-29T00:00:00Z")])
    }
}

/// A tiny deterministic generator (no Foundation randomness, so every run writes the same file).
struct SplitMix64 {
    var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
