import Testing
@testable import StarfleetTUI

@Suite("MemorySurface")
struct SurfaceTests {
    @Test("Text is placed and read back as lines")
    func plainText() {
        var surface = MemorySurface(width: 10, height: 2)
        let used = surface.put("hello", row: 0, column: 2, style: .plain)
        #expect(used == 5)
        #expect(surface.lines() == ["  hello", ""])
        #expect(surface.lines(trimmingTrailingSpaces: false)[0] == "  hello   ")
    }

    @Test("A wide character takes a leading and a continuation cell")
    func widePlacement() {
        var surface = MemorySurface(width: 6, height: 1)
        surface.put("中a🚀", row: 0, column: 0, style: .plain)
        #expect(surface.cell(row: 0, column: 0).width == 2)
        #expect(surface.cell(row: 0, column: 1).isContinuation)
        #expect(surface.cell(row: 0, column: 2).character == "a")
        #expect(surface.cell(row: 0, column: 3).character == "🚀")
        #expect(surface.cell(row: 0, column: 4).isContinuation)
        #expect(surface.line(0) == "中a🚀")
    }

    @Test("Overwriting either half of a wide character blanks the other half")
    func wideOverwrite() {
        var surface = MemorySurface(width: 6, height: 1)
        surface.put("中文", row: 0, column: 0, style: .plain)
        surface.put("x", row: 0, column: 1, style: .plain)   // right half of 中
        #expect(surface.line(0) == " x文")
        surface.put("y", row: 0, column: 2, style: .plain)   // left half of 文
        #expect(surface.line(0) == " xy")
        #expect(surface.cell(row: 0, column: 3).width == 1)
        #expect(!surface.cell(row: 0, column: 3).isContinuation)

        var other = MemorySurface(width: 6, height: 1)
        other.put("中文", row: 0, column: 0, style: .plain)
        other.put("字", row: 0, column: 1, style: .plain)   // straddles both
        #expect(other.line(0) == " 字")
        #expect(other.cell(row: 0, column: 3).character == " ")
        #expect(!other.cell(row: 0, column: 3).isContinuation)
    }

    @Test("Clipping at the edges, with maxWidth and off-screen positions")
    func clipping() {
        var surface = MemorySurface(width: 5, height: 2)
        surface.put("abcdefgh", row: 0, column: 2, style: .plain)
        #expect(surface.line(0) == "  abc")
        surface.put("中文", row: 1, column: 4, style: .plain)   // wide char at the last column
        #expect(surface.line(1) == "")
        #expect(surface.cell(row: 1, column: 4).width == 1)

        var limited = MemorySurface(width: 10, height: 1)
        let used = limited.put("中文字", row: 0, column: 0, style: .plain, maxWidth: 5)
        #expect(used == 5)
        #expect(limited.line(0) == "中文")

        var offscreen = MemorySurface(width: 4, height: 1)
        offscreen.put("中ab", row: 0, column: -1, style: .plain)   // only the right half of 中 is visible
        #expect(offscreen.line(0) == " ab")
        offscreen.put("zzz", row: 5, column: 0, style: .plain)     // rows outside are ignored
        offscreen.put("zzz", row: -1, column: 0, style: .plain)
        #expect(offscreen.lines() == [" ab"])
    }

    @Test("Styles are kept per cell")
    func styles() {
        var surface = MemorySurface(width: 6, height: 1)
        let red = Style(foreground: .red, attributes: [.bold])
        surface.put("ab", row: 0, column: 0, style: red)
        surface.put("中", row: 0, column: 2, style: .plain)
        #expect(surface.style(row: 0, column: 1) == red)
        #expect(surface.style(row: 0, column: 2) == .plain)
        #expect(surface.style(of: "b") == red)
        surface.patchStyle(Style(background: .blue), in: Rect(row: 0, column: 0, width: 1, height: 1))
        #expect(surface.style(row: 0, column: 0) == Style(foreground: .red, background: .blue, attributes: [.bold]))
    }

    @Test("Frames with titles, fill and rectangles")
    func frames() {
        var surface = MemorySurface(width: 16, height: 4)
        let inner = surface.drawFrame(Rect(row: 0, column: 0, width: 16, height: 4), style: .plain, title: "Ships")
        #expect(inner == Rect(row: 1, column: 1, width: 14, height: 2))
        surface.put("日本", row: 1, column: 1, style: .plain)
        #expect(surface.lines() == [
            "╭─ Ships ──────╮",
            "│日本          │",
            "│              │",
            "╰──────────────╯",
        ])
        var small = MemorySurface(width: 8, height: 3)
        small.drawFrame(small.bounds, style: .plain, title: "A very long title", border: .ascii)
        #expect(small.line(0) == "+- A… -+")
        small.fill(Rect(row: 1, column: 1, width: 6, height: 1), with: "中", style: .plain)
        #expect(small.line(1) == "|中中中|")
    }

    @Test("Geometry helpers")
    func geometry() {
        let area = Rect(row: 0, column: 0, width: 80, height: 24)
        let (header, rest) = area.splitTop(1)
        let (body, footer) = rest.splitBottom(1)
        #expect(header.height == 1 && footer.row == 23 && body.height == 22)
        #expect(area.centered(width: 20, height: 4) == Rect(row: 10, column: 30, width: 20, height: 4))
        #expect(area.inset(by: 1) == Rect(row: 1, column: 1, width: 78, height: 22))
        #expect(Rect(row: 0, column: 0, width: 5, height: 5).intersection(Rect(row: 3, column: 3, width: 5, height: 5))
            == Rect(row: 3, column: 3, width: 2, height: 2))
    }
}
