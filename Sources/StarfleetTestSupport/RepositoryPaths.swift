import Foundation

/// Paths inside this repository, found from this source file's location.
public enum RepositoryPaths {
    /// The repository root (the folder holding `Package.swift`).
    public static let root: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // StarfleetTestSupport
        .deletingLastPathComponent()  // Sources
        .deletingLastPathComponent()

    /// `scripts/moto/<name>`.
    public static func motoScript(_ name: String) -> URL {
        root.appendingPathComponent("scripts/moto/\(name)")
    }

    /// `Tests/Fixtures/<relative>`.
    public static func fixture(_ relative: String) -> URL {
        root.appendingPathComponent("Tests/Fixtures/\(relative)")
    }
}
