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
/// Writes outside the grid are clipped, never trapped. A canvas never holds a character that is
/// unsafe for a terminal: every way in (`text`, the subscript, `fill`) puts `SafeText`'s
/// placeholder in its place, so the painters write cells as they are.
public struct Canvas: Equatable, Sendable {
    public let width: Int
    public let height: Int
    public private(set) var cells: [Cell]

    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        self.cells = Array(repeating: .blank, count: self.width * self.height)
    }

    public subscript(x: Int, y: Int) -> Cell {
        get { contains(x: x, y: y) ? cells[y * width + x] : .blank }
        set {
            guard contains(x: x, y: y) else { return }
            if newValue.character.unicodeScalars.contains(where: SafeText.isUnsafe) {
                text(String(newValue.character), x: x, y: y, role: newValue.role, ellipsis: false)
            } else {
                cells[y * width + x] = newValue
            }
        }
    }

    @inline(__always)
    public func contains(x: Int, y: Int) -> Bool { x >= 0 && y >= 0 && x < width && y < height }

    /// Fills a rectangle with one character and role (a control character fills with blanks).
    public mutating func fill(x: Int, y: Int, width w: Int, height h: Int, character: Character = " ", role: StyleRole = .text) {
        let character: Character = character.unicodeScalars.contains(where: SafeText.isUnsafe) ? " " : character
        let x0 = max(0, x), y0 = max(0, y)
        let x1 = min(width, x + w), y1 = min(height, y + h)
        guard x0 < x1, y0 < y1 else { return }
        for row in y0..<y1 {
            for col in x0..<x1 { cells[row * width + col] = Cell(character, role: role) }
        }
    }

    /// Writes text from (x, y), cut at `maxWidth` columns (and at the canvas edge) with an ellipsis
    /// when it does not fit. Untrusted text is made safe first (control characters become visible
    /// placeholders). Returns the number of columns written.
    @discardableResult
    public mutating func text(_ string: String, x: Int, y: Int, maxWidth: Int? = nil, role: StyleRole = .text, ellipsis: Bool = true) -> Int {
        guard y >= 0, y < height else { return 0 }
        let limit = min(maxWidth ?? (width - x), width - x)
        guard limit > 0 else { return 0 }
        let safe = SafeText.sanitize(string)
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
                self[col, y] = Cell(ch, role: role)
                if w == 2 { self[col + 1, y] = Cell(" ", role: role, isContinuation: true) }
            }
            col += w
            used += w
        }
        if cut, budget >= 0 {
            self[col, y] = Cell("…", role: role)
            used += 1
        }
        return used
    }

    /// Sets the role of a run of cells without changing their characters.
    public mutating func paint(x: Int, y: Int, width w: Int, role: StyleRole) {
        guard y >= 0, y < height else { return }
        for col in max(0, x)..<max(max(0, x), min(width, x + w)) { cells[y * width + col].role = role }
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
