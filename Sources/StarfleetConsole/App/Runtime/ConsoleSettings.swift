import Foundation
import StarfleetTUI

/// `console.json` in the state directory: what the console remembers between sessions.
public struct ConsoleSettings: Codable, Sendable, Equatable {
    public var lastPayloadDirectory: String?
    /// Whether log panes wrap long lines (`w`).
    public var logWraps: Bool?

    public init(lastPayloadDirectory: String? = nil, logWraps: Bool? = nil) {
        self.lastPayloadDirectory = lastPayloadDirectory
        self.logWraps = logWraps
    }

    enum CodingKeys: String, CodingKey {
        case lastPayloadDirectory = "last_payload_directory"
        case logWraps = "log_wrap"
    }

    /// Loads the file, changes one setting and saves it, keeping the others.
    public static func update(stateDirectory: String, _ change: (inout ConsoleSettings) -> Void) {
        var settings = load(stateDirectory: stateDirectory)
        change(&settings)
        settings.save(stateDirectory: stateDirectory)
    }

    public static func path(stateDirectory: String) -> String { stateDirectory + "/console.json" }

    public static func load(stateDirectory: String) -> ConsoleSettings {
        guard let data = FileManager.default.contents(atPath: path(stateDirectory: stateDirectory)),
              let settings = try? JSONDecoder().decode(ConsoleSettings.self, from: data) else { return ConsoleSettings() }
        return settings
    }

    public func save(stateDirectory: String) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(self) else { return }
        try? FileManager.default.createDirectory(atPath: stateDirectory, withIntermediateDirectories: true)
        try? data.write(to: URL(fileURLWithPath: Self.path(stateDirectory: stateDirectory)), options: .atomic)
    }
}
