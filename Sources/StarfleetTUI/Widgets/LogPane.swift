import Logging

/// One line of a run's log as shown on screen.
public struct LogLine: Hashable, Sendable {
    public var text: String
    public var level: Logger.Level?
    /// Characters at the start of `text` that are its timestamp (`HH:MM:SS.mmm `), hidden when
    /// timestamps are off (a continuation line's indent of the same width too).
    public var timePrefix: Int

    public init(_ text: String, level: Logger.Level? = nil, timePrefix: Int = 0) {
        self.text = text
        self.level = level
        self.timePrefix = timePrefix
    }

    /// The text without its timestamp.
    public var untimedText: String { timePrefix > 0 ? String(text.dropFirst(timePrefix)) : text }

    /// The theme key for a log level (trace shares debug's, notice shares info's).
    public static func themeKey(for level: Logger.Level?) -> ThemeKey {
        switch level {
        case .trace, .debug: return .logDebug
        case .info, .notice, .none: return .logInfo
        case .warning: return .logWarning
        case .error: return .logError
        case .critical: return .logCritical
        }
    }
}

/// A log view over a ring buffer (the newest `capacity` lines; the full log
/// belongs on disk). It follows new lines until the operator scrolls up,
/// then holds its position — even while old lines are dropped — until it is
/// scrolled back to the bottom or `follow()` is called (G/End).
///
/// A filter (minimum level and/or text) hides the lines that do not pass: the
/// pane keeps the sequence numbers of the lines that pass, extended as lines
/// arrive, so new output never re-filters the buffer.
public struct LogPane: Widget, Sendable {
    public static let defaultCapacity = 10_000

    public private(set) var buffer: RingBuffer<LogLine>
    public private(set) var isFollowing: Bool
    /// Sequence number of the first line shown while not following.
    public private(set) var topSequence: Int
    /// Lines appended since following was paused.
    public private(set) var unseenCount: Int
    /// Sequence number of the search match last jumped to.
    public private(set) var currentMatch: Int?
    public var wraps: Bool
    /// Show each line's timestamp (`t` toggles).
    public var showsTimestamps: Bool
    /// Cells scrolled to the right when not wrapping.
    public var horizontalOffset: Int {
        didSet { horizontalOffset = max(0, horizontalOffset) }
    }
    /// Text to highlight and to jump between (case-insensitive).
    public var search: String? {
        didSet { currentMatch = nil }
    }
    /// Show "paused" at the bottom right while not following.
    public var showsFollowIndicator: Bool
    /// Lines below this level are hidden (nil: every line). Lines without a level count as info.
    public private(set) var minimumLevel: Logger.Level?
    /// Only lines containing this text are shown (case-insensitive; empty: every line).
    public private(set) var textFilter: String
    /// While filtering: the sequence numbers of the lines that pass, oldest first, from `matchStart`.
    private var matches: [Int]
    private var matchStart: Int
    private var lineFilter: LineFilter?

    public init(capacity: Int = LogPane.defaultCapacity, wraps: Bool = false) {
        self.buffer = RingBuffer(capacity: capacity)
        self.isFollowing = true
        self.topSequence = 0
        self.unseenCount = 0
        self.currentMatch = nil
        self.wraps = wraps
        self.showsTimestamps = true
        self.horizontalOffset = 0
        self.search = nil
        self.showsFollowIndicator = true
        self.minimumLevel = nil
        self.textFilter = ""
        self.matches = []
        self.matchStart = 0
        self.lineFilter = nil
    }

    public var lineCount: Int { buffer.count }
    public var isFiltering: Bool { lineFilter != nil }
    /// How many lines the view can show (those passing the filter).
    public var shownCount: Int { lineFilter == nil ? buffer.count : matches.count - matchStart }

    // MARK: - Feeding

    public mutating func append(_ line: LogLine) {
        buffer.append(line)
        let sequence = buffer.totalAppended - 1
        var shown = true
        if let lineFilter {
            shown = lineFilter.passes(line)
            if shown { matches.append(sequence) }
            dropEvictedMatches()
        }
        if isFollowing {
            unseenCount = 0
        } else {
            if shown { unseenCount += 1 }
            topSequence = max(topSequence, buffer.firstSequence)
        }
    }

    public mutating func append<S: Sequence>(contentsOf lines: S) where S.Element == LogLine {
        for line in lines { append(line) }
    }

    public mutating func clear() {
        buffer.removeAll()
        isFollowing = true
        unseenCount = 0
        currentMatch = nil
        topSequence = buffer.totalAppended
        matches.removeAll(keepingCapacity: true)
        matchStart = 0
    }

    private mutating func dropEvictedMatches() {
        let first = buffer.firstSequence
        while matchStart < matches.count, matches[matchStart] < first { matchStart += 1 }
        // Compact now and then: amortised O(1) per line.
        if matchStart > 4_096, matchStart * 2 > matches.count {
            matches.removeFirst(matchStart)
            matchStart = 0
        }
    }

    // MARK: - Filtering

    /// Shows only lines at `minimumLevel` or above containing `text`. A narrower filter (the same
    /// text extended, a higher level) filters the lines already passing; otherwise the buffer is
    /// scanned once.
    public mutating func setFilter(minimumLevel: Logger.Level?, text: String) {
        guard minimumLevel != self.minimumLevel || text != textFilter else { return }
        let narrower = lineFilter != nil && (self.minimumLevel.map { old in minimumLevel.map { $0 >= old } ?? false } ?? true)
            && (textFilter.isEmpty || LineFilter.lowered(text).contains(LineFilter.lowered(textFilter)))
        self.minimumLevel = minimumLevel
        textFilter = text
        currentMatch = nil
        let anchor = isFollowing ? nil : topSequence
        guard minimumLevel != nil || !text.isEmpty else {
            lineFilter = nil
            matches.removeAll()
            matchStart = 0
            if let anchor { topSequence = anchor }
            return
        }
        let filter = LineFilter(minimumLevel: minimumLevel, text: text)
        lineFilter = filter
        var kept: [Int] = []
        if narrower {
            for index in matchStart..<matches.count {
                let sequence = matches[index]
                if let line = buffer.element(sequence: sequence), filter.passes(line) { kept.append(sequence) }
            }
        } else {
            for sequence in buffer.sequences {
                if let line = buffer.element(sequence: sequence), filter.passes(line) { kept.append(sequence) }
            }
        }
        matches = kept
        matchStart = 0
        if let anchor, shownCount > 0 {
            // Keep the view near where it was: the first passing line at or after it.
            topSequence = sequence(at: min(position(of: anchor), shownCount - 1))
        }
    }

    /// The next minimum level in the cycle all → info → warning → error → all.
    public static func nextLevel(after level: Logger.Level?) -> Logger.Level? {
        switch level {
        case nil: return .info
        case .info?: return .warning
        case .warning?: return .error
        default: return nil
        }
    }

    /// Position among the lines shown → sequence number.
    private func sequence(at position: Int) -> Int {
        lineFilter == nil ? buffer.firstSequence + position : matches[matchStart + position]
    }

    /// Sequence number → position of the first shown line at or after it (`shownCount` when none).
    private func position(of sequence: Int) -> Int {
        guard lineFilter != nil else { return max(0, sequence - buffer.firstSequence) }
        var low = matchStart
        var high = matches.count
        while low < high {
            let middle = (low + high) / 2
            if matches[middle] < sequence { low = middle + 1 } else { high = middle }
        }
        return low - matchStart
    }

    // MARK: - Scrolling (in log lines)

    /// The first sequence number on screen for a view of this height.
    public func currentTop(viewHeight: Int) -> Int {
        let count = shownCount
        guard count > 0 else { return buffer.totalAppended }
        if isFollowing { return sequence(at: max(0, count - max(1, viewHeight))) }
        return sequence(at: min(position(of: max(topSequence, buffer.firstSequence)), count - 1))
    }

    /// Scrolls towards older lines; pauses following.
    public mutating func scrollUp(_ lines: Int = 1, viewHeight: Int) {
        guard shownCount > viewHeight || !isFollowing, shownCount > 0 else { return }
        let top = position(of: currentTop(viewHeight: viewHeight))
        if isFollowing { unseenCount = 0 }
        isFollowing = false
        topSequence = sequence(at: max(0, top - lines))
    }

    /// Scrolls towards newer lines; reaching the bottom resumes following.
    public mutating func scrollDown(_ lines: Int = 1, viewHeight: Int) {
        guard !isFollowing else { return }
        let top = position(of: currentTop(viewHeight: viewHeight)) + lines
        if top + viewHeight >= shownCount {
            follow()
        } else {
            topSequence = sequence(at: top)
        }
    }

    public mutating func pageUp(viewHeight: Int) { scrollUp(max(1, viewHeight - 1), viewHeight: viewHeight) }
    public mutating func pageDown(viewHeight: Int) { scrollDown(max(1, viewHeight - 1), viewHeight: viewHeight) }

    public mutating func scrollToTop() {
        isFollowing = false
        topSequence = shownCount > 0 ? sequence(at: 0) : buffer.firstSequence
    }

    /// Back to the newest line, following again.
    public mutating func follow() {
        isFollowing = true
        unseenCount = 0
    }

    /// Scrolls sideways (not while wrapping); `cells` < 0 scrolls back to the left.
    public mutating func scrollHorizontally(by cells: Int) {
        horizontalOffset = max(0, horizontalOffset + cells)
    }

    // MARK: - Search

    /// Jumps to the next shown line containing `search`, after the current match (or the top
    /// of the view), wrapping around to the oldest line. Returns false when no line matches.
    @discardableResult
    public mutating func searchNext(viewHeight: Int) -> Bool {
        guard let search, !search.isEmpty, shownCount > 0 else { return false }
        let count = shownCount
        let start = currentMatch.map { position(of: $0 + 1) } ?? position(of: currentTop(viewHeight: viewHeight))
        for step in 0..<count {
            let sequence = sequence(at: (start + step) % count)
            if let line = buffer.element(sequence: sequence), TextSearch.contains(line.text, search) {
                jump(to: sequence, viewHeight: viewHeight)
                return true
            }
        }
        return false
    }

    /// Jumps to the previous shown line containing `search`, wrapping around to the newest line.
    @discardableResult
    public mutating func searchPrevious(viewHeight: Int) -> Bool {
        guard let search, !search.isEmpty, shownCount > 0 else { return false }
        let count = shownCount
        let start = position(of: currentMatch ?? currentTop(viewHeight: viewHeight)) - 1
        for step in 0..<count {
            let sequence = sequence(at: ((start - step) % count + count) % count)
            if let line = buffer.element(sequence: sequence), TextSearch.contains(line.text, search) {
                jump(to: sequence, viewHeight: viewHeight)
                return true
            }
        }
        return false
    }

    private mutating func jump(to sequence: Int, viewHeight: Int) {
        currentMatch = sequence
        isFollowing = false
        // Keep a little context above the match.
        topSequence = self.sequence(at: max(0, position(of: sequence) - max(0, viewHeight / 3)))
    }

    /// The line copy commands act on: the search match last jumped to, else the top line
    /// while paused, else the newest line shown.
    public func selectedLine(viewHeight: Int) -> LogLine? {
        if let currentMatch, let line = buffer.element(sequence: currentMatch) { return line }
        guard shownCount > 0 else { return nil }
        let sequence = isFollowing ? self.sequence(at: shownCount - 1) : currentTop(viewHeight: viewHeight)
        return buffer.element(sequence: sequence)
    }

    // MARK: - Rendering

    public func render(on surface: inout some Surface, in area: Rect, theme: Theme) {
        guard !area.isEmpty else { return }
        let base = theme[.text]
        surface.fill(area, style: base)
        let rows = visibleRows(height: area.height, width: area.width)
        let matchStyle = theme[.searchMatch]
        for (offset, row) in rows.enumerated() {
            let y = area.row + offset
            var style = base.patched(with: theme[LogLine.themeKey(for: row.level)])
            if row.sequence == currentMatch { style = style.adding(.bold) }
            surface.put(row.text, row: y, column: area.column, style: style, maxWidth: area.width)
            surface.highlightMatches(of: search, in: row.text, row: y, column: area.column, maxWidth: area.width,
                                     style: matchStyle)
        }
        if showsFollowIndicator, !isFollowing {
            let text = unseenCount > 0 ? " PAUSED · \(unseenCount) new · End follows " : " PAUSED · End follows "
            let shown = TextLayout.truncate(text, to: area.width)
            let width = DisplayWidth.of(shown)
            surface.put(shown, row: area.bottom - 1, column: area.right - width, style: theme[.notice].adding(.reverse))
        }
    }

    /// A line as shown: timestamp kept or dropped, then wrapped or scrolled sideways.
    public func pieces(of line: LogLine, width: Int) -> [String] {
        let text = TextLayout.sanitize(showsTimestamps ? line.text : line.untimedText)
        if wraps && width > 0 { return TextLayout.hardWrap(text, width: width) }
        return [TextLayout.dropping(columns: horizontalOffset, from: text)]
    }

    /// The rows on screen: text pieces (wrapped or cut) with their line's sequence and level.
    public func visibleRows(height: Int, width: Int) -> [(sequence: Int, text: String, level: Logger.Level?)] {
        let count = shownCount
        guard height > 0, count > 0 else { return [] }
        var rows: [(Int, String, Logger.Level?)] = []
        if isFollowing {
            // Fill from the bottom up.
            var position = count - 1
            while position >= 0, rows.count < height {
                let sequence = sequence(at: position)
                guard let line = buffer.element(sequence: sequence) else { break }
                for piece in pieces(of: line, width: width).reversed() where rows.count < height {
                    rows.append((sequence, piece, line.level))
                }
                position -= 1
            }
            return rows.reversed()
        }
        var position = position(of: currentTop(viewHeight: height))
        while position < count, rows.count < height {
            let sequence = sequence(at: position)
            guard let line = buffer.element(sequence: sequence) else { break }
            for piece in pieces(of: line, width: width) where rows.count < height {
                rows.append((sequence, piece, line.level))
            }
            position += 1
        }
        return rows
    }
}

/// Whether a line passes a log filter: its level (no level counts as info) and its text,
/// compared case-insensitively (ASCII byte by byte, fast enough for 200,000 lines).
struct LineFilter: Sendable {
    let minimumLevel: Logger.Level?
    let text: String
    private let needle: [UInt8]?

    init(minimumLevel: Logger.Level?, text: String) {
        self.minimumLevel = minimumLevel
        self.text = text
        let lowered = Self.lowered(text)
        self.needle = text.isEmpty || !lowered.utf8.allSatisfy({ $0 < 0x80 }) ? nil : Array(lowered.utf8)
    }

    static func lowered(_ text: String) -> String { text.lowercased() }

    func passes(_ line: LogLine) -> Bool {
        if let minimumLevel, (line.level ?? .info) < minimumLevel { return false }
        guard !text.isEmpty else { return true }
        guard let needle else { return TextSearch.contains(line.text, text) }
        var haystack = line.text
        return haystack.withUTF8 { Self.contains($0, needle) }
    }

    /// ASCII case-insensitive substring search (non-ASCII bytes only match themselves).
    static func contains(_ haystack: UnsafeBufferPointer<UInt8>, _ needle: [UInt8]) -> Bool {
        let count = needle.count
        guard haystack.count >= count else { return false }
        let first = needle[0]
        var start = 0
        while start + count <= haystack.count {
            if lower(haystack[start]) == first {
                var index = 1
                while index < count, lower(haystack[start + index]) == needle[index] { index += 1 }
                if index == count { return true }
            }
            start += 1
        }
        return false
    }

    @inline(__always)
    static func lower(_ byte: UInt8) -> UInt8 { byte >= 0x41 && byte <= 0x5A ? byte + 32 : byte }
}
