import Logging

/// One line of a run's log as shown on screen.
public struct LogLine: Hashable, Sendable {
    public var text: String
    public var level: Logger.Level?

    public init(_ text: String, level: Logger.Level? = nil) {
        self.text = text
        self.level = level
    }

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
    /// Text to highlight and to jump between (case-insensitive).
    public var search: String? {
        didSet { currentMatch = nil }
    }
    /// Show "paused" at the bottom right while not following.
    public var showsFollowIndicator: Bool

    public init(capacity: Int = LogPane.defaultCapacity, wraps: Bool = false) {
        self.buffer = RingBuffer(capacity: capacity)
        self.isFollowing = true
        self.topSequence = 0
        self.unseenCount = 0
        self.currentMatch = nil
        self.wraps = wraps
        self.search = nil
        self.showsFollowIndicator = true
    }

    public var lineCount: Int { buffer.count }

    // MARK: - Feeding

    public mutating func append(_ line: LogLine) {
        buffer.append(line)
        if isFollowing {
            unseenCount = 0
        } else {
            unseenCount += 1
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
    }

    // MARK: - Scrolling (in log lines)

    /// The first sequence number on screen for a view of this height.
    public func currentTop(viewHeight: Int) -> Int {
        if isFollowing { return max(buffer.firstSequence, buffer.totalAppended - max(1, viewHeight)) }
        return min(max(topSequence, buffer.firstSequence), max(buffer.firstSequence, buffer.totalAppended - 1))
    }

    /// Scrolls towards older lines; pauses following.
    public mutating func scrollUp(_ lines: Int = 1, viewHeight: Int) {
        let top = currentTop(viewHeight: viewHeight)
        guard buffer.count > viewHeight || !isFollowing else { return }
        if isFollowing { unseenCount = 0 }
        isFollowing = false
        topSequence = max(buffer.firstSequence, top - lines)
    }

    /// Scrolls towards newer lines; reaching the bottom resumes following.
    public mutating func scrollDown(_ lines: Int = 1, viewHeight: Int) {
        guard !isFollowing else { return }
        topSequence = currentTop(viewHeight: viewHeight) + lines
        if topSequence + viewHeight >= buffer.totalAppended { follow() }
    }

    public mutating func pageUp(viewHeight: Int) { scrollUp(max(1, viewHeight - 1), viewHeight: viewHeight) }
    public mutating func pageDown(viewHeight: Int) { scrollDown(max(1, viewHeight - 1), viewHeight: viewHeight) }

    public mutating func scrollToTop() {
        isFollowing = false
        topSequence = buffer.firstSequence
    }

    /// Back to the newest line, following again.
    public mutating func follow() {
        isFollowing = true
        unseenCount = 0
    }

    // MARK: - Search

    /// Jumps to the next line containing `search`, after the current match (or
    /// the top of the view), wrapping around to the oldest line. Returns false
    /// when no line matches.
    @discardableResult
    public mutating func searchNext(viewHeight: Int) -> Bool {
        guard let search, !search.isEmpty, !buffer.isEmpty else { return false }
        let start = (currentMatch.map { $0 + 1 }) ?? currentTop(viewHeight: viewHeight)
        let first = buffer.firstSequence
        let count = buffer.count
        for step in 0..<count {
            let sequence = first + (max(0, start - first) + step) % count
            if let line = buffer.element(sequence: sequence), TextSearch.contains(line.text, search) {
                jump(to: sequence, viewHeight: viewHeight)
                return true
            }
        }
        return false
    }

    /// Jumps to the previous line containing `search`, wrapping around to the newest line.
    @discardableResult
    public mutating func searchPrevious(viewHeight: Int) -> Bool {
        guard let search, !search.isEmpty, !buffer.isEmpty else { return false }
        let start = (currentMatch ?? currentTop(viewHeight: viewHeight)) - 1
        let first = buffer.firstSequence
        let count = buffer.count
        for step in 0..<count {
            let offset = ((start - first - step) % count + count) % count
            if let line = buffer.element(sequence: first + offset), TextSearch.contains(line.text, search) {
                jump(to: first + offset, viewHeight: viewHeight)
                return true
            }
        }
        return false
    }

    private mutating func jump(to sequence: Int, viewHeight: Int) {
        currentMatch = sequence
        isFollowing = false
        // Keep a little context above the match.
        topSequence = max(buffer.firstSequence, sequence - max(0, viewHeight / 3))
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

    /// The rows on screen: text pieces (wrapped or cut) with their line's sequence and level.
    public func visibleRows(height: Int, width: Int) -> [(sequence: Int, text: String, level: Logger.Level?)] {
        guard height > 0, !buffer.isEmpty else { return [] }
        func pieces(_ line: LogLine) -> [String] {
            let text = TextLayout.sanitize(line.text)
            return wraps && width > 0 ? TextLayout.hardWrap(text, width: width) : [text]
        }
        var rows: [(Int, String, Logger.Level?)] = []
        if isFollowing {
            // Fill from the bottom up.
            var sequence = buffer.totalAppended - 1
            while sequence >= buffer.firstSequence, rows.count < height {
                guard let line = buffer.element(sequence: sequence) else { break }
                for piece in pieces(line).reversed() where rows.count < height {
                    rows.append((sequence, piece, line.level))
                }
                sequence -= 1
            }
            return rows.reversed()
        }
        var sequence = currentTop(viewHeight: height)
        while sequence < buffer.totalAppended, rows.count < height {
            guard let line = buffer.element(sequence: sequence) else { break }
            for piece in pieces(line) where rows.count < height {
                rows.append((sequence, piece, line.level))
            }
            sequence += 1
        }
        return rows
    }
}
