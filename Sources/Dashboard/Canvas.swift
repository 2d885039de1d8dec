import ScorecardData

/// One character cell of a `Canvas`: a grapheme (or a single space) and the role that styles it.
/// A wide character (two columns) is followed by a `continuation` cell that terminals skip.
public struct Cell: Equatable, Sendable {
    public var character: Character
    public var role: StyleRole
    /// Set on the right half of a double-width character.
    public var isContinuation: Bool

    public init(_ character: Character = " ", role: StyleRole = .text, isContinuation: Bool = false) {
        self.character = character
        self.role = role
        self.isContinuation = isContinuation
    }

    public static let blank = Cell()
}

/// A grid of cells that views render into. The Terminal layer paints it; tests read it as text.
/// Writes outside the grid are clipped, never trapped.
///
/// What a canvas holds is always fit to paint:
/// - no character unsafe for a terminal: every way in (`text`, the subscript, `fill`) puts
///   `SafeText`'s placeholder in its place, so the painters write cells as they are;
/// - in an ASCII canvas (`--ascii`, a non-UTF-8 locale) nothing but ASCII: text is folded by
///   `SafeText.ascii`, and marks come from the glyph table's ASCII column;
/// - no half of a wide character: overwriting one half blanks the other.
///
/// A canvas also keeps the marks drawn on it (`marks`), in the order first drawn, so the legend
/// line and `?` explain exactly what is on screen.
public struct Canvas: Equatable, Sendable {
    public let width: Int
    public let height: Int
    /// Draw with ASCII only.
    public let ascii: Bool
    public private(set) var cells: [Cell]
    /// The marks drawn so far, first drawn first.
    public private(set) var marks: [Mark] = []

    public init(width: Int, height: Int, ascii: Bool = false) {
        self.width = max(0, width)
        self.height = max(0, height)
        self.ascii = ascii
        self.cells = Array(repeating: .blank, count: self.width * self.height)
    }

    /// The glyph table in this canvas's alphabet.
    public var glyphs: Glyphs { Glyphs(ascii: ascii) }

    public subscript(x: Int, y: Int) -> Cell {
        get { contains(x: x, y: y) ? cells[y * width + x] : .blank }
        set {
            guard contains(x: x, y: y) else { return }
            let ch = newValue.character
            if newValue.isContinuation || (ch.isASCII && !ch.unicodeScalars.contains(where: SafeText.isUnsafe)) {
                store(newValue, x: x, y: y)
            } else {
                // Anything else goes the way text does: made safe, folded to ASCII, wide or not.
                text(String(ch), x: x, y: y, role: newValue.role, ellipsis: false)
            }
        }
    }

    @inline(__always)
    public func contains(x: Int, y: Int) -> Bool { x >= 0 && y >= 0 && x < width && y < height }

    /// Notes that `marks` were drawn (for marks placed cell by cell or inside composed text).
    public mutating func record(_ marks: Mark...) { record(marks) }

    /// Notes that `marks` were drawn.
    public mutating func record(_ marks: [Mark]) {
        for m in marks where !self.marks.contains(m) { self.marks.append(m) }
    }

    /// Writes one mark's glyph at (x, y) and records it. Returns the columns written.
    @discardableResult
    public mutating func mark(_ mark: Mark, x: Int, y: Int, role: StyleRole) -> Int {
        text(glyphs[mark], x: x, y: y, role: role, ellipsis: false, marks: [mark])
    }

    /// Fills a rectangle with one character and role (a control character fills with blanks,
    /// and an ASCII canvas with its ASCII form).
    public mutating func fill(x: Int, y: Int, width w: Int, height h: Int, character: Character = " ", role: StyleRole = .text) {
        let x0 = max(0, x), y0 = max(0, y)
        let x1 = min(width, x + w), y1 = min(height, y + h)
        guard x0 < x1, y0 < y1 else { return }
        var ch = character.unicodeScalars.contains(where: SafeText.isUnsafe) ? " " : character
        if ascii && !ch.isASCII { ch = SafeText.ascii(String(ch)).first ?? "?" }
        if TextWidth.of(ch) != 1 { ch = " " }
        for row in y0..<y1 {
            for col in x0..<x1 { store(Cell(ch, role: role), x: col, y: row) }
        }
    }

    /// Fills a rectangle.
    public mutating func fill(_ rect: Rect, character: Character = " ", role: StyleRole = .text) {
        fill(x: rect.x, y: rect.y, width: rect.width, height: rect.height, character: character, role: role)
    }

    /// Writes text from (x, y), cut at `maxWidth` columns (and at the canvas edge) with an ellipsis
    /// when it does not fit. Untrusted text is made safe first (control characters become visible
    /// placeholders) and, on an ASCII canvas, folded to ASCII. `marks` are recorded when any of
    /// the text is drawn. Returns the number of columns written.
    @discardableResult
    public mutating func text(_ string: String, x: Int, y: Int, maxWidth: Int? = nil, role: StyleRole = .text, ellipsis: Bool = true,
                              marks: [Mark] = []) -> Int {
        guard y >= 0, y < height else { return 0 }
        let limit = min(maxWidth ?? (width - x), width - x)
        guard limit > 0 else { return 0 }
        let safe = ascii ? SafeText.ascii(string) : Self.printable(SafeText.sanitize(string))
        let total = TextWidth.of(safe)
        var col = x
        var used = 0
        let cut = ellipsis && total > limit
        let budget = cut ? limit - 1 : limit
        for ch in safe {
            let w = TextWidth.of(ch)
            if w == 0 { continue }
            if used + w > budget { break }
            if col >= 0 {
                store(Cell(ch, role: role), x: col, y: y)
                if w == 2 { store(Cell(" ", role: role, isContinuation: true), x: col + 1, y: y) }
            }
            col += w
            used += w
        }
        if cut, budget >= 0 {
            store(Cell(glyphs.ellipsis, role: role), x: col, y: y)
            used += 1
            record(.ellipsis)
        }
        if used > 0 { record(marks) }
        return used
    }

    /// Writes text inside a rectangle's first row (cut at its right edge).
    @discardableResult
    public mutating func text(_ string: String, in rect: Rect, role: StyleRole = .text, alignRight: Bool = false, marks: [Mark] = []) -> Int {
        guard rect.height > 0, rect.width > 0 else { return 0 }
        let room = rect.width - TextWidth.of(string)
        let shown = alignRight && room > 0 ? String(repeating: " ", count: room) + string : string
        return text(shown, x: rect.x, y: rect.y, maxWidth: rect.width, role: role, marks: marks)
    }

    /// `text` with every character the C library cannot print (an unassigned code point) shown
    /// as its code, as control characters are.
    static func printable(_ text: String) -> String {
        guard text.contains(where: { !$0.isASCII && !TextWidth.isPrintable($0) }) else { return text }
        var out = ""
        for ch in text {
            if ch.isASCII || TextWidth.isPrintable(ch) { out.append(ch); continue }
            for s in ch.unicodeScalars { out += TextWidth.columns(s) == nil ? SafeText.placeholder(for: s) : String(s) }
        }
        return out
    }

    /// Sets the role of a run of cells without changing their characters.
    public mutating func paint(x: Int, y: Int, width w: Int, role: StyleRole) {
        guard y >= 0, y < height else { return }
        for col in max(0, x)..<max(max(0, x), min(width, x + w)) { cells[y * width + col].role = role }
    }

    /// Sets the role of every cell of a rectangle.
    public mutating func paint(_ rect: Rect, role: StyleRole) {
        for row in rect.y..<rect.bottom { paint(x: rect.x, y: row, width: rect.width, role: role) }
    }

    /// Puts a cell, blanking the other half of any wide character it cuts in two.
    private mutating func store(_ cell: Cell, x: Int, y: Int) {
        guard contains(x: x, y: y) else { return }
        let i = y * width + x
        let old = cells[i]
        if old.isContinuation, !cell.isContinuation, x > 0 {
            cells[i - 1] = Cell(" ", role: cells[i - 1].role)
        }
        if !old.isContinuation, x + 1 < width, cells[i + 1].isContinuation, TextWidth.of(cell.character) != 2 || cell.isContinuation {
            cells[i + 1] = Cell(" ", role: cells[i + 1].role)
        }
        cells[i] = cell
    }

    /// The canvas as plain text, one line per row, trailing spaces trimmed.
    public var plainText: String {
        var lines: [String] = []
        lines.reserveCapacity(height)
        for row in 0..<height {
            var line = ""
            for col in 0..<width {
                let cell = cells[row * width + col]
                if !cell.isContinuation { line.append(cell.character) }
            }
            while line.last == " " { line.removeLast() }
            lines.append(line)
        }
        return lines.joined(separator: "\n")
    }
}
