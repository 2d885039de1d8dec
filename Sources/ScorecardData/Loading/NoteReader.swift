/// Reads the rows of notes.csv (see docs/data-format.md): the builder resolves the area and
/// indicator codes, this checks the rest of the row and warns when a note's period has no figure
/// of its area and indicator.
struct NoteReader {
    private struct FigureKey: Hashable {
        var area: Int32
        var indicator: Int32
        var period: Period
    }

    /// Every (area, indicator, period) that has an observation, any team.
    private let figures: Set<FigureKey>

    init(columns: ObservationColumns) {
        var keys = Set<FigureKey>(minimumCapacity: columns.count)
        columns.forEachAreaIndicatorRun { rows, area, indicator in
            for r in rows { keys.insert(FigureKey(area: area, indicator: indicator, period: columns.period[r])) }
        }
        figures = keys
    }

    /// The note of the current row, or nil when the row has an error (reported on `t`).
    /// `area` and `indicator` are the resolved ids and codes, nil when they were wrong.
    func read(_ t: inout TableReader, area: (id: Int32, code: String)?, indicator: (id: Int32, code: String)?) -> Note? {
        let period = t.period("period")
        var kind: Note.Kind?
        if let k = t.requiredText("kind", "commentary or action") {
            kind = Note.Kind(rawValue: k.lowercased())
            if kind == nil { t.fail("kind", "kind '\(SafeText.clip(k))' is not commentary or action") }
        }
        let text = t.requiredText("text", "the note's text")
        let owner = t.text("owner")
        var due: CalendarDate?
        if let d = t.text("due") {
            due = CalendarDate(d)
            if due == nil { t.fail("due", "due: '\(SafeText.clip(d))' is not a date: expected YYYY-MM-DD (e.g. 2025-01-31)") }
        }
        guard let area, let indicator, let period, let kind, let text, !t.rowHasError else { return nil }
        if !figures.contains(FigureKey(area: area.id, indicator: indicator.id, period: period)) {
            t.fail("period", "no figure of \(SafeText.clip(indicator.code)) for \(SafeText.clip(area.code)) at \(period) in observations.csv: is the period right?",
                   severity: .warning)
        }
        return Note(area: area.code, indicator: indicator.code, period: period, kind: kind, text: text, owner: owner,
                    due: due, source: t.text("source"), path: t.path, line: t.line)
    }
}
