import Testing
@testable import StarfleetTUI

@Suite("Widgets")
struct WidgetTests {
    let theme = Theme.default

    // MARK: - Table

    @Test("Table columns stay aligned with CJK and emoji names")
    func tableAlignment() {
        let table = TableView(
            columns: [TableColumn("Ship"), TableColumn("Fan-out"), TableColumn("State")],
            rows: [
                TableRow(["AccountIndexGeneratorShip", "NONE", "enabled"]),
                TableRow(["日本語シップ", "ACCOUNT", "disabled"]),
                TableRow(["🚀 Rocket 👨‍👩‍👧", "ACCOUNT_REGION", "invalid"]),
            ],
            selectedRow: 1)
        let surface = table.rendered(width: 70, height: 5, theme: theme)
        let lines = surface.lines()
        #expect(lines[0].hasPrefix("Ship"))
        // The State column starts at the same display column on every row.
        let stateColumns = zip(lines.dropFirst().prefix(3), ["enabled", "disabled", "invalid"]).map { line, state in
            DisplayWidth.of(line[..<line.firstRange(of: state)!.lowerBound])
        }
        let headerColumn = DisplayWidth.of(lines[0][..<lines[0].firstRange(of: "State")!.lowerBound])
        #expect(stateColumns == [headerColumn, headerColumn, headerColumn], "\(surface.text)")
        #expect(headerColumn == 25 + 2 + 14 + 2)
        // The selected row is drawn in the selection style across the width.
        let selected = surface.find("日本語シップ")!
        #expect(selected.row == 2)
        #expect(surface.style(row: 2, column: 0).background == theme[.selection].background)
        #expect(surface.style(row: 2, column: 69).background == theme[.selection].background)
        #expect(surface.style(row: 1, column: 0).background != theme[.selection].background)
    }

    @Test("Table truncates, scrolls to keep the selection visible and shows an empty message")
    func tableScrolling() {
        let rows = (0..<50).map { TableRow(["row \($0)", "x"]) }
        let table = TableView(columns: [TableColumn("Name", width: .flex()), TableColumn("V", width: .fixed(1))],
                              rows: rows, selectedRow: 30)
        let surface = table.rendered(width: 20, height: 6)
        #expect(surface.lines().contains { $0.hasPrefix("row 30") })
        #expect(surface.line(5).hasPrefix("row 30"))
        #expect(table.effectiveScrollOffset(height: 6) == 26)

        let narrow = TableView(columns: [TableColumn("Name"), TableColumn("Description")],
                               rows: [TableRow(["AccountIndexGeneratorShip", "Builds the account index"])])
        let small = narrow.rendered(width: 20, height: 2)
        #expect(DisplayWidth.of(small.line(1)) <= 20)
        #expect(small.line(1).contains("…"))

        let empty = TableView(columns: [TableColumn("Name")], rows: [], emptyMessage: "No ships match")
        #expect(empty.rendered(width: 20, height: 3).line(1) == " No ships match")
    }

    @Test("Column widths: fixed, fit and flex share the width")
    func columnWidths() {
        let table = TableView(
            columns: [TableColumn("A", width: .fixed(4)), TableColumn("B", width: .fit(min: 3, max: 10)),
                      TableColumn("C", width: .flex(weight: 1)), TableColumn("D", width: .flex(weight: 3))],
            rows: [TableRow(["x", "中文中文中文中文", "y", "z"])], columnSpacing: 1)
        let widths = table.columnWidths(available: 40)
        #expect(widths[0] == 4)
        #expect(widths[1] == 10)
        #expect(widths.reduce(0, +) + 3 == 40)
        #expect(widths[3] > widths[2])
    }

    // MARK: - Header and footer

    @Test("Header shows title, segments and right-aligned badges")
    func header() {
        let header = HeaderBar(title: "Starfleet", segments: ["config ./examples", "index: S3"],
                               badges: [Badge("DRY RUN", style: .badgeDryRun), Badge("R", style: .badgeReadonly)])
        let surface = header.rendered(width: 60, height: 1, theme: theme)
        #expect(surface.line(0) == " Starfleet · config ./examples · index: S3      DRY RUN   R")
        #expect(surface.style(of: "DRY RUN")?.background == theme[.badgeDryRun].background)
        // Narrow: the badges survive, the segments are cut.
        let narrow = header.rendered(width: 30, height: 1, theme: theme).line(0)
        #expect(narrow.hasSuffix(" DRY RUN   R"))
        #expect(narrow.contains("…"))
    }

    @Test("Footer lists bindings and drops what does not fit")
    func footer() {
        let registry = KeyBindingRegistry<TestCommand>()
        let footer = FooterBar(registry: registry, contexts: [.global], message: "3 hidden")
        let surface = footer.rendered(width: 80, height: 1, theme: theme)
        #expect(surface.line(0).hasPrefix(" ? Help  / Filter  : Command  Esc Back  q Quit   "))
        #expect(surface.line(0).hasSuffix("   3 hidden"))
        #expect(DisplayWidth.of(surface.line(0)) == 79)
        #expect(surface.style(of: "?") == theme[.footer].patched(with: theme[.footerKey]))
        let narrow = footer.rendered(width: 30, height: 1, theme: theme).line(0)
        #expect(narrow.hasPrefix(" ? Help  / Filter"))
        #expect(!narrow.contains("Quit"))
    }

    // MARK: - Text pane

    @Test("Text pane: line numbers, markers, cursor, horizontal scroll and wrap")
    func textPane() {
        let yaml = (1...12).map { "Key\($0): value \($0)" }
        var pane = TextPane(lines: yaml.map { StyledLine($0) }, scrollOffset: 8, showsLineNumbers: true, cursorLine: 9,
                            markers: [10: .error])
        var surface = pane.rendered(width: 30, height: 4, theme: theme)
        #expect(surface.lines() == ["  9 Key9: value 9", " 10 Key10: value 10", "▌11 Key11: value 11", " 12 Key12: value 12"])
        #expect(surface.style(row: 1, column: 5).background == theme[.selection].background)
        #expect(surface.style(row: 1, column: 29).background == theme[.selection].background)
        #expect(surface.style(row: 2, column: 1).foreground == theme[.error].foreground)
        #expect(surface.style(row: 0, column: 1).foreground == theme[.yamlLineNumber].foreground)
        // Moving the cursor below the view scrolls just enough to show it.
        pane.cursorLine = 0
        #expect(pane.effectiveScrollOffset(height: 4) == 0)

        pane.cursorLine = nil
        pane.scrollOffset = 0
        pane.horizontalOffset = 3
        surface = pane.rendered(width: 30, height: 2)
        #expect(surface.line(0) == "  1 1: value 1")

        let wrapped = TextPane(lines: ["alpha beta gamma delta", "中文中文中文"], showsLineNumbers: true, wraps: true)
        #expect(wrapped.rendered(width: 10, height: 6).lines() == [" 1 alpha b", "   eta gam", "   ma delt", "   a",
                                                                  " 2 中文中", "   文中文"])
        let highlighted = TextPane(lines: ["find the Needle here"], highlight: "needle")
        let found = highlighted.rendered(width: 30, height: 1, theme: theme)
        #expect(found.style(row: 0, column: 9) == theme[.text].patched(with: theme[.searchMatch]))
    }

    // MARK: - Log pane

    @Test("Log pane follows, pauses when scrolled up, and keeps its place while lines are dropped")
    func logPane() {
        var log = LogPane(capacity: 100)
        for index in 0..<10 { log.append(LogLine("line \(index)", level: index == 9 ? .error : .info)) }
        var surface = log.rendered(width: 40, height: 3, theme: theme)
        #expect(surface.lines() == ["line 7", "line 8", "line 9"])
        #expect(surface.style(of: "line 9")?.foreground == theme[.logError].foreground)

        log.scrollUp(2, viewHeight: 3)
        #expect(!log.isFollowing)
        log.append(LogLine("line 10"))
        surface = log.rendered(width: 40, height: 3, theme: theme)
        #expect(surface.line(0) == "line 5")
        #expect(surface.line(2).hasSuffix("PAUSED · 1 new · End follows"))

        // Older lines fall out of the ring buffer; the view holds on to what is left.
        for index in 11..<200 { log.append(LogLine("line \(index)")) }
        #expect(log.lineCount == 100)
        #expect(log.rendered(width: 40, height: 3).line(0) == "line 100")

        log.follow()
        #expect(log.rendered(width: 40, height: 3).lines() == ["line 197", "line 198", "line 199"])

        log.scrollUp(1, viewHeight: 3)
        log.scrollDown(5, viewHeight: 3)
        #expect(log.isFollowing)
    }

    @Test("Log pane search jumps between matches and highlights them; wrap splits long lines")
    func logSearch() {
        var log = LogPane(capacity: 1_000)
        for index in 0..<100 { log.append(LogLine(index % 25 == 0 ? "ERROR at step \(index)" : "step \(index)")) }
        log.search = "error"
        var found = log.searchNext(viewHeight: 5)
        #expect(found)
        #expect(log.currentMatch == 0)  // nothing below the bottom: wraps to the oldest line
        let first = log.currentMatch!
        found = log.searchNext(viewHeight: 5)
        #expect(found)
        #expect(log.currentMatch == first + 25)
        found = log.searchPrevious(viewHeight: 5)
        #expect(found)
        #expect(log.currentMatch == first)
        let surface = log.rendered(width: 40, height: 5, theme: theme)
        let match = surface.find("ERROR")!
        #expect(surface.style(row: match.row, column: match.column).background == theme[.searchMatch].background)

        var wrapping = LogPane(capacity: 10, wraps: true)
        wrapping.append(LogLine("0123456789abcdef"))
        #expect(wrapping.rendered(width: 10, height: 3).lines() == ["0123456789", "abcdef", ""])
    }

    @Test("Ring buffer keeps the newest elements and stable sequence numbers")
    func ringBuffer() {
        var ring = RingBuffer<Int>(capacity: 3)
        ring.append(contentsOf: 1...5)
        #expect(ring.elements == [3, 4, 5])
        #expect(ring.firstSequence == 2)
        #expect(ring.element(sequence: 4) == 5)
        #expect(ring.element(sequence: 1) == nil)
        #expect(ring.droppedCount == 2)
    }

    // MARK: - Dialog

    @Test("Dialog shows title, body, field and buttons with the focused one marked")
    func dialog() {
        var dialog = Dialog(title: "Commit AccountIndexGeneratorShip?",
                            body: ["Payload: payloads/index.yaml", "Account: 123456789012 (eu-west-1)"],
                            buttons: ["Cancel", "Commit"], focusedButton: 0,
                            input: TextInput(), inputLabel: "Type the ship name to confirm:", isDangerous: true)
        var surface = dialog.rendered(width: 80, height: 24, theme: theme)
        let text = surface.text
        #expect(text.contains("Commit AccountIndexGeneratorShip?"))
        #expect(text.contains("Payload: payloads/index.yaml"))
        #expect(text.contains("Type the ship name to confirm:"))
        #expect(text.contains("[ Cancel ]     Commit  "))
        #expect(text.contains("> "))
        let cancel = surface.find("Cancel")!
        #expect(surface.style(row: cancel.row, column: cancel.column)
            == theme[.dialog].patched(with: theme[.dialogButtonFocused]))

        for character in "Account" { _ = dialog.handle(.char(character)) }
        #expect(dialog.input?.text == "Account")
        let tabbed = dialog.handle(.tab)
        #expect(tabbed == .none)
        #expect(dialog.focusedButton == 1)
        surface = dialog.rendered(width: 80, height: 24, theme: theme)
        #expect(surface.text.contains("  Cancel     [ Commit ]"))
        #expect(surface.text.contains("> Account"))
        let entered = dialog.handle(.enter)
        #expect(entered == .activated(1))
        let escaped = dialog.handle(.escape)
        #expect(escaped == .cancelled)

        // Centred, framed, and within the screen.
        let frame = dialog.frame(in: Rect(row: 0, column: 0, width: 80, height: 24))
        #expect(frame.column > 0 && frame.right < 80)
        #expect(surface.line(frame.row).contains("╭─ Commit AccountIndexGeneratorShip? "))
    }

    @Test("Dialog without a field moves focus with arrows and survives a tiny screen")
    func dialogSmall() {
        var dialog = Dialog(title: "Quit?", body: ["A run is still going."], buttons: ["Stay", "Quit"])
        _ = dialog.handle(.right)
        #expect(dialog.focusedButton == 1)
        _ = dialog.handle(.right)
        #expect(dialog.focusedButton == 0)
        let tiny = dialog.rendered(width: 12, height: 4)
        #expect(tiny.lines().count == 4)
    }

    // MARK: - Help, notice, input

    @Test("Help overlay lists sections and bindings from the registry")
    func helpOverlay() {
        var registry = KeyBindingRegistry<TestCommand>()
        registry.add(KeyBinding(.open, keys: [.enter], label: "Open", description: "Open the selected ship",
                                contexts: ["fleet"]))
        registry.add(KeyBinding(.commit, keys: [.char("c")], label: "Commit", description: "Commit the payload",
                                contexts: ["fleet"], isDangerous: true, disabledReason: "no dry run yet"))
        let overlay = HelpOverlay(registry: registry, contexts: ["fleet", .global])
        let surface = overlay.rendered(width: 80, height: 24, theme: theme)
        let text = surface.text
        #expect(text.contains("Keys · Esc closes"))
        #expect(text.contains("Fleet"))
        #expect(text.contains("│   Enter   Open the selected ship"))
        #expect(text.contains("│   c       Commit the payload (disabled: no dry run yet) │"))
        #expect(text.contains("Global"))
        #expect(text.contains("│   Ctrl-L  Redraw the whole screen"))
        #expect(surface.style(of: "Ctrl-L") == theme[.dialog].patched(with: theme[.helpKey]))
    }

    @Test("Too-small notice names both sizes and fits tiny terminals")
    func tooSmall() {
        #expect(TooSmallNotice.isTooSmall(Size(width: 79, height: 30)))
        #expect(TooSmallNotice.isTooSmall(Size(width: 100, height: 23)))
        #expect(!TooSmallNotice.isTooSmall(Size(width: 80, height: 24)))
        let notice = TooSmallNotice(actual: Size(width: 60, height: 20))
        let surface = notice.rendered(width: 60, height: 20, theme: theme)
        #expect(surface.lines().contains { $0.trimmingSpaces == "Terminal too small" })
        #expect(surface.text.contains("60x20 — needs at least 80x24"))
        let tiny = TooSmallNotice(actual: Size(width: 20, height: 5)).rendered(width: 20, height: 5)
        #expect(tiny.text.contains("Terminal too small"))
        for line in tiny.lines() { #expect(DisplayWidth.of(line) <= 20) }
    }

    @Test("Input line shows the prompt, the text and the cursor, scrolling long text")
    func inputLine() {
        var input = TextInput()
        for character in "ships 日本" { input.handle(.char(character)) }
        let line = InputLine(prompt: "/", input: input)
        let surface = line.rendered(width: 20, height: 1, theme: theme)
        #expect(surface.line(0) == "/ships 日本")
        #expect(surface.style(row: 0, column: 11) == theme[.input].patched(with: theme[.inputCursor]))

        let long = InputLine(prompt: ":", input: TextInput(String(repeating: "x", count: 40) + "end"))
        let scrolled = long.rendered(width: 10, height: 1)
        #expect(scrolled.line(0) == ":xxxxxend")

        let empty = InputLine(prompt: "/", input: TextInput(), placeholder: "filter ships")
        #expect(empty.rendered(width: 20, height: 1).line(0) == "/filter ships")
    }
}
