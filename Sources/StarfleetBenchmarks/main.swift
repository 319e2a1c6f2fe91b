// Release-mode benchmarks for the budgets in the issues. Run:
//   swift build -c release --product starfleet; swift build -c release --product starfleet-bench
//   .build/release/starfleet-bench                 # schema and CLI budgets (seconds)
//   .build/release/starfleet-bench --index         # 10,000-account index + fan-out (needs starfleet-probe-fleet, release)
//   .build/release/starfleet-bench --generator     # generator against seeded moto orgs (minutes)
//   .build/release/starfleet-bench --log-pane      # only the log pane filters on a 200,000-line buffer
import Foundation
import Starfleet
import StarfleetSchema

let arguments = CommandLine.arguments
let binaryDirectory = URL(fileURLWithPath: arguments[0]).deletingLastPathComponent().path
var results: [BenchmarkResult] = []

// In-process only (no release `starfleet` needed): the console's log pane.
if arguments.contains("--log-pane") {
    Benchmark.report(logPaneBenchmarks())
    exit(0)
}

// MARK: - Schema loads per second

let accountPayload = try YAMLReader().read("""
TemplateName: SomeAccounts
TemplateDescription: Accounts by name, OU and tag, minus one.
IncludeAccounts:
  ByNames: [Account 1, Account 2, Account 3]
  ByOrgUnits: [Engineering, ou-abcd-12345678]
  ByTags:
    - Name: environment
      Value: production
    - Name: team
      Value: platform
ExcludeAccounts:
  ByIds: ["000000000003", "000000000004"]
  ByNames: [Sandbox]
""")
let regionPayload = try YAMLReader().read("""
TemplateName: Everywhere
TemplateDescription: Every account and region.
IncludeAccounts:
  AllAccounts: true
IncludeRegions: [ALL]
""")

results.append(Benchmark.throughput(name: "BaseAccountPayloadTemplate loads/s (one core)", budget: 100_000) {
    let result = PayloadTemplates.baseAccount.loadResult(accountPayload)
    precondition(result.isValid)
})
results.append(Benchmark.throughput(name: "BaseAccountRegionPayloadTemplate [ALL] loads/s (one core)", budget: 50_000) {
    let result = PayloadTemplates.baseAccountRegion.loadResult(regionPayload)
    precondition(result.isValid)
})
let accountText = """
TemplateName: SomeAccounts
TemplateDescription: Accounts by name, OU and tag, minus one.
IncludeAccounts:
  ByNames: [Account 1, Account 2, Account 3]
  ByTags: [{Name: environment, Value: production}]
"""
results.append(Benchmark.throughput(name: "parse + load BaseAccountPayloadTemplate /s (informational)", budget: nil) {
    let node = try? YAMLReader().read(accountText)
    precondition(node.map { PayloadTemplates.baseAccount.loadResult($0).isValid } == true)
})

// MARK: - Whole-process timings

let workspace = NSTemporaryDirectory() + "starfleet-bench-\(getpid())"
try FileManager.default.createDirectory(atPath: workspace + "/config200", withIntermediateDirectories: true)
defer { try? FileManager.default.removeItem(atPath: workspace) }
let payloadPath = workspace + "/payload.yaml"
try accountText.write(toFile: payloadPath, atomically: true, encoding: .utf8)
let starfleet = binaryDirectory + "/starfleet"

results.append(try Benchmark.process(name: "starfleet validate --format json (process wall time)", budgetMilliseconds: 40,
                                     executable: starfleet,
                                     arguments: ["validate", "--template", "BaseAccountPayloadTemplate", "--payload", payloadPath, "--format", "json"]))

// 200 ship sections over 20 files, plus STARFLEET and the index section.
try """
STARFLEET:
  DeploymentRegion: us-east-1
  TemplateBucket: templates
  FanOutQueueUrl: https://sqs.us-east-1.amazonaws.com/1/fan-out
StarfleetDefaultAccountIndex:
  IndexBucket: index
  BucketRegion: us-east-1
AccountIndexGeneratorShip:
  Enabled: true
  TemplatePrefix: x/
  InvocationQueueUrl: https://sqs.us-east-1.amazonaws.com/1/q
  InvocationSources: [S3]
  OrgAccountId: "000000000001"
  OrgAccountAssumeRole: r
  OrgRootId: r-1
  DescribeRegionsAssumeRole: d
""".write(toFile: workspace + "/config200/00-starfleet.yaml", atomically: true, encoding: .utf8)
for file in 0..<20 {
    var text = ""
    for section in 0..<10 {
        text += """
        Ship\(file * 10 + section):
          Enabled: \(section % 2 == 0)
          TemplatePrefix: Ship\(file * 10 + section)/
          InvocationQueueUrl: https://sqs.us-east-1.amazonaws.com/1/ship-\(section)
          InvocationSources: [S3, EVENTBRIDGE_TIMED_EVENT]
          EventBridgeTimedFrequency: DAILY
          AlertConfiguration: {ChannelId: C1, AlertPriority: PROBLEM}

        """
    }
    try text.write(toFile: workspace + "/config200/ships-\(String(format: "%02d", file)).yaml", atomically: true, encoding: .utf8)
}
results.append(Benchmark.latency(name: "config check, 200 ship sections (in-process: load + validate all)", budgetMilliseconds: 50) {
    guard let configuration = try? ConfigurationLoader().load(directory: workspace + "/config200") else { fatalError("load failed") }
    var problems = 0
    for (name, section) in configuration.sections where name.hasPrefix("Ship") {
        problems += WorkerShipConfigurationTemplate.base.validate(section).isEmpty ? 0 : 1
    }
    precondition(problems == 0 && ConfigurationReport(configuration: configuration, fleet: []).isValid)
})
results.append(try Benchmark.process(name: "starfleet config check, 200 sections (process wall time)", budgetMilliseconds: 50,
                                     executable: starfleet,
                                     arguments: ["config", "check", "--config", workspace + "/config200", "--format", "json"]))

if arguments.contains("--index") {
    results += try indexResolutionBenchmarks(binaryDirectory: binaryDirectory)
}
if arguments.contains("--generator") {
    results += try generatorBenchmarks(binaryDirectory: binaryDirectory)
}

Benchmark.report(results)
