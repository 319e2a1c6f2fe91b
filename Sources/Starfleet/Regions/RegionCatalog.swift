import Foundation
import StarfleetSchema

/// The AWS regions payloads may name (the commercial `aws` partition).
///
/// Kept as data: the built-in list below is the 34-region partition of late 2026, and an
/// operator can replace it without recompiling by pointing `STARFLEET_REGIONS_FILE` at a
/// YAML file holding a list of region names (the original needed a library upgrade, Q20).
public struct RegionCatalog: Sendable, Hashable {
    public let names: Set<String>
    /// Sorted, for messages (Q9) and for `ALL` expansion output.
    public let sorted: [String]
    /// The sorted names joined by ", ", computed once for error messages.
    public let joined: String
    public let source: String

    public init(names: some Sequence<String>, source: String) {
        let unique = Set(names)
        self.names = unique
        self.sorted = unique.sorted()
        self.joined = sorted.joined(separator: ", ")
        self.source = source
    }

    public static let environmentVariable = "STARFLEET_REGIONS_FILE"

    public static let builtInNames: [String] = [
        "af-south-1", "ap-east-1", "ap-east-2", "ap-northeast-1", "ap-northeast-2", "ap-northeast-3",
        "ap-south-1", "ap-south-2", "ap-southeast-1", "ap-southeast-2", "ap-southeast-3", "ap-southeast-4",
        "ap-southeast-5", "ap-southeast-6", "ap-southeast-7", "ca-central-1", "ca-west-1", "eu-central-1",
        "eu-central-2", "eu-north-1", "eu-south-1", "eu-south-2", "eu-west-1", "eu-west-2", "eu-west-3",
        "il-central-1", "me-central-1", "me-south-1", "mx-central-1", "sa-east-1", "us-east-1", "us-east-2",
        "us-west-1", "us-west-2",
    ]

    public static let builtIn = RegionCatalog(names: builtInNames, source: "built-in")

    /// The catalog in force for this process: the override file if set and valid, else built-in.
    public static let active: RegionCatalog = (try? load(environment: ProcessInfo.processInfo.environment)) ?? builtIn

    /// Loads the catalog named by the environment; throws a readable message for a bad file.
    public static func load(environment: [String: String]) throws(RegionCatalogError) -> RegionCatalog {
        guard let path = environment[environmentVariable], !path.isEmpty else { return builtIn }
        let node: YAMLNode
        do {
            node = try YAMLReader().read(contentsOf: path)
        } catch {
            throw RegionCatalogError(message: "\(environmentVariable): \(error.description)")
        }
        guard case .sequence(let items) = node.value, !items.isEmpty else {
            throw RegionCatalogError(message: "\(environmentVariable): \(path) must hold a non-empty YAML list of region names")
        }
        var names: [String] = []
        for item in items {
            guard let name = item.string, !name.isEmpty else {
                throw RegionCatalogError(message: "\(environmentVariable): \(path):\(item.mark?.line ?? 0): every entry must be a region name string")
            }
            names.append(name)
        }
        return RegionCatalog(names: names, source: path)
    }
}

public struct RegionCatalogError: Error, Sendable, CustomStringConvertible {
    public let message: String
    public var description: String { message }
}
