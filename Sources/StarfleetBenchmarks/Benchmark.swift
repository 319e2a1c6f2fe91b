import Foundation

struct BenchmarkResult {
    let name: String
    let value: Double
    let unit: String
    /// For throughput: a minimum; for latency: a maximum.
    let budget: Double?
    let higherIsBetter: Bool

    var passed: Bool {
        guard let budget else { return true }
        return higherIsBetter ? value >= budget : value <= budget
    }
}

enum Benchmark {
    /// Operations per second over about one second, after a warm-up.
    static func throughput(name: String, budget: Double?, _ body: () -> Void) -> BenchmarkResult {
        for _ in 0..<1_000 { body() }
        let clock = ContinuousClock()
        var iterations = 0
        let start = clock.now
        var elapsed = Duration.zero
        repeat {
            for _ in 0..<1_000 { body() }
            iterations += 1_000
            elapsed = clock.now - start
        } while elapsed < .seconds(1)
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        return BenchmarkResult(name: name, value: Double(iterations) / seconds, unit: "ops/s", budget: budget, higherIsBetter: true)
    }

    /// Median milliseconds of repeated in-process runs.
    static func latency(name: String, budgetMilliseconds: Double, runs: Int = 30, _ body: () -> Void) -> BenchmarkResult {
        body()
        let clock = ContinuousClock()
        var samples: [Double] = []
        for _ in 0..<runs {
            let start = clock.now
            body()
            samples.append(milliseconds(clock.now - start))
        }
        return BenchmarkResult(name: name, value: median(samples), unit: "ms (median)", budget: budgetMilliseconds, higherIsBetter: false)
    }

    /// Median wall milliseconds of a whole process, from spawn to exit.
    static func process(name: String, budgetMilliseconds: Double, executable: String, arguments: [String], runs: Int = 30) throws -> BenchmarkResult {
        let clock = ContinuousClock()
        var samples: [Double] = []
        for run in 0...runs {
            let start = clock.now
            let status = try spawnAndWait(executable, arguments)
            let elapsed = clock.now - start
            guard status == 0 else {
                throw BenchmarkFailure(message: "\(executable) \(arguments.joined(separator: " ")) exited \(status)")
            }
            if run > 0 { samples.append(milliseconds(elapsed)) }  // the first run warms the page cache
        }
        return BenchmarkResult(name: name, value: median(samples), unit: "ms (median)", budget: budgetMilliseconds, higherIsBetter: false)
    }

    /// posix_spawn + waitpid: Foundation's `Process.waitUntilExit` polls and adds ~50 ms.
    static func spawnAndWait(_ executable: String, _ arguments: [String]) throws -> Int32 {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, executable, &actions, nil, argv, environ)
        guard spawned == 0 else { throw BenchmarkFailure(message: "cannot start \(executable): errno \(spawned)") }
        var status: Int32 = 0
        waitpid(pid, &status, 0)
        return (status >> 8) & 0xFF
    }

    static func milliseconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) * 1_000 + Double(duration.components.attoseconds) / 1e15
    }

    static func median(_ samples: [Double]) -> Double {
        let sorted = samples.sorted()
        return sorted.isEmpty ? 0 : sorted[sorted.count / 2]
    }

    static func report(_ results: [BenchmarkResult]) {
        for result in results {
            let budget = result.budget.map { (result.higherIsBetter ? "≥ " : "≤ ") + format($0) } ?? "-"
            let verdict = result.budget == nil ? "info" : (result.passed ? "PASS" : "FAIL")
            print("\(verdict)  \(result.name): \(format(result.value)) \(result.unit)  [budget \(budget)]")
        }
        if results.contains(where: { !$0.passed }) { exit(1) }
    }

    static func format(_ value: Double) -> String {
        value >= 1_000 ? String(format: "%.0f", value) : String(format: "%.2f", value)
    }
}

struct BenchmarkFailure: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}
