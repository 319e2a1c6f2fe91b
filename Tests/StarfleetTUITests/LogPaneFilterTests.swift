import Logging
import Testing
@testable import StarfleetTUI

/// The log pane's filters (level and text hide lines, not just highlight them), timestamps,
/// sideways scrolling and the line the copy keys take.
@Suite("Log pane filters")
struct LogPaneFilterTests {
    let theme = Theme.default

    static func levelled(_ count: Int) -> LogPane {
        var log = LogPane(capacity: 1_000)
        let levels: [Logger.Level] = [.debug, .info, .warning, .error]
        for index in 0..<count {
            log.append(LogLine("10:00:00.\(String(format: "%03d", index)) line \(index) \(levels[index % 4])",
                               level: levels[index % 4], timePrefix: 13))
        }
        return log
    }

    @Test("v's cycle: all → info → warning → error → all; lower lines are hidden; no level counts as info")
    func levelCycle() {
        #expect(LogPane.nextLevel(after: nil) == .info)
        #expect(LogPane.nextLevel(after: .info) == .warning)
        #expect(LogPane.nextLevel(after: .warning) == .error)
        #expect(LogPane.nextLevel(after: .error) == nil)
        var log = Self.levelled(8)
        log.append(LogLine("raw output without a level"))
        log.setFilter(minimumLevel: .warning, text: "")
        #expect(log.shownCount == 4)
        #expect(log.rendered(width: 60, height: 6).lines().filter { !$0.isEmpty }
                == ["10:00:00.002 line 2 warning", "10:00:00.003 line 3 error", "10:00:00.006 line 6 warning",
                    "10:00:00.007 line 7 error"])
        log.setFilter(minimumLevel: .info, text: "")
        #expect(log.shownCount == 7, "debug hidden; the line without a level counts as info")
        log.setFilter(minimumLevel: nil, text: "")
        #expect(log.shownCount == 9 && !log.isFiltering)
    }

    @Test("Text filter hides the lines that do not contain it (case-insensitive), with the level filter too")
    func textFilter() {
        var log = Self.levelled(40)
        log.setFilter(minimumLevel: nil, text: "LINE 1")
        #expect(log.shownCount == 11, "line 1 and lines 10…19")
        log.setFilter(minimumLevel: .error, text: "line 1")
        #expect(log.visibleRows(height: 20, width: 60).map(\.text) == ["10:00:00.011 line 11 error", "10:00:00.015 line 15 error",
                                                                       "10:00:00.019 line 19 error"])
        // Narrowing (longer text) and widening (shorter text) give the same as a fresh scan.
        log.setFilter(minimumLevel: .error, text: "line 15")
        #expect(log.shownCount == 1)
        log.setFilter(minimumLevel: nil, text: "line 3")
        #expect(log.shownCount == 11)
    }

    @Test("New lines are filtered as they arrive; a paused view keeps its place; eviction drops old matches")
    func incremental() {
        var log = LogPane(capacity: 100)
        log.setFilter(minimumLevel: nil, text: "keep")
        for index in 0..<50 { log.append(LogLine(index % 5 == 0 ? "keep \(index)" : "drop \(index)")) }
        #expect(log.shownCount == 10)
        #expect(log.rendered(width: 20, height: 2).lines() == ["keep 40", "keep 45"])
        log.scrollUp(3, viewHeight: 2)
        #expect(log.rendered(width: 20, height: 2).line(0) == "keep 25")
        for index in 50..<60 { log.append(LogLine(index % 5 == 0 ? "keep \(index)" : "drop \(index)")) }
        #expect(log.unseenCount == 2, "only lines that pass count as new")
        #expect(log.rendered(width: 20, height: 2).line(0) == "keep 25")
        // 300 more lines: everything before sequence 260 is dropped from the ring, and from the matches.
        for index in 60..<360 { log.append(LogLine(index % 5 == 0 ? "keep \(index)" : "drop \(index)")) }
        #expect(log.lineCount == 100)
        #expect(log.shownCount == 20)
        log.follow()
        #expect(log.rendered(width: 20, height: 2).lines() == ["keep 350", "keep 355"])
        log.scrollToTop()
        #expect(log.rendered(width: 20, height: 3).line(0) == "keep 260")
    }

    @Test("Search jumps only between lines the filter shows")
    func searchWithinFilter() {
        var log = LogPane(capacity: 100)
        for index in 0..<20 { log.append(LogLine("\(index % 2 == 0 ? "even" : "odd") step \(index)")) }
        log.setFilter(minimumLevel: nil, text: "odd")
        log.search = "step 1"
        var found = log.searchNext(viewHeight: 3)
        #expect(found)
        let first = log.currentMatch
        #expect(log.buffer.element(sequence: first ?? -1)?.text.hasPrefix("odd") == true)
        found = log.searchNext(viewHeight: 3)
        #expect(found)
        #expect(log.buffer.element(sequence: log.currentMatch ?? -1)?.text.hasPrefix("odd") == true)
        #expect(log.currentMatch != first)
    }

    @Test("Timestamps toggle off and on; ← → scroll sideways when not wrapping")
    func timestampsAndSideways() {
        var log = LogPane(capacity: 10)
        log.append(LogLine("10:00:00.123 INFO  arn:aws:iam::123456789012:role/VeryLongRoleName", level: .info, timePrefix: 13))
        log.append(LogLine("             continuation", level: .info, timePrefix: 13))
        #expect(log.rendered(width: 30, height: 2).line(0) == "10:00:00.123 INFO  arn:aws:iam")
        log.showsTimestamps = false
        #expect(log.rendered(width: 30, height: 2).lines() == ["INFO  arn:aws:iam::12345678901", "continuation"])
        log.scrollHorizontally(by: 10)
        #expect(log.rendered(width: 30, height: 2).line(0) == "aws:iam::123456789012:role/Ver")
        log.scrollHorizontally(by: -100)
        #expect(log.horizontalOffset == 0)
        log.wraps = true
        log.scrollHorizontally(by: 10)
        #expect(log.rendered(width: 30, height: 3).lines() == ["INFO  arn:aws:iam::12345678901", "2:role/VeryLongRoleName", "continuation"],
                "wrapping ignores the sideways offset")
    }

    @Test("The selected line: the search match, else the top line while paused, else the newest line")
    func selectedLine() {
        var log = LogPane(capacity: 100)
        for index in 0..<10 { log.append(LogLine("line \(index)")) }
        #expect(log.selectedLine(viewHeight: 3)?.text == "line 9")
        log.scrollUp(4, viewHeight: 3)
        #expect(log.selectedLine(viewHeight: 3)?.text == "line 3")
        log.search = "line 5"
        log.searchNext(viewHeight: 3)
        #expect(log.selectedLine(viewHeight: 3)?.text == "line 5")
        #expect(LogPane(capacity: 3).selectedLine(viewHeight: 3) == nil)
    }

    @Test("OSC 52: ESC ] 52 ; c ; base64 BEL")
    func osc52() {
        #expect(ClipboardSequence.osc52(copying: "arn:aws:iam::1") == "\u{1B}]52;c;YXJuOmF3czppYW06OjE=\u{07}")
        #expect(ClipboardSequence.osc52(copying: "") == "\u{1B}]52;c;\u{07}")
    }
}
