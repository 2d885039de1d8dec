import ScorecardData

/// KPI detail's notes section: the commentary and corrective actions (notes.csv) of the area's
/// KPI, newest first. On a wide screen it sits above the definition; where there is no room for
/// it, a line says how many notes there are and that `n` shows them in place of the league.
extension DetailPane {
    /// The notes section for one frame: where it is and the lines that fit.
    public struct NotesRegion: Sendable {
        public var rect: Rect
        public var lines: [NoteLine]

        public static let none = NotesRegion(rect: .zero, lines: [])
    }

    /// A line of the section, its role and the marks it draws.
    public struct NoteLine: Sendable, Equatable {
        public var text: String
        public var role: StyleRole
        public var marks: [Mark] = []
    }

    /// Where the league, the definition and the notes go in the bottom part of the pane (`league`
    /// beside `definition`, the latter empty on a narrow screen).
    struct BottomParts: Sendable {
        var league: Rect
        var definition: Rect
        var notes: NotesRegion
    }

    /// The notes of the shared area's KPI, newest first.
    static func notes(_ shared: SharedState) -> [Note] {
        guard let code = shared.indicator else { return [] }
        return shared.dataset.notes(area: shared.area, indicator: code)
    }

    /// Shares the bottom part among the league, the definition and the notes. With `n` on
    /// (`showNotes`) the notes take the league's place; otherwise on a wide screen they go above
    /// the definition, and on a narrow one a line under the league says how to see them.
    func bottomParts(league: Rect, definition: Rect, _ shared: SharedState) -> BottomParts {
        let notes = Self.notes(shared)
        guard !notes.isEmpty else { return BottomParts(league: league, definition: definition, notes: .none) }
        if showNotes {
            let lines = Self.noteLines(notes, width: league.width, height: league.height, scroll: notesScroll, full: true, shared)
            return BottomParts(league: .zero, definition: definition, notes: NotesRegion(rect: league, lines: lines))
        }
        if definition.width >= 20, definition.height >= 6 {
            let wanted = Self.noteLines(notes, width: definition.width, height: .max, scroll: 0, full: false, shared).count
            let height = min(wanted, max(3, definition.height * 3 / 5))
            let (top, rest) = definition.splitTop(height)
            let lines = Self.noteLines(notes, width: top.width, height: top.height, scroll: 0, full: false, shared)
            return BottomParts(league: league, definition: rest.inset(top: 1), notes: NotesRegion(rect: top, lines: lines))
        }
        guard league.height >= 4 else { return BottomParts(league: league, definition: definition, notes: .none) }
        let (rest, line) = league.splitBottom(1)
        return BottomParts(league: rest, definition: definition, notes: NotesRegion(rect: line, lines: [Self.countLine(notes, shared)]))
    }

    /// `✎ 2 notes on APP17 for Kent, newest Oct-24 · n shows them`.
    static func countLine(_ notes: [Note], _ shared: SharedState) -> NoteLine {
        let n = notes.count
        let newest = notes.first.map { ", newest \($0.period.label)" } ?? ""
        return NoteLine(text: "\(shared.glyphs[.hasNotes]) \(n) note\(n == 1 ? "" : "s") on \(shared.indicator ?? "") for \(shared.areaName(shared.area))\(newest) \(shared.glyphs[.joiner]) n shows them",
                        role: .highlight, marks: [.hasNotes, .joiner])
    }

    /// Every note as lines `width` columns wide: its period and kind (an action's owner and due
    /// date), then its text, wrapped.
    static func noteBody(_ notes: [Note], width: Int, _ shared: SharedState) -> [NoteLine] {
        let joiner = " \(shared.glyphs[.joiner]) "
        var out: [NoteLine] = []
        for note in notes {
            var head = "\(note.period.label) \(note.kind.rawValue)"
            if let owner = note.owner { head += joiner + "owner: \(owner)" }
            if let due = note.due { head += joiner + "due \(due)" }
            // An action's owner and due date may take a second line.
            out += TextBlock.wrap(head, width: width).map { NoteLine(text: $0, role: note.kind == .action ? .warning : .header, marks: [.joiner]) }
            out += TextBlock.wrap(note.text, width: width - 2).map { NoteLine(text: "  " + $0, role: .text) }
        }
        return out
    }

    /// The section's lines for `height` rows of `width` columns: a heading, then the notes'
    /// lines from line `scroll`, and a last line saying there is more when they do not all fit.
    /// `full`: the notes are in the league's place (j/k scroll); else beside it (n shows all).
    static func noteLines(_ notes: [Note], width: Int, height: Int, scroll: Int, full: Bool, _ shared: SharedState) -> [NoteLine] {
        guard height > 0, width > 4 else { return [] }
        let g = shared.glyphs
        let keys = full ? "n: back to the league \(g[.joiner]) j/k scroll" : "n: more room"
        let heading = NoteLine(text: "Notes (\(notes.count), newest first) \(g[.joiner]) \(keys)", role: .title, marks: [.joiner])
        let body = Array(noteBody(notes, width: width, shared).dropFirst(max(0, scroll)))
        let rows = height - 1
        guard body.count > rows else { return [heading] + body }
        let shown = Array(body.prefix(max(0, rows - 1)))
        let left = body.count - shown.count
        let more = NoteLine(text: "\(g[.ellipsis]) \(left) more line\(left == 1 ? "" : "s") \(g[.joiner]) \(full ? "j/k scroll" : "n shows all")",
                            role: .muted, marks: [.ellipsis, .joiner])
        return Array(([heading] + shown + [more]).prefix(height))
    }

    /// Draws the notes section.
    func drawNotes(_ r: NotesRegion, into c: inout Canvas) {
        for (i, line) in r.lines.enumerated() where i < r.rect.height {
            c.text(line.text, in: r.rect.row(i), role: line.role, marks: line.marks)
        }
    }

    /// `n`: the notes in place of the league, or back.
    mutating func toggleNotes(_ shared: SharedState) -> [PaneIntent] {
        let notes = Self.notes(shared)
        guard !notes.isEmpty || showNotes else {
            return [.message("no notes on \(shared.indicator ?? "this KPI") for \(shared.areaName(shared.area)) (notes.csv)")]
        }
        showNotes.toggle()
        notesScroll = 0
        return []
    }

    /// j/k (and pages, Home, End) while the notes are in the league's place: they scroll a line
    /// at a time; Enter, with no league row to open, does nothing.
    mutating func scrollNotes(_ command: Command, _ regions: Regions, _ shared: SharedState) -> Bool {
        guard showNotes, regions.notes.rect.height > 0 else { return false }
        let total = Self.noteBody(Self.notes(shared), width: regions.notes.rect.width, shared).count
        let rows = regions.notes.rect.height - 1
        let page = max(1, rows - 1)
        let last = max(0, total - rows)
        switch command {
        case .up: notesScroll -= 1
        case .down: notesScroll += 1
        case .pageUp: notesScroll -= page
        case .pageDown: notesScroll += page
        case .top: notesScroll = 0
        case .bottom: notesScroll = last
        case .enter: break
        default: return false
        }
        notesScroll = min(max(0, notesScroll), last)
        return true
    }
}
