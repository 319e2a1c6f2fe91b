import Foundation
import OrderedCollections
import Starfleet
import StarfleetSchema
import StarfleetTestSupport
import Testing

/// Region lists as they appear in messages (sorted, Q9) and in the synthetic index.
enum Regions {
    /// The 34 built-in regions, sorted, joined the way messages list them.
    static let allText = "af-south-1, ap-east-1, ap-east-2, ap-northeast-1, ap-northeast-2, ap-northeast-3, ap-south-1, ap-south-2, "
        + "ap-southeast-1, ap-southeast-2, ap-southeast-3, ap-southeast-4, ap-southeast-5, ap-southeast-6, ap-southeast-7, "
        + "ca-central-1, ca-west-1, eu-central-1, eu-central-2, eu-north-1, eu-south-1, eu-south-2, eu-west-1, eu-west-2, "
        + "eu-west-3, il-central-1, me-central-1, me-south-1, mx-central-1, sa-east-1, us-east-1, us-east-2, us-west-1, us-west-2"

    static let all: Set<String> = Set(allText.components(separatedBy: ", "))

    /// The 29 regions of boto3 1.34.74 (SPEC §3.4).
    static let original29: [String] = [
        "af-south-1", "ap-east-1", "ap-northeast-1", "ap-northeast-2", "ap-northeast-3", "ap-south-1", "ap-south-2",
        "ap-southeast-1", "ap-southeast-2", "ap-southeast-3", "ap-southeast-4", "ca-central-1", "ca-west-1", "eu-central-1",
        "eu-central-2", "eu-north-1", "eu-south-1", "eu-south-2", "eu-west-1", "eu-west-2", "eu-west-3", "il-central-1",
        "me-central-1", "me-south-1", "sa-east-1", "us-east-1", "us-east-2", "us-west-1", "us-west-2",
    ]

    /// What every synthetic account has enabled: the 29 plus China and GovCloud (SPEC §8 shared fixtures).
    static let synthetic33: [String] = original29 + ["cn-north-1", "cn-northwest-1", "us-gov-east-1", "us-gov-west-1"]
}

/// Fixture folders under `Tests/Fixtures/config`.
enum ConfigFixtures {
    static func path(_ name: String) -> String {
        RepositoryPaths.fixture("config/\(name)").path
    }

    static func load(_ name: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> Configuration {
        try ConfigurationLoader(regions: .builtIn).load(directory: path(name))
    }
}

/// A configuration built from YAML text, as if it were the only file of a directory.
func configuration(_ text: String, directory: String = "/config", file: String = "/config/config.yaml",
                   sourceLocation: SourceLocation = #_sourceLocation) -> Configuration {
    let root = yaml(text, sourceLocation: sourceLocation)
    var sections = OrderedDictionary<String, YAMLNode>()
    if case .mapping(let pairs) = root.value {
        for pair in pairs { sections[pair.key.value.keyDescription] = pair.value }
    }
    var files: [String: String] = [:]
    for name in sections.keys { files[name] = file }
    return Configuration(directory: directory, files: [file], sections: sections, sectionFiles: files, warnings: [],
                         regions: .builtIn)
}

/// The minimal valid STARFLEET section (SPEC §8 shared config, without the optional keys).
let minimalStarfleet = """
STARFLEET:
  DeploymentRegion: us-east-2
  TemplateBucket: template-bucket
  FanOutQueueUrl: https://sqs.amazonaws.com/fanout-queue

"""

/// The synthetic 20-account index of SPEC §8 "Shared fixtures".
enum SyntheticIndex {
    static func id(_ number: Int) -> String { String(format: "%012d", number) }
    static func ids(_ numbers: some Sequence<Int>) -> Set<String> { Set(numbers.map(id)) }

    static let root = ParentRecord(id: "r-123456", name: "ROOT", type: "ROOT")
    static let someOU = ParentRecord(id: "ou-1234-5678910", name: "SomeOU", type: "ORGANIZATIONAL_UNIT")
    static let nestedOU = ParentRecord(id: "ou-1234-5678911", name: "SomeNestedOU", type: "ORGANIZATIONAL_UNIT")
    static let nestedNestedOU = ParentRecord(id: "ou-1234-5678912", name: "SomeNestedNestedOU", type: "ORGANIZATIONAL_UNIT")

    static func parents(of number: Int) -> [ParentRecord] {
        switch number {
        case 10: return [nestedNestedOU, nestedOU, someOU, root]
        case 11: return [nestedOU, someOU, root]
        case 20: return [root]
        default: return [someOU, root]
        }
    }

    static func account(_ number: Int, regions: [String] = Regions.synthetic33) -> AccountRecord {
        AccountRecord(
            id: id(number), arn: "arn:aws:organizations::000000000020:account/o-abcdefghi/\(id(number))",
            email: "account\(number)@example.com", name: "Account \(number)", status: "ACTIVE", joinedMethod: "CREATED",
            joinedTimestamp: "2024-03-27 18:38:27.526430+00:00",
            tags: ["Key1": "Value1", "Key2": "Value2", "Key3": "Value3"],
            parents: parents(of: number), regions: regions.sorted())
    }

    /// The document; `withoutRegion` removes one region from some accounts (§8 case 34).
    static func document(withoutRegion region: String? = nil, for numbers: Set<Int> = []) -> AccountIndexDocument {
        var accounts: [String: AccountRecord] = [:]
        for number in 1...20 {
            var regions = Regions.synthetic33
            if let region, numbers.contains(number) { regions.removeAll { $0 == region } }
            accounts[id(number)] = account(number, regions: regions)
        }
        return AccountIndexDocument(accounts: accounts, generated: "2024-03-27T18:40:00Z")
    }

    static let index: DefaultAccountIndex = try! DefaultAccountIndex(document: document())
}
