import Foundation

/// Issue 3, benchmark (a): `starfleet run AccountIndexGeneratorShip … --commit` against a seeded
/// moto organization (OUs 3 levels deep), sequential (`MaxConcurrency: 1`) and at the default
/// concurrency, whole-process wall time with moto included. Budget: ≤ 15 s at 500 accounts.
///
/// Each (size, concurrency) pair gets a fresh `moto_server` (scripts/moto/start.sh) and a fresh
/// seed (scripts/moto/seed_org.py), then:
/// - **cold**: the first run. moto builds an account's EC2 backend on its first DescribeRegions
///   (~100–130 ms of moto CPU per account on this machine), which dominates at 500 accounts;
/// - **warm**: the median of the next `warmRuns` runs against the same organization.
/// The budget is checked against the warm run at the default concurrency; cold runs are reported.
///
/// Called from main.swift, opt-in because it takes minutes:
/// `if arguments.contains("--generator") { results += try generatorBenchmarks(binaryDirectory: binaryDirectory) }`.
/// Needs `moto_server` and python3 with boto3 (scripts/ensure-deps).
func generatorBenchmarks(binaryDirectory: String, sizes: [Int] = [60, 500], concurrencies: [Int] = [1, 8],
                         warmRuns: Int = 3, budgetSeconds: Double = 15) throws -> [BenchmarkResult] {
    let repository = GeneratorBenchmark.repositoryRoot(binaryDirectory: binaryDirectory)
    let starfleet = binaryDirectory + "/starfleet"
    guard FileManager.default.isExecutableFile(atPath: starfleet) else {
        throw BenchmarkFailure(message: "\(starfleet) is missing: swift build -c release --product starfleet")
    }
    let workspace = NSTemporaryDirectory() + "starfleet-bench-generator-\(getpid())"
    try FileManager.default.createDirectory(atPath: workspace, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: workspace) }
    let payload = repository + "/examples/payloads/AccountIndexGeneratorShip/generate_account_index.yaml"
    let defaultConcurrency = concurrencies.max() ?? 8

    var results: [BenchmarkResult] = []
    for size in sizes {
        for concurrency in concurrencies {
            let moto = try GeneratorBenchmark.Moto.start(repository: repository, workspace: workspace)
            defer { moto.stop() }
            let organization = try moto.seed(accounts: size)
            let configuration = workspace + "/config-\(size)-\(concurrency)"
            try GeneratorBenchmark.writeConfiguration(repository: repository, to: configuration, organization: organization,
                                                      maxConcurrency: concurrency)
            let arguments = ["run", "AccountIndexGeneratorShip", "--config", configuration, "--payload", payload, "--commit"]
            let cold = try GeneratorBenchmark.seconds(starfleet, arguments)
            var warm: [Double] = []
            for _ in 0..<warmRuns { warm.append(try GeneratorBenchmark.seconds(starfleet, arguments)) }
            let label = "generator commit, \(size) accounts, MaxConcurrency \(concurrency)"
            let budgeted = size >= 500 && concurrency == defaultConcurrency
            results.append(BenchmarkResult(name: "\(label), cold (first run on a fresh seed, moto included)", value: cold,
                                           unit: "s", budget: nil, higherIsBetter: false))
            results.append(BenchmarkResult(name: "\(label), warm (median of \(warmRuns), moto included)",
                                           value: Benchmark.median(warm), unit: "s", budget: budgeted ? budgetSeconds : nil,
                                           higherIsBetter: false))
        }
    }
    return results
}

enum GeneratorBenchmark {
    /// The repository: from this file's path, else two levels above `.build/release`.
    static func repositoryRoot(binaryDirectory: String) -> String {
        let fromSource = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().path
        if FileManager.default.fileExists(atPath: fromSource + "/scripts/moto/seed_org.py") { return fromSource }
        return URL(fileURLWithPath: binaryDirectory).deletingLastPathComponent().deletingLastPathComponent().path
    }

    /// Wall seconds of one process run (output discarded; a failure aborts the benchmark).
    static func seconds(_ executable: String, _ arguments: [String]) throws -> Double {
        let clock = ContinuousClock()
        let start = clock.now
        let status = try Benchmark.spawnAndWait(executable, arguments)
        guard status == 0 else {
            throw BenchmarkFailure(message: "\(executable) \(arguments.joined(separator: " ")) exited \(status)")
        }
        return Benchmark.milliseconds(clock.now - start) / 1_000
    }

    /// The bundled example configuration for a seeded organization (as scripts/console does).
    static func writeConfiguration(repository: String, to directory: String, organization: Organization,
                                   maxConcurrency: Int) throws {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let examples = repository + "/examples/configuration"
        for file in try FileManager.default.contentsOfDirectory(atPath: examples) where file.hasSuffix(".yaml") {
            var lines = try String(contentsOfFile: examples + "/" + file, encoding: .utf8).components(separatedBy: "\n")
            for (index, line) in lines.enumerated() {
                let indent = String(line.prefix { $0 == " " })
                let trimmed = line.trimmingCharacters(in: .whitespaces)
                if trimmed.hasPrefix("OrgRootId:") { lines[index] = indent + "OrgRootId: \(organization.rootId)" }
                if trimmed.hasPrefix("OrgAccountId:") { lines[index] = indent + "OrgAccountId: \"\(organization.managementAccountId)\"" }
                if trimmed.hasPrefix("MaxConcurrency:") { lines[index] = indent + "MaxConcurrency: \(maxConcurrency)" }
            }
            try lines.joined(separator: "\n").write(toFile: directory + "/" + file, atomically: true, encoding: .utf8)
        }
    }

    struct Organization {
        let rootId: String
        let managementAccountId: String
        let accounts: Int
    }

    /// A moto_server started with scripts/moto/start.sh; the process environment points the
    /// `starfleet` children at it (dummy credentials, `AWS_ENDPOINT_URL`).
    struct Moto {
        let endpoint: String
        let pidFile: String
        let repository: String

        static func start(repository: String, workspace: String) throws -> Moto {
            let pidFile = workspace + "/moto-\(UUID().uuidString.prefix(8)).pid"
            for (name, value) in ["AWS_ACCESS_KEY_ID": "testing", "AWS_SECRET_ACCESS_KEY": "testing",
                                  "AWS_DEFAULT_REGION": "us-east-1", "AWS_REGION": "us-east-1"] {
                setenv(name, value, 1)
            }
            for name in ["AWS_PROFILE", "AWS_SESSION_TOKEN", "STARFLEET_CONFIG_DIR", "STARFLEET_REGIONS_FILE"] { unsetenv(name) }
            let output = try run("/bin/bash", [repository + "/scripts/moto/start.sh", pidFile])
            let endpoint = output.trimmingCharacters(in: .whitespacesAndNewlines)
            guard endpoint.hasPrefix("http://") else { throw BenchmarkFailure(message: "moto did not start: \(output)") }
            setenv("AWS_ENDPOINT_URL", endpoint, 1)
            return Moto(endpoint: endpoint, pidFile: pidFile, repository: repository)
        }

        func seed(accounts: Int) throws -> Organization {
            let output = try run("/usr/bin/env", ["python3", repository + "/scripts/moto/seed_org.py", endpoint,
                                                  "--accounts", String(accounts), "--depth", "3"])
            guard let object = try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any],
                  let root = object["root_id"] as? String, let management = object["management_account_id"] as? String else {
                throw BenchmarkFailure(message: "seed_org.py printed no summary: \(output.prefix(500))")
            }
            return Organization(rootId: root, managementAccountId: management, accounts: accounts)
        }

        func stop() {
            if let text = try? String(contentsOfFile: pidFile, encoding: .utf8), let pid = Int32(text.trimmingCharacters(in: .whitespacesAndNewlines)) {
                kill(pid, SIGTERM)
                var status: Int32 = 0
                for _ in 0..<100 where kill(pid, 0) == 0 {
                    _ = waitpid(pid, &status, WNOHANG)
                    usleep(50_000)
                }
            }
            unsetenv("AWS_ENDPOINT_URL")
        }

        /// Runs a helper to completion and returns its stdout (stderr passes through).
        private func run(_ executable: String, _ arguments: [String]) throws -> String {
            try Moto.run(executable, arguments)
        }

        /// posix_spawn with stdout to a temporary file, then waitpid (Foundation's `Process`
        /// sometimes never notices the exit here, and a pipe would stay open through moto).
        static func run(_ executable: String, _ arguments: [String]) throws -> String {
            let output = NSTemporaryDirectory() + "starfleet-bench-\(UUID().uuidString).out"
            defer { try? FileManager.default.removeItem(atPath: output) }
            var actions = posix_spawn_file_actions_t()
            posix_spawn_file_actions_init(&actions)
            defer { posix_spawn_file_actions_destroy(&actions) }
            posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
            posix_spawn_file_actions_addopen(&actions, 1, output, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
            let argv = ([executable] + arguments).map { strdup($0) } + [nil]
            defer { argv.forEach { free($0) } }
            var pid: pid_t = 0
            let spawned = posix_spawn(&pid, executable, &actions, nil, argv, environ)
            guard spawned == 0 else { throw BenchmarkFailure(message: "cannot start \(executable): errno \(spawned)") }
            var status: Int32 = 0
            while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
            let text = (try? String(contentsOfFile: output, encoding: .utf8)) ?? ""
            guard (status & 0x7F) == 0, (status >> 8) & 0xFF == 0 else {
                throw BenchmarkFailure(message: "\(executable) \(arguments.joined(separator: " ")) failed (wait status \(status)): \(text.prefix(500))")
            }
            return text
        }
    }
}
