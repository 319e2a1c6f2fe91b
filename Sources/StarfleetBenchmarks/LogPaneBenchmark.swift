import Foundation
import Logging
import StarfleetTUI

/// Issue 13, point 10: the log pane's filters on a 200,000-line buffer. Setting or changing a
/// filter scans the buffer once; new output under a filter costs only its own lines (one inbox
/// batch is 2,000 records); drawing a frame touches only the rows on screen.
///
/// Called from main.swift with `--log-pane`.
func logPaneBenchmarks(lines: Int = 200_000) -> [BenchmarkResult] {
    let levels: [Logger.Level] = [.debug, .info, .info, .info, .warning, .error]
    func line(_ index: Int) -> LogLine {
        let level = levels[index % levels.count]
        let text = "10:00:\(String(format: "%02d", (index / 1_000) % 60)).\(String(format: "%03d", index % 1_000)) "
            + "\(level.rawValue.uppercased()) [account \(String(format: "%012d", index % 60))] "
            + "step \(index): arn:aws:iam::\(String(format: "%012d", index % 60)):role/Deploy-\(index % 97) updated"
        return LogLine(text, level: level, timePrefix: 13)
    }
    var pane = LogPane(capacity: lines)
    for index in 0..<lines { pane.append(line(index)) }
    var results: [BenchmarkResult] = []
    results.append(Benchmark.latency(name: "log pane: text filter over \(lines) lines (one scan)", budgetMilliseconds: 100) {
        pane.setFilter(minimumLevel: nil, text: "")
        pane.setFilter(minimumLevel: nil, text: "deploy-42")
    })
    results.append(Benchmark.latency(name: "log pane: backspace then the character again (a scan, then a narrowing)", budgetMilliseconds: 100) {
        pane.setFilter(minimumLevel: nil, text: "account 0000000000")
        pane.setFilter(minimumLevel: nil, text: "account 00000000001")
    })
    results.append(Benchmark.latency(name: "log pane: v to warning and above over \(lines) lines", budgetMilliseconds: 100) {
        pane.setFilter(minimumLevel: nil, text: "")
        pane.setFilter(minimumLevel: .warning, text: "")
    })
    pane.setFilter(minimumLevel: .info, text: "deploy-4")
    // The lines are made beforehand: only the pane's work is timed.
    let batch = (lines..<(lines + 2_000)).map(line)
    results.append(Benchmark.latency(name: "log pane: \(batch.count) new lines under a filter (one inbox batch)",
                                     budgetMilliseconds: 5) {
        pane.append(contentsOf: batch)
    })
    pane.scrollUp(5_000, viewHeight: 36)
    results.append(Benchmark.latency(name: "log pane: 120×40 frame of the filtered, paused pane", budgetMilliseconds: 5) {
        var surface = MemorySurface(size: Size(width: 120, height: 40))
        pane.render(on: &surface, in: Rect(row: 2, column: 1, width: 118, height: 36), theme: .default)
    })
    return results
}
