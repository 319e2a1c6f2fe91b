import Foundation
import Starfleet
import StarfleetCLI
import StarfleetTestSupport
import Testing
import WorkerShips

/// Feeds generated and mutated YAML to `validate` and `config check` (in-process, through the
/// same command code the binary runs) and checks every run ends with exit 0, 1 or 2 and a
/// message: no trap, no hang, no unbounded memory.
@Suite("Malformed input fuzzing", .serialized)
struct MalformedInputFuzzTests {
    static let documentCount = 10_000
    // A hang guard: a document takes milliseconds; 2.1 s was seen once on a starved 2-core machine.
    static let perDocumentLimit: Duration = .seconds(10)

    @Test("10,000 generated documents end with exit 0/1/2 and a message")
    func generatedDocumentsNeverCrashOrHang() async throws {
        let workspace = try TemporaryDirectory(prefix: "starfleet-fuzz")
        let configDirectory = workspace.path + "/config"
        try FileManager.default.createDirectory(atPath: configDirectory, withIntermediateDirectories: true)
        try FuzzCorpus.baseConfiguration.write(toFile: configDirectory + "/00-starfleet.yaml", atomically: true, encoding: .utf8)
        var generator = FuzzCorpus(seed: 0x5EED_F1EE7)
        var statusCounts: [Int32: Int] = [:]
        let clock = ContinuousClock()

        for index in 0..<Self.documentCount {
            let document = generator.next()
            let payloadPath = workspace.path + "/payload-\(index % 16).yaml"
            try document.write(to: URL(fileURLWithPath: payloadPath))
            let arguments: [String]
            switch index % 4 {
            case 0: arguments = ["validate", "--template", "BaseAccountRegionPayloadTemplate", "--payload", payloadPath, "--format", "json"]
            case 1: arguments = ["validate", "--ship", "AccountIndexGeneratorShip", "--payload", payloadPath]
            case 2: arguments = ["validate", "--template", "BaseAccountPayloadTemplate", "--payload", payloadPath, "--format", "json"]
            default:
                let shipFile = configDirectory + "/10-ship.yaml"
                try document.write(to: URL(fileURLWithPath: shipFile))
                arguments = ["config", "check", "--config", configDirectory, "--format", index % 8 == 3 ? "json" : "text"]
            }
            let started = clock.now
            let run = await StarfleetMain.capture(fleet: .default, arguments: arguments)
            let elapsed = clock.now - started
            statusCounts[run.status, default: 0] += 1
            #expect([0, 1, 2].contains(run.status), "document \(index): exit \(run.status)")
            #expect(!(run.stdout + run.stderr).trimmingCharacters(in: .whitespacesAndNewlines).isEmpty,
                    "document \(index): no message")
            #expect(elapsed < Self.perDocumentLimit, "document \(index) took \(elapsed)")
            if run.status == 1, arguments.contains("json") {
                // The machine contract: one JSON object on stdout.
                let object = try? JSONSerialization.jsonObject(with: Data(run.stdout.utf8))
                #expect(object is [String: Any], "document \(index): invalid output is not one JSON object")
            }
        }
        // The corpus must exercise all three outcomes, or it is not testing much.
        #expect(statusCounts[0, default: 0] > 100)
        #expect(statusCounts[1, default: 0] > 1_000)
        #expect(statusCounts[2, default: 0] > 1_000)
        #expect(ResidentMemory.megabytes() < 1_024, "resident memory grew past 1 GiB")
    }
}

/// Reads this process's resident set size.
enum ResidentMemory {
    static func megabytes() -> Int {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return 0 }
        for line in status.split(separator: "\n") where line.hasPrefix("VmRSS:") {
            let digits = line.split(separator: " ").dropFirst().first.flatMap { Int($0) } ?? 0
            return digits / 1024
        }
        return 0
    }
}

