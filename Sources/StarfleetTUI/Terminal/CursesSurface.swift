import CNcursesw

/// A curses window pointer.
public typealias CursesWindow = UnsafeMutablePointer<WINDOW>

/// Paints `MemorySurface` frames onto a curses window.
///
/// Each frame is drawn in full onto the (erased) window and flushed with
/// `wnoutrefresh` + `doupdate`: ncurses compares it with what the terminal
/// already shows and sends only the difference. Colour pairs are allocated on
/// demand and cached per (foreground, background). Main thread only.
@MainActor
public final class CursesSurface {
    public let window: CursesWindow
    /// Colours as curses reports them (`COLORS`), 0 without colour support.
    public let colorCount: Int
    /// Whether `use_default_colors` succeeded (colour -1 is the terminal's own).
    public let hasDefaultColors: Bool

    private var pairs: [PairKey: Int32] = [:]
    private var nextPair: Int32 = 1
    private let pairLimit: Int32
    private let attributeBits: [(TextAttributes, attr_t)]
    private var scalarBuffer: [wchar_t] = []

    private struct PairKey: Hashable {
        var foreground: Int32
        var background: Int32
    }

    public init(window: CursesWindow, colorCount: Int, hasDefaultColors: Bool) {
        self.window = window
        self.colorCount = colorCount
        self.hasDefaultColors = hasDefaultColors
        self.pairLimit = colorCount > 0 ? Int32(clamping: cn_COLOR_PAIRS()) : 0
        self.attributeBits = [
            (.bold, cn_A_BOLD()), (.dim, cn_A_DIM()), (.underline, cn_A_UNDERLINE()),
            (.reverse, cn_A_REVERSE()), (.italic, cn_A_ITALIC()),
        ]
    }

    // MARK: - Painting

    /// Draws a whole frame and updates the terminal. Cells outside the window are clipped.
    public func paint(_ frame: MemorySurface) {
        werase(window)
        var rows: Int32 = 0
        var columns: Int32 = 0
        cn_getmaxyx(window, &rows, &columns)
        let height = min(Int(rows), frame.size.height)
        let width = min(Int(columns), frame.size.width)
        for row in 0..<height {
            for column in 0..<width {
                let cell = frame.cell(row: row, column: column)
                if cell.isContinuation { continue }
                if cell.character == " " && cell.style == .plain { continue }  // werase already blanked it
                paintCell(cell, row: Int32(row), column: Int32(column), limit: width)
            }
        }
        wnoutrefresh(window)
        doupdate()
    }

    /// Makes the next `paint` redraw the terminal from scratch (Ctrl-L, after a resize).
    public func invalidate() {
        clearok(window, true)
    }

    private func paintCell(_ cell: Cell, row: Int32, column: Int32, limit: Int) {
        let attributes = attributes(for: cell.style)
        let pair = colorPair(for: cell.style)
        let scalars = cell.character.unicodeScalars
        let first = scalars.first.map { $0.value } ?? 0x20
        let firstWidth = cn_wcwidth(first)

        if scalars.count == 1 {
            if firstWidth == cell.width {
                addCell([wchar_t(bitPattern: first)], row: row, column: column, attributes: attributes, pair: pair)
            } else {
                substitute(cell, libcWidth: firstWidth, first: first, row: row, column: column,
                           attributes: attributes, pair: pair, limit: limit)
            }
            return
        }
        // A cluster: one spacing character plus combining ones fits one cchar_t
        // when the C library agrees on the widths.
        let widths = scalars.map { cn_wcwidth($0.value) }
        if firstWidth == cell.width, widths.dropFirst().allSatisfy({ $0 == 0 }), scalars.count <= Int(cn_CCHARW_MAX()) {
            addCell(scalars.map { wchar_t(bitPattern: $0.value) }, row: row, column: column, attributes: attributes, pair: pair)
            return
        }
        // Several spacing characters that add up to the cell width (a flag's two
        // regional indicators): write them as a string.
        if widths.allSatisfy({ $0 >= 0 }), widths.reduce(0, +) == cell.width {
            scalarBuffer = scalars.map { wchar_t(bitPattern: $0.value) }
            _ = scalarBuffer.withUnsafeBufferPointer { buffer in
                cn_mvwaddnwstr_styled(window, row, column, buffer.baseAddress, Int32(buffer.count), attributes, pair)
            }
            return
        }
        // ZWJ sequences, skin tones, VS16 on a narrow base: curses cannot keep
        // them in one cell, so show the base character and keep the layout.
        substitute(cell, libcWidth: firstWidth, first: first, row: row, column: column,
                   attributes: attributes, pair: pair, limit: limit)
    }

    /// Shows the base character alone when the C library agrees it fits,
    /// padded with a blank; otherwise a replacement character per cell.
    private func substitute(_ cell: Cell, libcWidth: Int32, first: UInt32, row: Int32, column: Int32,
                            attributes: attr_t, pair: Int32, limit: Int) {
        if libcWidth == cell.width {
            addCell([wchar_t(bitPattern: first)], row: row, column: column, attributes: attributes, pair: pair)
        } else if libcWidth == 1 && cell.width == 2 {
            addCell([wchar_t(bitPattern: first)], row: row, column: column, attributes: attributes, pair: pair)
            if Int(column) + 1 < limit {
                addCell([0x20], row: row, column: column + 1, attributes: attributes, pair: pair)
            }
        } else {
            for offset in 0..<Int32(max(1, cell.width)) where Int(column + offset) < limit {
                addCell([0xFFFD], row: row, column: column + offset, attributes: attributes, pair: pair)
            }
        }
    }

    private func addCell(_ characters: [wchar_t], row: Int32, column: Int32, attributes: attr_t, pair: Int32) {
        _ = characters.withUnsafeBufferPointer { buffer in
            cn_mvwadd_cell(window, row, column, buffer.baseAddress, Int32(buffer.count), attributes, pair)
        }
    }

    // MARK: - Styles

    private func attributes(for style: Style) -> attr_t {
        var bits = cn_A_NORMAL()
        for (attribute, bit) in attributeBits where style.attributes.contains(attribute) {
            bits |= bit
        }
        return bits
    }

    /// The pair number for a style's colours, allocating one when needed
    /// (0, the terminal's defaults, when colours are off or pairs run out).
    private func colorPair(for style: Style) -> Int32 {
        guard colorCount > 0 else { return 0 }
        let key = PairKey(foreground: cursesColor(style.foreground, isForeground: true),
                          background: cursesColor(style.background, isForeground: false))
        if key.foreground == -1 && key.background == -1 { return 0 }
        if let pair = pairs[key] { return pair }
        guard nextPair < pairLimit else { return 0 }
        let pair = nextPair
        guard init_extended_pair(pair, key.foreground, key.background) != ERR else { return 0 }
        nextPair += 1
        pairs[key] = pair
        return pair
    }

    /// A colour as a curses colour number for this terminal, degraded as needed.
    func cursesColor(_ color: TerminalColor, isForeground: Bool) -> Int32 {
        let fallback: Int32 = hasDefaultColors ? -1 : (isForeground ? Int32(COLOR_WHITE) : Int32(COLOR_BLACK))
        if colorCount >= 16_777_216 {
            // Direct colour: values below 8 are palette entries, the rest packed RGB.
            switch color {
            case .default: return fallback
            case .ansi(let n) where n < 8: return Int32(n)
            case .indexed(let n) where n < 8: return Int32(n)
            case .ansi(let n), .indexed(let n):
                let (r, g, b) = ColorDegradation.rgb(ofIndexed: n)
                return Self.packed(r, g, b)
            case .rgb(let r, let g, let b):
                return Self.packed(r, g, b)
            }
        }
        let capability: ColorCapability = colorCount >= 256 ? .indexed256 : (colorCount >= 16 ? .ansi16 : .ansi8)
        switch ColorDegradation.degrade(color, to: capability) {
        case .default: return fallback
        case .ansi(let n), .indexed(let n): return Int32(n)
        case .rgb(let r, let g, let b): return Int32(ColorDegradation.nearest256(r, g, b))
        }
    }

    private static func packed(_ r: UInt8, _ g: UInt8, _ b: UInt8) -> Int32 {
        max(8, Int32(r) << 16 | Int32(g) << 8 | Int32(b))
    }
}
