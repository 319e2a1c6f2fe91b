/// Which ship owns an uploaded template: among the enabled ships with `S3` in their
/// `InvocationSources`, the one whose `TemplatePrefix` is the longest prefix of the key.
/// (The original took the first match in configuration order, so overlapping prefixes
/// depended on file order.)
public enum TemplateOwnership {
    public static func owner(of key: String, in registry: ShipRegistry) -> ShipStatus? {
        registry.enabledShips
            .filter { $0.invocationSources.contains(InvocationSource.s3.rawValue) }
            .filter { ship in ship.templatePrefix.map { !$0.isEmpty && key.hasPrefix($0) } ?? false }
            .max { ($0.templatePrefix?.count ?? 0) < ($1.templatePrefix?.count ?? 0) }
    }
}
